package dev.accesslink4j.internal;

import dev.accesslink4j.AccessLinkException;
import dev.accesslink4j.AccessLinkIOException;
import dev.accesslink4j.ApiResponse;
import dev.accesslink4j.InvalidResponseException;
import dev.accesslink4j.RateLimitException;
import dev.accesslink4j.RetryPolicy;
import dev.accesslink4j.ServerException;
import dev.accesslink4j.ServiceException;
import dev.accesslink4j.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import okhttp3.Request;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.Response;

/**
 * Executes Retrofit calls with the SDK's error model and {@link RetryPolicy}: success becomes an {@link ApiResponse},
 * an error status the matching {@link ServiceException}, an unparseable body an {@link InvalidResponseException}, a
 * network failure an {@link AccessLinkIOException}. It is the only place that sends a request twice: the OkHttpClient
 * has {@code retryOnConnectionFailure} switched off, so nothing is replayed behind the policy's back.
 */
public final class Transport {

  /** How safe it is to send a request again. */
  public enum Replay {
    /** A read: retried on network failures, timeouts, 408, 5xx and short 429s. */
    SAFE,
    /** Changes state: retried only after a 429, which AccessLink answers without processing the request. */
    REFUSED_ONLY,
    /** Never sent twice (the OAuth code exchange). */
    NEVER
  }

  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final DoubleSupplier random;

  /**
   * Creates a transport.
   *
   * @param policy when to retry
   * @param sleeper how to wait between attempts
   */
  public Transport(RetryPolicy policy, Sleeper sleeper) {
    this(policy, sleeper, () -> ThreadLocalRandom.current().nextDouble());
  }

  Transport(RetryPolicy policy, Sleeper sleeper, DoubleSupplier random) {
    this.policy = policy;
    this.sleeper = sleeper;
    this.random = random;
  }

  /**
   * The retry policy in force.
   *
   * @return the policy
   */
  public RetryPolicy policy() {
    return policy;
  }

  /**
   * Executes a call, retrying as {@code replay} and the policy allow.
   *
   * @param call the call to execute (cloned for each retry)
   * @param replay how safe a second attempt is
   * @param <T> the body type
   * @return the successful response; its body is empty for 204 and similar
   * @throws ServiceException for an error status
   * @throws InvalidResponseException for a body that could not be parsed
   * @throws AccessLinkIOException for a network failure or timeout, or when the asynchronous task running the call
   *     was cancelled ({@link InFlight})
   */
  public <T> ApiResponse<T> execute(Call<T> call, Replay replay) {
    InFlight scope = InFlight.current();
    try {
      Call<T> current = call;
      for (int attempt = 1; ; attempt++) {
        Request request = current.request();
        String what = request.method() + " " + request.url().encodedPath();
        Duration wait;
        try {
          if (scope != null) {
            scope.attach(current);
          }
          Response<T> response = current.execute();
          if (response.isSuccessful()) {
            return new ApiResponse<>(response.code(), new ResponseHeaders(response.headers()), response.body());
          }
          ServiceException error =
              ErrorMapper.map(
                  response.code(),
                  request.method(),
                  request.url().encodedPath(),
                  response.headers(),
                  response.errorBody());
          wait = waitAfterError(attempt, error, replay);
          if (wait == null) {
            throw error;
          }
        } catch (MalformedBodyException e) {
          int status = LastStatus.get();
          throw new InvalidResponseException(
              what + " answered HTTP " + status + " but " + e.getMessage(),
              status,
              Redaction.snippet(e.head()),
              e);
        } catch (IOException e) {
          if (current.isCanceled()) {
            throw new AccessLinkIOException(what + " was cancelled", e, false);
          }
          // A thread interrupt surfaces as InterruptedIOException too: it is neither a timeout nor worth a retry.
          boolean interrupted = Thread.currentThread().isInterrupted();
          boolean timeout = !interrupted && e instanceof InterruptedIOException;
          if (interrupted || replay != Replay.SAFE || attempt >= policy.maxAttempts()) {
            String failure =
                interrupted
                    ? "was interrupted"
                    : timeout ? "timed out" : "failed on the network (" + e.getClass().getSimpleName() + ")";
            throw new AccessLinkIOException(
                what + " " + failure + (attempt > 1 ? " after " + attempt + " attempts" : ""), e, timeout);
          }
          wait = jittered(policy.backoffBefore(attempt));
        }
        sleep(wait, scope, what);
        current = current.clone();
      }
    } finally {
      LastStatus.remove();
      SentCredentials.remove();
    }
  }

  /**
   * Runs a download that streams into a file, starting it again (with a fresh clone of the call) when the body
   * breaks off mid-stream, as often as the policy allows for reads. Only safe where a failed attempt leaves nothing
   * behind, as {@link Downloads#toFile} guarantees; a download into a caller's stream is never repeated.
   *
   * @param call the download call
   * @param attempt executes one call and writes its body
   * @param <R> the result
   * @return the result of the first attempt that completed
   * @throws BrokenStreamException when the last allowed attempt broke off too
   */
  public <R> R download(Call<ResponseBody> call, Function<Call<ResponseBody>, R> attempt) {
    Call<ResponseBody> current = call;
    for (int tries = 1; ; tries++) {
      try {
        return attempt.apply(current);
      } catch (BrokenStreamException e) {
        if (tries >= policy.maxAttempts() || current.isCanceled()) {
          throw e;
        }
        Request request = current.request();
        sleep(
            jittered(policy.backoffBefore(tries)),
            InFlight.current(),
            request.method() + " " + request.url().encodedPath());
        current = current.clone();
      }
    }
  }

  private @Nullable Duration waitAfterError(int attempt, ServiceException error, Replay replay) {
    if (attempt >= policy.maxAttempts() || replay == Replay.NEVER) {
      return null;
    }
    if (error instanceof RateLimitException limited) {
      Duration reset = limited.retryAfter();
      if (reset.isZero() || reset.compareTo(policy.maxRateLimitWait()) > 0) {
        return null;
      }
      return reset.plusMillis(250);
    }
    boolean transientStatus = error instanceof ServerException || error.status() == 408;
    return replay == Replay.SAFE && transientStatus ? jittered(policy.backoffBefore(attempt)) : null;
  }

  private Duration jittered(Duration base) {
    double spread = policy.jitter() * (2 * random.getAsDouble() - 1);
    return Duration.ofMillis(Math.max(0, Math.round(base.toMillis() * (1 + spread))));
  }

  private void sleep(Duration wait, @Nullable InFlight scope, String what) {
    if (scope != null && !scope.enterSleep()) {
      throw cancelled(what);
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      if (scope != null && scope.isCancelled()) {
        throw cancelled(what);
      }
      Thread.currentThread().interrupt();
      throw new AccessLinkException(what + " was interrupted while waiting to retry", e);
    } finally {
      if (scope != null) {
        scope.exitSleep();
      }
    }
  }

  private static AccessLinkIOException cancelled(String what) {
    return new AccessLinkIOException(what + " was cancelled", new InterruptedIOException("cancelled"), false);
  }
}

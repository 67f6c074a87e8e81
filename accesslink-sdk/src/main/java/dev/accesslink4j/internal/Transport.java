package dev.accesslink4j.internal;

import dev.accesslink4j.ApiResponse;
import dev.accesslink4j.RetryPolicy;
import dev.accesslink4j.Sleeper;
import dev.accesslink4j.errors.AccessLinkException;
import dev.accesslink4j.errors.AccessLinkIOException;
import dev.accesslink4j.errors.InvalidResponseException;
import dev.accesslink4j.errors.RateLimitException;
import dev.accesslink4j.errors.ServerException;
import dev.accesslink4j.errors.ServiceException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.Invocation;
import retrofit2.Response;
import retrofit2.http.Streaming;

/**
 * Executes Retrofit calls with the SDK's error model and {@link RetryPolicy}: success becomes an {@link ApiResponse},
 * an error status the matching {@link ServiceException}, an unparseable body an {@link InvalidResponseException}, a
 * network failure an {@link AccessLinkIOException}, a redirect the {@link RedirectGuard} refused a
 * {@link dev.accesslink4j.errors.RedirectRefusedException}. It is the only place that sends a request twice: the OkHttpClient
 * has {@code retryOnConnectionFailure} switched off, so nothing is replayed behind the policy's back.
 *
 * <p>Deadlines: a non-streaming call has one budget, the call timeout, for all its attempts and the waits between
 * them (each attempt's OkHttp call timeout is what is left); a download has the download timeout (none by default)
 * in the same way, and never the call timeout, since OkHttp's call timeout also covers reading the body. One shared
 * budget, rather than one per attempt, is what makes the limit a promise to the caller: with three attempts a
 * per-attempt limit would let a trickling server hold the call for three times as long.
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

  /** What the whole-call limit is called in messages. */
  static final String CALL_TIMEOUT = "call timeout";
  /** What the whole-download limit is called in messages. */
  static final String DOWNLOAD_TIMEOUT = "download timeout";
  /** How often a download to a file that arrived damaged is started again: once (see {@link #download}). */
  private static final int DAMAGED_RETRIES = 1;

  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final DoubleSupplier random;
  private final Duration callTimeout;
  private final Duration downloadTimeout;
  private final LongSupplier nanoTime;
  private final Pacer pacer;

  /**
   * Creates a transport that paces the requests to the AccessLink API against a rate budget: before each attempt
   * it takes a permit, waiting (with the sleeper, outside the call timeout) while the short window is spent, and
   * throwing {@link dev.accesslink4j.errors.RateBudgetExhaustedException} for a spent long window or a longer
   * wait; every answer is reported to the budget.
   *
   * @param policy when to retry
   * @param sleeper how to wait between attempts and for the budget
   * @param callTimeout the budget of one non-streaming call, all attempts and waits included; zero for none
   * @param downloadTimeout the budget of one download, body included, all attempts and waits included; zero for none
   * @param budget the rate budget; null for none
   * @param maxBudgetWait the longest wait for a short window that is sat out
   * @param apiBase the API base URL (requests under it are paced); null for none
   */
  public Transport(
      RetryPolicy policy,
      Sleeper sleeper,
      Duration callTimeout,
      Duration downloadTimeout,
      dev.accesslink4j.@Nullable RateBudget budget,
      Duration maxBudgetWait,
      @Nullable HttpUrl apiBase) {
    this(
        policy,
        sleeper,
        () -> ThreadLocalRandom.current().nextDouble(),
        callTimeout,
        downloadTimeout,
        System::nanoTime,
        new Pacer(budget, maxBudgetWait, apiBase));
  }

  Transport(
      RetryPolicy policy,
      Sleeper sleeper,
      DoubleSupplier random,
      Duration callTimeout,
      Duration downloadTimeout,
      LongSupplier nanoTime) {
    this(
        policy,
        sleeper,
        random,
        callTimeout,
        downloadTimeout,
        nanoTime,
        new Pacer(null, Duration.ZERO, null));
  }

  private Transport(
      RetryPolicy policy,
      Sleeper sleeper,
      DoubleSupplier random,
      Duration callTimeout,
      Duration downloadTimeout,
      LongSupplier nanoTime,
      Pacer pacer) {
    this.pacer = pacer;
    this.policy = policy;
    this.sleeper = sleeper;
    this.random = random;
    this.callTimeout = callTimeout;
    this.downloadTimeout = downloadTimeout;
    this.nanoTime = nanoTime;
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
   * Executes a non-streaming call, retrying as {@code replay} and the policy allow, within the call timeout: the
   * budget covers every attempt (connecting, sending, waiting, reading the whole body) and the waits between them; a
   * wait that would end after it is not started, and the last error is thrown instead. A streamed file's call (a
   * generated {@code @Streaming} method, as a raw call may run) gets the download timeout instead.
   *
   * @param call the call to execute (cloned for each retry)
   * @param replay how safe a second attempt is
   * @param <T> the body type
   * @return the successful response; its body is empty for 204 and similar
   * @throws ServiceException for an error status, {@link dev.accesslink4j.errors.RedirectRefusedException} for a redirect
   *     the SDK does not follow
   * @throws InvalidResponseException for a body that could not be parsed
   * @throws AccessLinkIOException for a network failure or timeout (the call timeout included: {@code isTimeout()}),
   *     or when the asynchronous task running the call was cancelled ({@link InFlight})
   */
  public <T> ApiResponse<T> execute(Call<T> call, Replay replay) {
    // A raw call of a streamed file (a generated @Streaming method returning ResponseBody) hands
    // back a body still to
    // be read: like the SDK's own downloads it gets the download deadline, so reading a large file
    // is never cut off.
    return execute(
        call,
        replay,
        streams(call)
            ? Deadline.start(DOWNLOAD_TIMEOUT, downloadTimeout, nanoTime)
            : Deadline.start(CALL_TIMEOUT, callTimeout, nanoTime));
  }

  /** Whether the call is a generated {@code @Streaming} method whose body the caller reads after the call returns. */
  private static boolean streams(Call<?> call) {
    Invocation invocation = call.request().tag(Invocation.class);
    if (invocation == null || !invocation.method().isAnnotationPresent(Streaming.class)) {
      return false;
    }
    Type returned = invocation.method().getGenericReturnType();
    return returned instanceof ParameterizedType p
        && p.getActualTypeArguments().length == 1
        && p.getActualTypeArguments()[0] == ResponseBody.class;
  }

  /**
   * Opens a download: executes its call as a {@link Replay#SAFE} read (retried until the headers arrive) under the
   * download's deadline instead of the call timeout, so the body that the caller then streams is limited only by
   * the read timeout and, if one is set, the download timeout.
   *
   * @param call the download call
   * @param deadline the download's deadline, from {@link #download}
   * @return the response, its body not yet read
   */
  public ApiResponse<ResponseBody> open(Call<ResponseBody> call, Deadline deadline) {
    return execute(call, Replay.SAFE, deadline);
  }

  private <T> ApiResponse<T> execute(Call<T> call, Replay replay, Deadline deadline) {
    InFlight scope = InFlight.current();
    try {
      Call<T> current = call;
      for (int attempt = 1; ; attempt++) {
        Request request = current.request();
        String what = request.method() + " " + request.url().encodedPath();
        Duration wait;
        RuntimeException last;
        try {
          if (scope != null) {
            scope.attach(current);
          }
          Response<T> response =
              pacer.send(current, what, deadline, wait1 -> sleep(wait1, scope, what));
          if (response.isSuccessful()) {
            return new ApiResponse<>(
                response.code(), new ResponseHeaders(response.headers()), response.body());
          }
          ServiceException error = ErrorMapper.map(
              response.code(),
              request.method(),
              request.url().encodedPath(),
              response.headers(),
              response.errorBody());
          wait = waitAfterError(attempt, error, replay, pacer.meters(request));
          if (wait == null) {
            throw error;
          }
          last = error;
        } catch (MalformedBodyException e) {
          int status = LastStatus.get();
          throw new InvalidResponseException(
              what + " answered HTTP " + status + " but " + e.getMessage(),
              status,
              Redaction.snippet(e.head()),
              e);
        } catch (RedirectGuard.Refused e) {
          throw e.toException(request.method(), request.url().encodedPath());
        } catch (IOException e) {
          if (deadline.expired()) {
            throw new AccessLinkIOException(
                what + " did not complete within the " + deadline.describe()
                    + (attempt > 1 ? " (" + attempt + " attempts)" : ""),
                true,
                e);
          }
          if (current.isCanceled()) {
            throw new AccessLinkIOException(what + " was cancelled", false, e);
          }
          // A thread interrupt surfaces as InterruptedIOException too: it is neither a timeout nor
          // worth a retry.
          boolean interrupted = Thread.currentThread().isInterrupted();
          boolean timeout = !interrupted && e instanceof InterruptedIOException;
          String failure = interrupted
              ? "was interrupted"
              : timeout
                  ? "timed out"
                  : "failed on the network (" + e.getClass().getSimpleName() + ")";
          AccessLinkIOException error = new AccessLinkIOException(
              what + " " + failure + (attempt > 1 ? " after " + attempt + " attempts" : ""),
              timeout,
              e);
          if (interrupted || replay != Replay.SAFE || attempt >= policy.maxAttempts()) {
            throw error;
          }
          wait = jittered(policy.backoffBefore(attempt));
          last = error;
        }
        if (deadline.wouldPass(wait)) {
          throw last; // no time is left for another attempt within the budget
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
   * Runs one download under its own deadline (the download timeout, if set; never the call timeout). A download to
   * a file ({@code repeatable}) is started again with a fresh clone of the call when its body breaks off mid-stream,
   * as often as the policy allows for reads, and once when it arrived damaged (an {@link InvalidResponseException}
   * from {@link Downloads}, or a 2xx that carried no file at all): a
   * damaged body is a defect of the server or of something between it and us, which a passing fault (a proxy that
   * cut the body) explains and one more attempt fixes, while a file that is damaged at its source would only be
   * fetched again and again. Only safe where a failed attempt leaves nothing behind, as {@link Downloads#toFile}
   * guarantees; a download into a caller's stream is never repeated.
   *
   * @param call the download call
   * @param repeatable whether a failed attempt left nothing behind
   * @param attempt opens the call (through {@link #open}) and writes its body
   * @param <R> the result
   * @return the result of the first attempt that completed
   * @throws AccessLinkIOException when the last allowed attempt broke off too (never the internal
   *     {@link BrokenStreamException} that {@link Downloads} raises for it)
   * @throws InvalidResponseException when the last allowed attempt arrived damaged
   * @throws AccessLinkIOException with {@code isTimeout()} when the download timeout ended it
   */
  public <R> R download(
      Call<ResponseBody> call,
      boolean repeatable,
      BiFunction<Call<ResponseBody>, Deadline, R> attempt) {
    Deadline deadline = Deadline.start(DOWNLOAD_TIMEOUT, downloadTimeout, nanoTime);
    Call<ResponseBody> current = call;
    int damaged = 0;
    for (int tries = 1; ; tries++) {
      Request request = current.request();
      String what = request.method() + " " + request.url().encodedPath();
      RuntimeException failure;
      try {
        return attempt.apply(current, deadline);
      } catch (BrokenStreamException e) {
        if (deadline.expired()) {
          throw new AccessLinkIOException(
              what + " did not complete within the " + deadline.describe(), true, (IOException)
                  e.getCause());
        }
        failure = e.toPublic(); // the internal type never reaches the caller
      } catch (InvalidResponseException e) {
        if (damaged++ >= DAMAGED_RETRIES) {
          throw e;
        }
        failure = e;
      }
      if (!repeatable || tries >= policy.maxAttempts() || current.isCanceled()) {
        throw failure;
      }
      Duration wait = jittered(policy.backoffBefore(tries));
      if (deadline.wouldPass(wait)) {
        throw failure;
      }
      sleep(wait, InFlight.current(), what);
      current = current.clone();
    }
  }

  private @Nullable Duration waitAfterError(
      int attempt, ServiceException error, Replay replay, boolean metered) {
    if (attempt >= policy.maxAttempts() || replay == Replay.NEVER) {
      return null;
    }
    if (error instanceof RateLimitException && metered) {
      // Other traffic spent a window: the budget has learned its reset from the 429's headers, and
      // the next attempt's permit waits it out (or stops at a spent daily window).
      return Duration.ZERO;
    }
    if (error instanceof RateLimitException limited) {
      Duration reset = limited.retryAfter();
      if (reset.isZero() || reset.compareTo(policy.maxRateLimitWait()) > 0) {
        return null;
      }
      return reset.plusMillis(250);
    }
    boolean transientStatus = error instanceof ServerException || error.status() == 408;
    return replay == Replay.SAFE && transientStatus
        ? jittered(policy.backoffBefore(attempt))
        : null;
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
    return new AccessLinkIOException(
        what + " was cancelled", false, new InterruptedIOException("cancelled"));
  }
}

package dev.accesslink4j.internal;

import dev.accesslink4j.RateBudget;
import dev.accesslink4j.RateLimit;
import dev.accesslink4j.errors.RateBudgetExhaustedException;
import java.io.IOException;
import java.time.Duration;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.Response;

/**
 * The transport's side of a {@link RateBudget}: which requests it meters (those to the AccessLink API, where
 * Polar's windows apply; not the OAuth token endpoint on another host), taking a permit before each one, waiting
 * out a short window, stopping at a spent long window, and reporting every answer.
 */
final class Pacer {
  /** Waits for a permit; the transport's sleep, which honours cancellation. */
  @FunctionalInterface
  interface Waiter {
    void await(Duration wait);
  }

  private final @Nullable RateBudget budget;
  private final Duration maxWait;
  private final @Nullable HttpUrl apiBase;

  /**
   * Creates a pacer.
   *
   * @param budget the budget; null to meter nothing
   * @param maxWait the longest short-window wait to sit out; a longer one throws like a spent long window
   * @param apiBase the API base URL: requests under it are metered
   */
  Pacer(@Nullable RateBudget budget, Duration maxWait, @Nullable HttpUrl apiBase) {
    this.budget = budget;
    this.maxWait = maxWait;
    this.apiBase = apiBase;
  }

  /** Whether the request is paced. */
  boolean meters(Request request) {
    if (budget == null || apiBase == null) {
      return false;
    }
    HttpUrl url = request.url();
    return url.scheme().equals(apiBase.scheme())
        && url.host().equals(apiBase.host())
        && url.port() == apiBase.port()
        && url.encodedPath().startsWith(apiBase.encodedPath());
  }

  /**
   * Takes a permit, waiting while the short window is spent.
   *
   * @return how long it waited
   * @throws RateBudgetExhaustedException when the long window is spent, or the wait is longer than allowed
   */
  Duration acquire(String what, Waiter waiter) {
    RateBudget b = budget;
    if (b == null) {
      return Duration.ZERO;
    }
    Duration waited = Duration.ZERO;
    while (true) {
      RateBudget.Decision decision = b.tryAcquire();
      if (decision.isGranted()) {
        return waited;
      }
      Duration wait = decision.waitTime();
      if (decision.window() == RateBudget.Window.LONG || wait.compareTo(maxWait) > 0) {
        throw new RateBudgetExhaustedException(
            what, decision.window(), decision.resumeAt().orElseThrow());
      }
      waiter.await(wait);
      waited = waited.plus(wait);
    }
  }

  /**
   * Sends one attempt: takes a permit first when the request is metered (the wait extends the deadline: the
   * request has not been sent, so waiting is queueing, not the call taking long), then reports the answer.
   */
  <T> Response<T> send(Call<T> call, String what, Deadline deadline, Waiter waiter)
      throws IOException {
    boolean metered = meters(call.request());
    if (metered) {
      deadline.extend(acquire(what, waiter));
    }
    deadline.applyTo(call);
    Response<T> response;
    try {
      response = call.execute();
    } catch (IOException | RuntimeException e) {
      if (metered) {
        unanswered();
      }
      throw e;
    }
    if (metered) {
      answered(response.code(), response.headers());
    }
    return response;
  }

  /** Reports an answer. */
  void answered(int status, Headers headers) {
    if (budget != null) {
      RateLimit reported = RateLimit.parse(
              headers.get("RateLimit-Usage"),
              headers.get("RateLimit-Limit"),
              headers.get("RateLimit-Reset"))
          .orElse(null);
      budget.answered(status, reported);
    }
  }

  /** Reports a request that got no answer. */
  void unanswered() {
    if (budget != null) {
      budget.unanswered();
    }
  }
}

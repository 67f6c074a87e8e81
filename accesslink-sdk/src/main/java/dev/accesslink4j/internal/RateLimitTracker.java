package dev.accesslink4j.internal;

import dev.accesslink4j.RateLimit;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.function.Consumer;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the rate-limit state of the latest AccessLink response that reported one, for the whole client (Polar's
 * windows are per client, not per user or call), and tells an optional listener about every report. Headers are
 * parsed only when someone asks, or when a listener is registered.
 */
public final class RateLimitTracker implements Interceptor {
  private final @Nullable Consumer<RateLimit> listener;
  private volatile okhttp3.@Nullable Headers latest;

  /**
   * Creates a tracker.
   *
   * @param listener called with every reported state, on the thread that made the call; may be null
   */
  public RateLimitTracker(@Nullable Consumer<RateLimit> listener) {
    this.listener = listener;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    okhttp3.Headers headers = response.headers();
    if (headers.get("RateLimit-Usage") != null) {
      latest = headers;
      if (listener != null) {
        parse(headers).ifPresent(this::notifyListener);
      }
    }
    return response;
  }

  /**
   * The state AccessLink reported most recently.
   *
   * @return the state, or empty before the first response that carried well-formed headers
   */
  public Optional<RateLimit> latest() {
    okhttp3.Headers headers = latest;
    return headers == null ? Optional.empty() : parse(headers);
  }

  private static Optional<RateLimit> parse(okhttp3.Headers headers) {
    return RateLimit.parse(
        headers.get("RateLimit-Usage"),
        headers.get("RateLimit-Limit"),
        headers.get("RateLimit-Reset"));
  }

  private void notifyListener(RateLimit limit) {
    try {
      listener.accept(limit);
    } catch (RuntimeException e) {
      System.getLogger("dev.accesslink4j")
          .log(Level.WARNING, "the rate-limit listener failed: " + e.getClass().getName());
    }
  }
}

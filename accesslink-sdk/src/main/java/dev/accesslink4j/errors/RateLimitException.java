package dev.accesslink4j.errors;

import dev.accesslink4j.RateLimit;
import dev.accesslink4j.RetryPolicy;
import java.time.Duration;

/**
 * HTTP 429: a rate-limit window is spent. {@link #retryAfter()} tells how long until the exhausted window resets; the
 * {@link RetryPolicy} waits that long by itself only when it is short, because requests refused by the short window
 * still count against the daily one.
 */
public class RateLimitException extends ServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from a parsed error response.
   *
   * @param details what the response said
   */
  public RateLimitException(ErrorDetails details) {
    super(details, hint(details));
  }

  private static String hint(ErrorDetails details) {
    RateLimit limit = details.rateLimit().orElse(null);
    if (limit == null) {
      return "Rate limit exceeded; AccessLink sent no RateLimit-Reset header";
    }
    return "Rate limit exceeded in the "
        + (limit.longWindow().isExhausted() ? "24-hour" : "15-minute")
        + " window; it resets in "
        + limit.retryAfter().toSeconds()
        + " s";
  }

  /**
   * How long until the exhausted window resets, from the {@code RateLimit-Reset} header.
   *
   * @return the wait, or {@link Duration#ZERO} when the response carried no rate-limit headers
   */
  public Duration retryAfter() {
    return rateLimit().map(RateLimit::retryAfter).orElse(Duration.ZERO);
  }
}

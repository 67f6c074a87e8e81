package dev.accesslink4j;

import dev.accesslink4j.internal.ResponseHeaders;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A successful response with its metadata: status, headers and rate-limit state, for callers who need more than the
 * body (for example to pace a backfill by the remaining budget).
 *
 * @param <T> the body type
 */
public final class ApiResponse<T> {
  private final int status;
  private final Map<String, List<String>> headers;
  private final @Nullable T body;

  /**
   * Creates a response.
   *
   * @param status the HTTP status
   * @param headers the response headers
   * @param body the parsed body, or null for a response without one (such as 204)
   */
  public ApiResponse(int status, Map<String, List<String>> headers, @Nullable T body) {
    this.status = status;
    if (headers instanceof ResponseHeaders view) {
      this.headers = view;
    } else {
      TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      this.headers = java.util.Collections.unmodifiableMap(copy);
    }
    this.body = body;
  }

  /**
   * The HTTP status code (200, 201, 204…).
   *
   * @return the status
   */
  public int status() {
    return status;
  }

  /**
   * All response headers, with case-insensitive names.
   *
   * @return an unmodifiable map
   */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * The first value of a header.
   *
   * @param name the header name, in any case
   * @return the value, if present
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * The rate-limit state the response reported.
   *
   * @return the state, when the {@code RateLimit-*} headers were present and well-formed
   */
  public Optional<RateLimit> rateLimit() {
    return RateLimit.parse(
        header("RateLimit-Usage").orElse(null),
        header("RateLimit-Limit").orElse(null),
        header("RateLimit-Reset").orElse(null));
  }

  /**
   * The parsed body.
   *
   * @return the body, or empty for a response without one (such as 204 "no data")
   */
  public Optional<T> body() {
    return Optional.ofNullable(body);
  }

  @Override
  public String toString() {
    return "ApiResponse[status=" + status + ", hasBody=" + (body != null) + "]";
  }
}

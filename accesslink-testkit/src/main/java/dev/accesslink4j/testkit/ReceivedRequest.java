package dev.accesslink4j.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One request the fake received, recorded before any fault or rule was applied, for assertions in tests.
 *
 * <p>Immutable and thread-safe. {@link #toString()} redacts the {@code Authorization} header.
 */
public final class ReceivedRequest {
  private final String method;
  private final String path;
  private final String query;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final @Nullable Route route;
  private final Instant receivedAt;

  /**
   * Creates a record.
   *
   * @param method the HTTP method
   * @param path the encoded path, without the query
   * @param query the encoded query without {@code ?}, or an empty string
   * @param headers the headers (names matched case-insensitively)
   * @param body the body bytes
   * @param route the operation the path matched, or null when it matched none
   * @param receivedAt the fake clock's time at arrival
   */
  public ReceivedRequest(
      String method,
      String path,
      String query,
      Map<String, List<String>> headers,
      byte[] body,
      @Nullable Route route,
      Instant receivedAt) {
    this.method = Objects.requireNonNull(method, "method");
    this.path = Objects.requireNonNull(path, "path");
    this.query = Objects.requireNonNull(query, "query");
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    this.headers = Collections.unmodifiableMap(copy);
    this.body = body.clone();
    this.route = route;
    this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
  }

  /**
   * The HTTP method.
   *
   * @return for example {@code GET}
   */
  public String method() {
    return method;
  }

  /**
   * The encoded path without the query.
   *
   * @return for example {@code /v3/users/2278512}
   */
  public String path() {
    return path;
  }

  /**
   * The encoded query string without the leading {@code ?}.
   *
   * @return the query, or an empty string when the request had none
   */
  public String query() {
    return query;
  }

  /**
   * The first value of a query parameter, decoded.
   *
   * @param name the parameter name
   * @return the value, or empty when absent
   */
  public Optional<String> queryParameter(String name) {
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      if (key.equals(name)) {
        return Optional.of(eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    return Optional.empty();
  }

  private static String decode(String s) {
    return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /**
   * All headers; names are matched case-insensitively.
   *
   * @return an unmodifiable map from header name to its values
   */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * The first value of a header.
   *
   * @param name the header name, any case
   * @return the value, or empty when absent
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * The body bytes.
   *
   * @return a copy of the body; empty when there was none
   */
  public byte[] body() {
    return body.clone();
  }

  /**
   * The body decoded as UTF-8.
   *
   * @return the body text
   */
  public String bodyUtf8() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * The AccessLink operation the path matched.
   *
   * @return the route, or empty for a path the fake does not serve
   */
  public Optional<Route> route() {
    return Optional.ofNullable(route);
  }

  /**
   * When the request arrived, on the fake's clock.
   *
   * @return the arrival time
   */
  public Instant receivedAt() {
    return receivedAt;
  }

  @Override
  public String toString() {
    List<String> shown = new ArrayList<>();
    headers.forEach((name, values) -> shown.add(name + ": "
        + (name.toLowerCase(Locale.ROOT).equals("authorization")
            ? "██"
            : String.join(", ", values))));
    return "ReceivedRequest[" + method + " " + path + (query.isEmpty() ? "" : "?" + query)
        + ", headers=" + shown + ", body=" + body.length + " bytes]";
  }
}

package dev.accesslink4j.testkit.internal;

import dev.accesslink4j.testkit.Route;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/** A received request, parsed once: method, decoded path segments, query, headers, body and the matched route. */
public final class Call {
  /** The HTTP method. */
  public final String method;
  /** The request URL. */
  public final HttpUrl url;
  /** The request headers. */
  public final Headers headers;
  /** The request body. */
  public final byte[] body;
  /** The matched route, or null. */
  public final @Nullable Route route;
  /** The path parameters of the matched route. */
  public final Map<String, String> params;

  Call(
      String method,
      HttpUrl url,
      Headers headers,
      byte[] body,
      @Nullable Route route,
      Map<String, String> params) {
    this.method = method;
    this.url = url;
    this.headers = headers;
    this.body = body;
    this.route = route;
    this.params = params;
  }

  /** A path parameter of the matched route. */
  public String param(String name) {
    String v = params.get(name);
    if (v == null) {
      throw new IllegalStateException("no path parameter " + name);
    }
    return v;
  }

  /** A query parameter. */
  public Optional<String> query(String name) {
    return Optional.ofNullable(url.queryParameter(name));
  }

  /** A boolean query flag: present and {@code true} (case-insensitive). */
  public boolean flag(String name) {
    return query(name).map(v -> v.equalsIgnoreCase("true")).orElse(false);
  }

  /** A header. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  /** The body as UTF-8. */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body as an {@code application/x-www-form-urlencoded} form; the first value of each name wins. */
  public Map<String, String> form() {
    Map<String, String> form = new LinkedHashMap<>();
    String text = text();
    if (text.isEmpty()) {
      return form;
    }
    for (String pair : text.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      form.putIfAbsent(key, value);
    }
    return Collections.unmodifiableMap(form);
  }

  /** Decoded path segments without a trailing empty segment. */
  static List<String> segments(HttpUrl url) {
    List<String> s = url.pathSegments();
    if (!s.isEmpty() && s.get(s.size() - 1).isEmpty()) {
      return s.subList(0, s.size() - 1);
    }
    return s;
  }
}

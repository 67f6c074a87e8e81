package dev.accesslink4j.internal;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Encodes and parses URL query strings so that decoding an encoded value gives back exactly the same string. */
public final class QueryStrings {
  private QueryStrings() {}

  /**
   * Percent-encodes a query value (a space as {@code %20}, never {@code +}).
   *
   * @param value the raw value
   * @return the encoded value
   */
  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * Decodes a percent-encoded query value.
   *
   * @param value the encoded value
   * @return the raw value
   * @throws IllegalArgumentException for a malformed percent-encoding
   */
  public static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }

  /**
   * Parses a URI's query into its parameters, keeping repeated ones.
   *
   * @param uri an absolute or relative URI
   * @return each parameter name with its values in order; empty when there is no query
   * @throws IllegalArgumentException for a malformed percent-encoding
   */
  public static Map<String, List<String>> parse(URI uri) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    @Nullable String raw = uri.getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return params;
  }
}

package dev.accesslink4j.internal;

import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * A read-only, case-insensitive map view of OkHttp's response headers, so a response does not copy its headers
 * unless someone reads them as a map. Lookups by name go straight to OkHttp's headers.
 */
public final class ResponseHeaders extends AbstractMap<String, List<String>> {
  private final Headers headers;
  private @Nullable Map<String, List<String>> entries;

  /**
   * Wraps a response's headers.
   *
   * @param headers the headers
   */
  public ResponseHeaders(Headers headers) {
    this.headers = headers;
  }

  @Override
  public @Nullable List<String> get(@Nullable Object name) {
    if (!(name instanceof String key)) {
      return null;
    }
    List<String> values = headers.values(key);
    return values.isEmpty() ? null : values;
  }

  @Override
  public boolean containsKey(@Nullable Object name) {
    return get(name) != null;
  }

  @Override
  public Set<Entry<String, List<String>>> entrySet() {
    Map<String, List<String>> copy = entries;
    if (copy == null) {
      java.util.TreeMap<String, List<String>> map =
          new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      headers.toMultimap().forEach((k, v) -> map.put(k, List.copyOf(v)));
      copy = java.util.Collections.unmodifiableMap(map);
      entries = copy;
    }
    return copy.entrySet();
  }
}

package dev.accesslink4j.testkit.internal;

import dev.accesslink4j.testkit.Route;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Matches a method and path to a {@link Route}. A literal segment always beats a {@code {parameter}} at the same
 * position, so {@code /v3/users/cardio-load/date} never reaches {@code /{date}} and {@code /v3/users/sleep/available}
 * never reaches {@code /v3/users/sleep/{date}}. The path is chosen first, then the method: a known path with another
 * method is a 405, not a fall-through to a less specific template. A trailing slash is ignored.
 */
public final class Router {
  /** The result of matching: a route and its parameters, or the methods the path allows (empty: unknown path). */
  public record Match(@Nullable Route route, Map<String, String> params, List<String> allowed) {}

  private final List<Route> routes = Arrays.asList(Route.values());

  /** Matches a request. */
  public Match match(String method, List<String> segments) {
    String best = null;
    int[] bestShape = null;
    for (Route r : routes) {
      String[] tpl = split(r.pathTemplate());
      if (tpl.length != segments.size()) {
        continue;
      }
      int[] shape = new int[tpl.length];
      boolean ok = true;
      for (int i = 0; i < tpl.length && ok; i++) {
        if (isParam(tpl[i])) {
          shape[i] = 1;
        } else {
          ok = tpl[i].equals(segments.get(i));
        }
      }
      if (ok && (bestShape == null || Arrays.compare(shape, bestShape) < 0)) {
        best = r.pathTemplate();
        bestShape = shape;
      }
    }
    if (best == null) {
      return new Match(null, Map.of(), List.of());
    }
    TreeSet<String> allowed = new TreeSet<>();
    for (Route r : routes) {
      if (r.pathTemplate().equals(best)) {
        allowed.add(r.method());
        if (r.method().equals(method)) {
          return new Match(r, params(split(best), segments), List.of());
        }
      }
    }
    return new Match(null, Map.of(), Collections.unmodifiableList(new ArrayList<>(allowed)));
  }

  private static Map<String, String> params(String[] tpl, List<String> segments) {
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < tpl.length; i++) {
      if (isParam(tpl[i])) {
        params.put(tpl[i].substring(1, tpl[i].length() - 1), segments.get(i));
      }
    }
    return params;
  }

  private static boolean isParam(String segment) {
    return segment.startsWith("{") && segment.endsWith("}");
  }

  private static String[] split(String template) {
    return template.substring(1).split("/");
  }
}

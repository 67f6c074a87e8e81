package dev.accesslink4j.generated;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Compares a spec example with the JSON a model writes back after parsing it: same fields, same values. Tolerates
 * only what a faithful parse changes: {@code null} vs absent, an absent array that comes back empty (the generated
 * models start every list as an empty {@code ArrayList}), float precision, and a different spelling of the same
 * duration or time ({@code PT14295.773S} comes back as {@code PT3H58M15.773S}). A field the model did not keep (a
 * name mismatch such as {@code start-time} vs {@code start_time}) shows up as a difference.
 */
final class SameData {

  private SameData() {}

  static List<String> differences(JsonElement expected, JsonElement actual) {
    List<String> out = new ArrayList<>();
    compare("$", expected, actual, out);
    return out;
  }

  private static void compare(
      String at, JsonElement expected, JsonElement actual, List<String> out) {
    boolean expectedNull = expected == null || expected.isJsonNull();
    boolean actualNull =
        actual == null || actual.isJsonNull() || emptyArray(actual) && expectedNull;
    if (expectedNull || actualNull) {
      if (expectedNull != actualNull) {
        out.add(at + ": expected " + expected + " but was " + actual);
      }
      return;
    }
    if (expected.isJsonObject() && actual.isJsonObject()) {
      JsonObject e = expected.getAsJsonObject();
      JsonObject a = actual.getAsJsonObject();
      Set<String> keys = new TreeSet<>(e.keySet());
      keys.addAll(a.keySet());
      for (String key : keys) {
        compare(at + "." + key, e.get(key), a.get(key), out);
      }
    } else if (expected.isJsonArray() && actual.isJsonArray()) {
      JsonArray e = expected.getAsJsonArray();
      JsonArray a = actual.getAsJsonArray();
      if (e.size() != a.size()) {
        out.add(at + ": expected " + e.size() + " items but was " + a.size());
        return;
      }
      for (int i = 0; i < e.size(); i++) {
        compare(at + "[" + i + "]", e.get(i), a.get(i), out);
      }
    } else if (expected.isJsonPrimitive() && actual.isJsonPrimitive()) {
      if (!samePrimitive(expected.getAsJsonPrimitive(), actual.getAsJsonPrimitive())) {
        out.add(at + ": expected " + expected + " but was " + actual);
      }
    } else {
      out.add(at + ": expected " + expected + " but was " + actual);
    }
  }

  private static boolean emptyArray(JsonElement element) {
    return element.isJsonArray() && element.getAsJsonArray().isEmpty();
  }

  private static boolean samePrimitive(JsonPrimitive e, JsonPrimitive a) {
    if (e.isNumber() && a.isNumber()) {
      double x = e.getAsDouble();
      double y = a.getAsDouble();
      return x == y || Math.abs(x - y) <= 1e-6 * Math.max(Math.abs(x), Math.abs(y));
    }
    if (e.isString() && a.isString()) {
      String x = e.getAsString();
      String y = a.getAsString();
      return x.equals(y)
          || sameWhenParsed(x, y, Duration::parse)
          || sameWhenParsed(x, y, s -> OffsetDateTime.parse(s).toInstant())
          || sameWhenParsed(x, y, LocalDateTime::parse);
    }
    return e.equals(a);
  }

  private static boolean sameWhenParsed(String x, String y, Function<String, ?> parse) {
    try {
      return parse.apply(x).equals(parse.apply(y));
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}

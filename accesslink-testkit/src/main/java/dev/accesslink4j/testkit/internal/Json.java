package dev.accesslink4j.testkit.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** JSON building and parsing with Polar's conventions (insertion order kept, nulls written, tidy numbers). */
public final class Json {
  private static final Gson GSON =
      new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

  private Json() {}

  /** Serialises compactly. */
  public static String write(JsonElement element) {
    return GSON.toJson(element);
  }

  /** Parses an object, or empty if the text is not a JSON object. */
  public static Optional<JsonObject> parseObject(String text) {
    try {
      JsonElement e = JsonParser.parseString(text);
      return e.isJsonObject() ? Optional.of(e.getAsJsonObject()) : Optional.empty();
    } catch (JsonParseException | IllegalStateException e) {
      return Optional.empty();
    }
  }

  /** A new object builder. */
  public static Obj obj() {
    return new Obj();
  }

  /** A new array. */
  public static JsonArray arr() {
    return new JsonArray();
  }

  /** A number rounded to {@code decimals} places, written without a fraction when it is integral. */
  public static JsonPrimitive num(double value, int decimals) {
    BigDecimal bd =
        BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
    if (bd.scale() <= 0) {
      return new JsonPrimitive(bd.longValueExact());
    }
    return new JsonPrimitive(bd);
  }

  /** Converts a plain value to a JSON element. */
  static JsonElement element(@Nullable Object value) {
    if (value == null) {
      return JsonNull.INSTANCE;
    } else if (value instanceof JsonElement e) {
      return e;
    } else if (value instanceof Obj o) {
      return o.build();
    } else if (value instanceof Number n) {
      return new JsonPrimitive(n);
    } else if (value instanceof Boolean b) {
      return new JsonPrimitive(b);
    } else {
      return new JsonPrimitive(value.toString());
    }
  }

  /** A small fluent wrapper over {@link JsonObject}. */
  public static final class Obj {
    private final JsonObject object = new JsonObject();

    /** Adds a member; {@code null} writes JSON null. */
    public Obj put(String name, @Nullable Object value) {
      object.add(name, element(value));
      return this;
    }

    /** Adds a member only when the value is present. */
    public Obj putIfNotNull(String name, @Nullable Object value) {
      if (value != null) {
        object.add(name, element(value));
      }
      return this;
    }

    /** The object. */
    public JsonObject build() {
      return object;
    }
  }
}

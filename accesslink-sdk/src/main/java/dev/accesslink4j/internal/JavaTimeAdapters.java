package dev.accesslink4j.internal;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gson adapters for the java.time types the generated models use, lenient where Polar's values are: instants with a
 * one-digit second ({@code 2008-10-13T10:40:0.000Z}), instants without an offset (read as UTC), local date-times
 * with or without seconds and with any fraction, and fractional ISO-8601 durations ({@code PT14295.773S}).
 */
public final class JavaTimeAdapters {
  private static final Pattern LOOSE_DATE_TIME = Pattern.compile(
      "(\\d{4}-\\d{2}-\\d{2})[T ](\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?");

  private JavaTimeAdapters() {}

  /**
   * Registers every adapter on a Gson builder.
   *
   * @param builder the builder to extend
   * @return the same builder
   */
  public static GsonBuilder register(GsonBuilder builder) {
    return builder
        .registerTypeAdapter(OffsetDateTime.class, adapter(JavaTimeAdapters::offsetDateTime))
        .registerTypeAdapter(LocalDateTime.class, adapter(JavaTimeAdapters::localDateTime))
        .registerTypeAdapter(LocalDate.class, adapter(LocalDate::parse))
        .registerTypeAdapter(Duration.class, adapter(Duration::parse));
  }

  static OffsetDateTime offsetDateTime(String text) {
    Matcher m = normalized(text);
    String zone = m.group(6);
    String base = canonical(m);
    if (zone == null) {
      return LocalDateTime.parse(base).atOffset(ZoneOffset.UTC);
    }
    if (!zone.equals("Z") && zone.indexOf(':') < 0) {
      zone = zone.substring(0, 3) + ":" + zone.substring(3);
    }
    return OffsetDateTime.parse(base + zone);
  }

  static LocalDateTime localDateTime(String text) {
    Matcher m = normalized(text);
    String zone = m.group(6);
    if (zone == null) {
      return LocalDateTime.parse(canonical(m));
    }
    return offsetDateTime(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
  }

  private static Matcher normalized(String text) {
    Matcher m = LOOSE_DATE_TIME.matcher(text.trim());
    if (!m.matches()) {
      throw new DateTimeParseException("not a date-time", text, 0);
    }
    return m;
  }

  private static String canonical(Matcher m) {
    String seconds = m.group(4) == null ? "00" : pad(m.group(4));
    String fraction = m.group(5) == null ? "" : m.group(5);
    return m.group(1) + "T" + pad(m.group(2)) + ":" + pad(m.group(3)) + ":" + seconds + fraction;
  }

  private static String pad(String twoDigitsAtMost) {
    return twoDigitsAtMost.length() == 1 ? "0" + twoDigitsAtMost : twoDigitsAtMost;
  }

  private static <T> TypeAdapter<T> adapter(Function<String, T> parse) {
    return new TypeAdapter<T>() {
      @Override
      public void write(JsonWriter out, T value) throws IOException {
        if (value == null) {
          out.nullValue();
        } else {
          out.value(value.toString());
        }
      }

      @Override
      public T read(JsonReader in) throws IOException {
        if (in.peek() == JsonToken.NULL) {
          in.nextNull();
          return null;
        }
        String path = in.getPath();
        String text = in.nextString();
        if (text.isBlank()) {
          return null;
        }
        try {
          return parse.apply(text);
        } catch (DateTimeParseException | ArithmeticException e) {
          throw new JsonParseException("unreadable date, time or duration at " + path, e);
        }
      }
    }.nullSafe();
  }
}

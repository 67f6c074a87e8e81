package dev.accesslink4j.generated;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.function.Function;

/**
 * The Gson these tests give Retrofit: Gson has no java.time support, and the SDK's adapters live in another module,
 * so the four types the generated models use get minimal ISO-8601 adapters here ({@code date-time} to
 * {@link OffsetDateTime}, {@code date} to {@link LocalDate}, our {@code local-date-time} to {@link LocalDateTime} and
 * {@code duration} to {@link Duration}).
 */
final class TestGson {

  private TestGson() {}

  static Gson create() {
    return new GsonBuilder()
        .registerTypeAdapter(OffsetDateTime.class, iso(OffsetDateTime::parse))
        .registerTypeAdapter(LocalDate.class, iso(LocalDate::parse))
        .registerTypeAdapter(LocalDateTime.class, iso(LocalDateTime::parse))
        .registerTypeAdapter(Duration.class, iso(Duration::parse))
        .create();
  }

  private static <T> TypeAdapter<T> iso(Function<String, T> parse) {
    return new TypeAdapter<T>() {
      @Override
      public void write(JsonWriter out, T value) throws IOException {
        out.value(value.toString());
      }

      @Override
      public T read(JsonReader in) throws IOException {
        return parse.apply(in.nextString());
      }
    }.nullSafe();
  }
}

package dev.accesslink4j.generated.model;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.annotations.JsonAdapter;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The days of a continuous heart-rate range ({@code GET /v3/users/continuous-heart-rate?from=…&to=…}), read from
 * any of the three shapes the spec's {@code continuous-heartrate-range} allows: one day object (the shape Polar
 * documents), a JSON array of day objects, or that array wrapped as {@code {"heart_rates": [...]}} (the shape
 * partners report). Whatever the shape, {@link #getDays()} is the list of days.
 *
 * <p>This class is hand-written, not generated (the only one in this module): OpenAPI Generator's Gson models cannot
 * express an {@code anyOf} of an array and an object (they merge the branches into one object class, which fails on
 * an array), so accesslink-generated's pom maps the schema to this class ({@code typeMappings} and
 * {@code importMappings}) and {@code ContinuousHeartRateApi.listContinuousHeartRate} returns it. It lives beside the
 * generated models because it is one of the API's data types.
 *
 * <p>Gson reads it as the body streams in, one day at a time, with the adapter named by {@link JsonAdapter} (so any
 * Gson picks it up without registration): a month of samples is tens of thousands of objects, and no tree of the
 * whole body is built. Only a single day object is held as a tree while it is read, to tell it from the wrapper.
 * {@code null} entries of an array are skipped. It is written back in the shape it was read in.
 *
 * <p>Instances are immutable (the days themselves are generated, mutable models).
 */
@JsonAdapter(ContinuousHeartRateRange.GsonAdapterFactory.class)
public final class ContinuousHeartRateRange {
  /** The name under which the wrapper shape holds the array of days. */
  public static final String SERIALIZED_NAME_HEART_RATES = "heart_rates";

  /** The shape a range response came in. */
  public enum Shape {
    /** One day object, the shape Polar documents (the range holds exactly one day). */
    DAY,
    /** A JSON array of day objects. */
    DAYS,
    /** An object holding the array of days as {@code heart_rates}, the shape partners report. */
    HEART_RATES
  }

  private final List<ContinuousHeartRate> days;
  private final Shape shape;

  private ContinuousHeartRateRange(Shape shape, List<ContinuousHeartRate> days) {
    this.shape = Objects.requireNonNull(shape, "shape");
    this.days = List.copyOf(days);
    if (shape == Shape.DAY && this.days.size() != 1) {
      throw new IllegalArgumentException(
          "the DAY shape holds exactly one day, not " + this.days.size());
    }
  }

  /**
   * A range of the given days, written as a JSON array.
   *
   * @param days the days, none {@code null}
   * @return the range
   */
  public static ContinuousHeartRateRange of(List<ContinuousHeartRate> days) {
    return new ContinuousHeartRateRange(Shape.DAYS, days);
  }

  /**
   * A range of the given days in the given shape, for tests that need AccessLink's other shapes.
   *
   * @param shape the shape it is written in
   * @param days the days, none {@code null}; exactly one for {@link Shape#DAY}
   * @return the range
   * @throws IllegalArgumentException if the shape is {@link Shape#DAY} and there is not exactly one day
   */
  public static ContinuousHeartRateRange of(Shape shape, List<ContinuousHeartRate> days) {
    return new ContinuousHeartRateRange(shape, days);
  }

  /**
   * The days in the order AccessLink sent them, including days without samples.
   *
   * @return an unmodifiable list, empty for an empty array
   */
  public List<ContinuousHeartRate> getDays() {
    return days;
  }

  /**
   * The shape the response came in: Polar does not document what a range of several days returns, so this tells
   * which of the three shapes it was.
   *
   * @return the shape
   */
  public Shape getShape() {
    return shape;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ContinuousHeartRateRange other
        && shape == other.shape
        && days.equals(other.days);
  }

  @Override
  public int hashCode() {
    return Objects.hash(shape, days);
  }

  @Override
  public String toString() {
    return "class ContinuousHeartRateRange {\n    shape: " + shape + "\n    days: " + days.size()
        + "\n}";
  }

  /** Gives Gson the streaming adapter, built on Gson's own adapter for one day. */
  static final class GsonAdapterFactory implements TypeAdapterFactory {
    @Override
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
      if (type.getRawType() != ContinuousHeartRateRange.class) {
        return null;
      }
      @SuppressWarnings("unchecked")
      TypeAdapter<T> adapter = (TypeAdapter<T>) new Adapter(
          gson.getAdapter(ContinuousHeartRate.class), gson.getAdapter(JsonElement.class));
      return adapter;
    }
  }

  /** Reads any of the three shapes with the streaming reader; writes the shape it read. */
  private static final class Adapter extends TypeAdapter<ContinuousHeartRateRange> {
    private final TypeAdapter<ContinuousHeartRate> day;
    private final TypeAdapter<JsonElement> element;

    Adapter(TypeAdapter<ContinuousHeartRate> day, TypeAdapter<JsonElement> element) {
      this.day = day;
      this.element = element;
    }

    @Override
    public ContinuousHeartRateRange read(JsonReader in) throws IOException {
      JsonToken token = in.peek();
      switch (token) {
        case BEGIN_ARRAY:
          return new ContinuousHeartRateRange(Shape.DAYS, readArray(in));
        case BEGIN_OBJECT:
          return readObject(in);
        case NULL:
          in.nextNull();
          return null;
        default:
          throw new JsonParseException(
              "expected a continuous heart-rate day object, an array of them or a heart_rates wrapper, found "
                  + token + " at " + in.getPath());
      }
    }

    /**
     * An object is either the wrapper (its {@code heart_rates} array streams; other names beside it are dropped) or
     * one day (small, held as a tree until the end tells it from the wrapper).
     */
    private ContinuousHeartRateRange readObject(JsonReader in) throws IOException {
      JsonObject single = new JsonObject();
      List<ContinuousHeartRate> wrapped = null;
      in.beginObject();
      while (in.hasNext()) {
        String name = in.nextName();
        JsonToken next = in.peek();
        if (name.equals(SERIALIZED_NAME_HEART_RATES) && next == JsonToken.BEGIN_ARRAY) {
          wrapped = readArray(in);
        } else if (name.equals(SERIALIZED_NAME_HEART_RATES) && next == JsonToken.NULL) {
          in.nextNull();
          wrapped = List.of();
        } else {
          single.add(name, element.read(in));
        }
      }
      in.endObject();
      if (wrapped != null) {
        return new ContinuousHeartRateRange(Shape.HEART_RATES, wrapped);
      }
      return new ContinuousHeartRateRange(Shape.DAY, List.of(day.fromJsonTree(single)));
    }

    private List<ContinuousHeartRate> readArray(JsonReader in) throws IOException {
      List<ContinuousHeartRate> days = new ArrayList<>();
      in.beginArray();
      while (in.hasNext()) {
        if (in.peek() == JsonToken.NULL) {
          in.nextNull();
        } else {
          days.add(day.read(in));
        }
      }
      in.endArray();
      return days;
    }

    @Override
    public void write(JsonWriter out, ContinuousHeartRateRange value) throws IOException {
      if (value == null) {
        out.nullValue();
        return;
      }
      switch (value.shape) {
        case DAY:
          day.write(out, value.days.get(0));
          break;
        case DAYS:
          writeArray(out, value.days);
          break;
        case HEART_RATES:
          out.beginObject().name(SERIALIZED_NAME_HEART_RATES);
          writeArray(out, value.days);
          out.endObject();
          break;
        default:
          throw new IllegalStateException("unknown shape " + value.shape);
      }
    }

    private void writeArray(JsonWriter out, List<ContinuousHeartRate> days) throws IOException {
      out.beginArray();
      for (ContinuousHeartRate d : days) {
        day.write(out, d);
      }
      out.endArray();
    }
  }
}

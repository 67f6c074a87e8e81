package dev.accesslink4j;

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
import dev.accesslink4j.generated.api.ContinuousHeartRateApi;
import dev.accesslink4j.generated.model.ContinuousHeartrate;
import dev.accesslink4j.internal.HttpStack;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.Retrofit;
import retrofit2.http.GET;
import retrofit2.http.Headers;
import retrofit2.http.Query;

/**
 * Heart rate measured around the clock (continuous heart-rate tracking, beta): a sample about every five minutes on
 * devices with the feature switched on. Heart rate recorded during training sessions is not included; read it from
 * the exercise.
 *
 * <p>"No data": a day without samples is an empty {@code Optional} or is left out of a range. Polar answers
 * {@code 404} for a day without data; a day object whose sample list is empty or missing is treated the same way.
 * No window is documented for this API.
 *
 * <p>Every call may also throw {@link UnauthorizedException} (401: the token was revoked or expired; link the user
 * again), {@link ConsentRequiredException} (403: the user must accept Polar's mandatory consents),
 * {@link BadRequestException} (400), {@link RateLimitException} (429), {@link ServerException} (5xx),
 * {@link AccessLinkIOException} and {@link InvalidResponseException}.
 */
public final class ContinuousHeartRateService {
  private final HttpStack http;
  private final ContinuousHeartRateApi api;
  private final RangeApi rangeApi;

  ContinuousHeartRateService(HttpStack http, Retrofit retrofit) {
    this.http = http;
    this.api = retrofit.create(ContinuousHeartRateApi.class);
    this.rangeApi = retrofit.create(RangeApi.class);
  }

  /**
   * Reads the continuous heart-rate samples of one day ({@code GET /v3/users/continuous-heart-rate/{date}}). The
   * {@code CONTINUOUS_HEART_RATE} webhook points here.
   *
   * @param date the device-local day
   * @return the day's samples (each with a device-local {@code sample_time} such as {@code 00:02:08}), or empty when
   *     there are none: AccessLink answers 404 for such a day (a day object without samples is empty too)
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public Optional<ContinuousHeartrate> get(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return Calls.optionalOr404(http.transport(), api.getContinuousHeartRate(date))
        .filter(ContinuousHeartRateService::hasSamples);
  }

  /**
   * Reads the continuous heart-rate samples of a range of days
   * ({@code GET /v3/users/continuous-heart-rate?from=…&to=…}), one entry per day that has samples.
   *
   * <p>Polar documents the response as a single day object and does not say what a range of several days returns;
   * this method accepts a single day object, an array of day objects, and an object wrapping that array in
   * {@code heart_rates} (the shape partners report), and parses the body as it streams in
   * (a month is tens of thousands of samples). Polar documents no maximum span.
   *
   * @param from the first day, included
   * @param to the last day, included
   * @return the days that have samples, in the order AccessLink sent them; an empty list when there are none
   *     (also for {@code 204}, {@code 404}, an empty array or day objects without samples)
   * @throws IllegalArgumentException if {@code from} is after {@code to} (no request is sent)
   * @throws BadRequestException if AccessLink refuses the range (400)
   * @throws UnauthorizedException if the token was revoked or expired
   * @throws ConsentRequiredException if the user must accept Polar's mandatory consents
   * @throws AccessLinkException for any other failure (rate limit, server error, network, unreadable body)
   */
  public List<ContinuousHeartrate> range(LocalDate from, LocalDate to) {
    DateWindows.requireOrdered(from, to);
    return Calls.optionalOr404(http.transport(), rangeApi.range(from, to))
        .map(days -> days.days.stream().filter(ContinuousHeartRateService::hasSamples).toList())
        .orElse(List.of());
  }

  private static boolean hasSamples(ContinuousHeartrate day) {
    return day.getHeartRateSamples() != null && !day.getHeartRateSamples().isEmpty();
  }

  /**
   * The range operation declared locally: the generated one expects a single object, while a range of several days
   * may come as an array.
   */
  interface RangeApi {
    @Headers("Accept: application/json")
    @GET("v3/users/continuous-heart-rate")
    Call<Days> range(@Query("from") LocalDate from, @Query("to") LocalDate to);
  }

  /** The days of a range response, read from either a single day object or an array of them. */
  @JsonAdapter(Days.Factory.class)
  static final class Days {
    final List<ContinuousHeartrate> days;

    Days(List<ContinuousHeartrate> days) {
      this.days = days;
    }

    /** Reads {@code {…}} or {@code [{…}, …]} with a streaming reader, one day at a time. */
    static final class Factory implements TypeAdapterFactory {
      @Override
      public <T> @Nullable TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
        if (type.getRawType() != Days.class) {
          return null;
        }
        TypeAdapter<ContinuousHeartrate> day = gson.getAdapter(ContinuousHeartrate.class);
        @SuppressWarnings("unchecked")
        TypeAdapter<T> adapter =
            (TypeAdapter<T>) new DaysAdapter(day, gson.getAdapter(JsonElement.class));
        return adapter;
      }
    }

    private static final class DaysAdapter extends TypeAdapter<Days> {
      private static final String WRAPPER = "heart_rates";
      private final TypeAdapter<ContinuousHeartrate> day;
      private final TypeAdapter<JsonElement> element;

      DaysAdapter(TypeAdapter<ContinuousHeartrate> day, TypeAdapter<JsonElement> element) {
        this.day = day;
        this.element = element;
      }

      @Override
      public @Nullable Days read(JsonReader in) throws IOException {
        List<ContinuousHeartrate> days = new ArrayList<>();
        JsonToken token = in.peek();
        switch (token) {
          case BEGIN_OBJECT -> readObject(in, days);
          case BEGIN_ARRAY -> readArray(in, days);
          case NULL -> {
            in.nextNull();
            return null;
          }
          default -> throw new JsonParseException(
              "expected a continuous heart-rate day object or an array of them, found " + token + " at "
                  + in.getPath());
        }
        return new Days(days);
      }

      /**
       * An object is either one day, or a wrapper {@code {"heart_rates": [day, …]}} (the shape partners report for
       * ranges); the wrapper's array streams, a single day is small.
       */
      private void readObject(JsonReader in, List<ContinuousHeartrate> days) throws IOException {
        JsonObject single = new JsonObject();
        boolean wrapped = false;
        in.beginObject();
        while (in.hasNext()) {
          String name = in.nextName();
          if (name.equals(WRAPPER) && in.peek() == JsonToken.BEGIN_ARRAY) {
            wrapped = true;
            readArray(in, days);
          } else {
            single.add(name, element.read(in));
          }
        }
        in.endObject();
        if (!wrapped) {
          days.add(day.fromJsonTree(single));
        }
      }

      private void readArray(JsonReader in, List<ContinuousHeartrate> days) throws IOException {
        in.beginArray();
        while (in.hasNext()) {
          if (in.peek() == JsonToken.NULL) {
            in.nextNull();
          } else {
            days.add(day.read(in));
          }
        }
        in.endArray();
      }

      @Override
      public void write(JsonWriter out, Days value) {
        throw new UnsupportedOperationException("continuous heart-rate days are only read");
      }
    }
  }
}

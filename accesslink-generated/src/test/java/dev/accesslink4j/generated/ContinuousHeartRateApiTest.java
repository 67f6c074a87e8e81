package dev.accesslink4j.generated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import dev.accesslink4j.generated.api.ContinuousHeartRateApi;
import dev.accesslink4j.generated.model.ContinuousHeartRate;
import dev.accesslink4j.generated.model.ContinuousHeartRateRange;
import dev.accesslink4j.generated.model.ContinuousHeartRateRange.Shape;
import dev.accesslink4j.generated.model.ContinuousHeartRateSample;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ContinuousHeartRateApi}: the range returns the hand-written {@link ContinuousHeartRateRange}, which takes
 * each of the three shapes the spec allows through the generated interface alone, and reads the body as it streams.
 */
class ContinuousHeartRateApiTest {

  private static final LocalDate FROM = LocalDate.of(2022, 9, 12);
  private static final LocalDate TO = LocalDate.of(2022, 9, 13);

  @RegisterExtension
  final ApiServer server = new ApiServer();

  private final ContinuousHeartRateApi api = server.api(ContinuousHeartRateApi.class);

  @Test
  void theRangeReadsEachShapeOfTheSpecsExamples() throws Exception {
    List<JsonNode> examples =
        Spec.operation("listContinuousHeartRate").successExamples().get(200);
    assertThat(examples).hasSize(3);
    List<ContinuousHeartRateRange> ranges = new ArrayList<>();
    for (JsonNode example : examples) {
      server.enqueueJson(200, example.toString());
      ranges.add(api.listContinuousHeartRate(FROM, TO).execute().body());
      RecordedRequest request = server.takeRequest();
      assertThat(request.getUrl().encodedPath()).isEqualTo("/v3/users/continuous-heart-rate");
      assertThat(request.getUrl().encodedQuery()).isEqualTo("from=2022-09-12&to=2022-09-13");
      assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
    }

    assertThat(ranges)
        .extracting(ContinuousHeartRateRange::getShape)
        .containsExactly(Shape.DAY, Shape.DAYS, Shape.HEART_RATES);
    assertThat(ranges.get(0).getDays())
        .extracting(ContinuousHeartRate::getDate)
        .containsExactly(FROM);
    for (ContinuousHeartRateRange several : ranges.subList(1, 3)) {
      assertThat(several.getDays())
          .extracting(ContinuousHeartRate::getDate)
          .containsExactly(FROM, TO);
      assertThat(several.getDays().get(1).getHeartRateSamples())
          .extracting(
              ContinuousHeartRateSample::getHeartRate, ContinuousHeartRateSample::getSampleTime)
          .containsExactly(tuple(58, "00:01:30"));
    }
    assertThat(ranges.get(1).getDays()).isEqualTo(ranges.get(2).getDays());
  }

  @Test
  void eachShapeIsWrittenBackAsItWasRead() {
    Gson gson = server.gson;
    for (JsonNode example :
        Spec.operation("listContinuousHeartRate").successExamples().get(200)) {
      ContinuousHeartRateRange range =
          gson.fromJson(example.toString(), ContinuousHeartRateRange.class);
      assertThat(JsonParser.parseString(gson.toJson(range)))
          .isEqualTo(JsonParser.parseString(example.toString()));
    }
    assertThat(
            gson.toJson(ContinuousHeartRateRange.of(List.of(new ContinuousHeartRate().date(FROM)))))
        .isEqualTo("[{\"date\":\"2022-09-12\",\"heart_rate_samples\":[]}]");
  }

  @Test
  void nullEntriesAndEmptyShapesAreNoDays() {
    Gson gson = server.gson;

    assertThat(gson.fromJson("[]", ContinuousHeartRateRange.class).getDays()).isEmpty();
    assertThat(
            gson.fromJson("[null, {\"date\":\"2022-09-12\"}, null]", ContinuousHeartRateRange.class)
                .getDays())
        .extracting(ContinuousHeartRate::getDate)
        .containsExactly(FROM);
    ContinuousHeartRateRange wrappedNull =
        gson.fromJson("{\"heart_rates\": null}", ContinuousHeartRateRange.class);
    assertThat(wrappedNull.getShape()).isEqualTo(Shape.HEART_RATES);
    assertThat(wrappedNull.getDays()).isEmpty();
    ContinuousHeartRateRange emptyDay = gson.fromJson("{}", ContinuousHeartRateRange.class);
    assertThat(emptyDay.getShape()).isEqualTo(Shape.DAY);
    assertThat(emptyDay.getDays())
        .singleElement()
        .satisfies(d -> assertThat(d.getHeartRateSamples()).isEmpty());
    assertThat(gson.fromJson("null", ContinuousHeartRateRange.class)).isNull();
  }

  @Test
  void aWrapperAmongOtherNamesIsStillTheWrapper() {
    ContinuousHeartRateRange range = server.gson.fromJson(
        "{\"from\":\"2022-09-12\",\"heart_rates\":[{\"date\":\"2022-09-13\"}],\"to\":\"2022-09-13\"}",
        ContinuousHeartRateRange.class);

    assertThat(range.getShape()).isEqualTo(Shape.HEART_RATES);
    assertThat(range.getDays()).extracting(ContinuousHeartRate::getDate).containsExactly(TO);
  }

  @Test
  void anotherShapeFailsWithTheJsonPath() {
    server.enqueueJson(200, "\"no samples\"");

    assertThatThrownBy(() -> api.listContinuousHeartRate(FROM, TO).execute())
        .isInstanceOf(JsonParseException.class)
        .hasMessageContaining("found STRING at $");
  }

  @Test
  void aDayShapeHoldsExactlyOneDay() {
    assertThatThrownBy(() -> ContinuousHeartRateRange.of(Shape.DAY, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the DAY shape holds exactly one day, not 0");
  }

  /**
   * Each day is parsed when the reader has got only a little past it: the array (bare or wrapped) streams, and no
   * tree of the whole body is built first.
   */
  @Test
  void daysAreParsedAsTheBodyStreamsIn() throws IOException {
    int days = 200;
    StringBuilder array = new StringBuilder("[");
    for (int d = 0; d < days; d++) {
      array
          .append(d == 0 ? "" : ",")
          .append("{\"date\":\"")
          .append(FROM.plusDays(d))
          .append("\",")
          .append("\"heart_rate_samples\":[");
      for (int s = 0; s < 288; s++) {
        array.append(s == 0 ? "" : ",").append("{\"heart_rate\":60,\"sample_time\":\"00:00:00\"}");
      }
      array.append("]}");
    }
    array.append("]");

    for (String body : List.of(array.toString(), "{\"heart_rates\":" + array + "}")) {
      CountingReader reader = new CountingReader(new StringReader(body));
      List<Long> readWhenParsed = new ArrayList<>();
      Gson gson = server
          .gson
          .newBuilder()
          .registerTypeAdapterFactory(recording(reader, readWhenParsed))
          .create();

      ContinuousHeartRateRange range =
          gson.getAdapter(ContinuousHeartRateRange.class).read(new JsonReader(reader));

      assertThat(range.getDays()).hasSize(days);
      long perDay = body.length() / days;
      for (int d = 0; d < days; d++) {
        // JsonReader reads ahead by at most its 1 KiB buffer.
        assertThat(readWhenParsed.get(d))
            .as("characters read once day %d was parsed", d)
            .isLessThanOrEqualTo((d + 1) * perDay + 2 * 1024);
      }
    }
  }

  /** Wraps Gson's day adapter to note how far the reader had got each time a day was parsed. */
  private static TypeAdapterFactory recording(CountingReader reader, List<Long> readWhenParsed) {
    return new TypeAdapterFactory() {
      @Override
      public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
        if (type.getRawType() != ContinuousHeartRate.class) {
          return null;
        }
        TypeAdapter<T> delegate = gson.getDelegateAdapter(this, type);
        return new TypeAdapter<T>() {
          @Override
          public void write(JsonWriter out, T value) throws IOException {
            delegate.write(out, value);
          }

          @Override
          public T read(JsonReader in) throws IOException {
            T value = delegate.read(in);
            readWhenParsed.add(reader.count);
            return value;
          }
        };
      }
    };
  }

  /** Counts the characters read through it. */
  private static final class CountingReader extends FilterReader {
    long count;

    CountingReader(Reader in) {
      super(in);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c >= 0) {
        count++;
      }
      return c;
    }
  }
}

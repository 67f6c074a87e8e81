package dev.accesslink4j.services;

import static dev.accesslink4j.services.UserRequests.assertJsonGet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.accesslink4j.ApiResponse;
import dev.accesslink4j.MockAccessLink;
import dev.accesslink4j.errors.InvalidResponseException;
import dev.accesslink4j.generated.api.ContinuousHeartRateApi;
import dev.accesslink4j.generated.model.ContinuousHeartRate;
import dev.accesslink4j.generated.model.ContinuousHeartRateRange;
import dev.accesslink4j.generated.model.ContinuousHeartRateRange.Shape;
import dev.accesslink4j.generated.model.ContinuousHeartRateSample;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ContinuousHeartRateServiceTest {
  private static final LocalDate FROM = LocalDate.of(2022, 9, 12);
  private static final LocalDate TO = LocalDate.of(2022, 9, 13);

  @RegisterExtension
  final MockAccessLink mock = MockAccessLink.withoutRetries();

  @Test
  void getReadsOneDay() {
    mock.enqueueFixture(200, "getContinuousHeartRate.json");

    Optional<ContinuousHeartRate> day = mock.user().continuousHeartRate().get(FROM);

    assertJsonGet(mock.takeRequest(), "/v3/users/continuous-heart-rate/2022-09-12", null);
    assertThat(day).get().satisfies(d -> {
      assertThat(d.getPolarUser())
          .isEqualTo(URI.create("https://polaraccesslink.com/v3/users/627139"));
      assertThat(d.getDate()).isEqualTo(FROM);
      assertThat(d.getHeartRateSamples())
          .extracting(
              ContinuousHeartRateSample::getHeartRate, ContinuousHeartRateSample::getSampleTime)
          .containsExactly(tuple(63, "00:02:08"), tuple(62, "00:07:08"));
    });
  }

  @Test
  void getIsEmptyForADayWithoutData() {
    mock.enqueueStatus(404);
    mock.enqueueJson(200, "{\"date\":\"2022-09-14\",\"heart_rate_samples\":[]}");

    assertThat(mock.user().continuousHeartRate().get(LocalDate.of(2022, 9, 14))).isEmpty();
    assertThat(mock.user().continuousHeartRate().get(LocalDate.of(2022, 9, 14))).isEmpty();
  }

  @Test
  void rangeAcceptsTheDocumentedSingleObject() {
    mock.enqueueFixture(200, "listContinuousHeartRate.json");

    List<ContinuousHeartRate> days = mock.user().continuousHeartRate().range(FROM, TO);

    assertJsonGet(
        mock.takeRequest(), "/v3/users/continuous-heart-rate", "from=2022-09-12&to=2022-09-13");
    assertThat(days).singleElement().satisfies(d -> {
      assertThat(d.getDate()).isEqualTo(FROM);
      assertThat(d.getHeartRateSamples()).hasSize(2);
    });
  }

  @Test
  void rangeAcceptsAnArrayOfDays() {
    mock.enqueueFixture(200, "listContinuousHeartRate.array.json");

    List<ContinuousHeartRate> days = mock.user().continuousHeartRate().range(FROM, TO);

    assertJsonGet(
        mock.takeRequest(), "/v3/users/continuous-heart-rate", "from=2022-09-12&to=2022-09-13");
    assertThat(days).extracting(ContinuousHeartRate::getDate).containsExactly(FROM, TO);
    assertThat(days.get(1).getHeartRateSamples()).singleElement().satisfies(s -> {
      assertThat(s.getHeartRate()).isEqualTo(58);
      assertThat(s.getSampleTime()).isEqualTo("00:01:30");
    });
  }

  @Test
  void rangeAcceptsAnArrayWrappedInHeartRates() {
    String array = MockAccessLink.fixture("listContinuousHeartRate.array.json");
    mock.enqueueJson(200, "{\"heart_rates\": " + array + "}");

    List<ContinuousHeartRate> days = mock.user().continuousHeartRate().range(FROM, TO);

    assertJsonGet(
        mock.takeRequest(), "/v3/users/continuous-heart-rate", "from=2022-09-12&to=2022-09-13");
    assertThat(days).extracting(ContinuousHeartRate::getDate).containsExactly(FROM, TO);
    assertThat(days.get(1).getHeartRateSamples()).singleElement().satisfies(s -> {
      assertThat(s.getHeartRate()).isEqualTo(58);
      assertThat(s.getSampleTime()).isEqualTo("00:01:30");
    });
  }

  @Test
  void theGeneratedRangeOperationTakesEveryShapeThroughARawCall() {
    String array = MockAccessLink.fixture("listContinuousHeartRate.array.json");
    mock.enqueueFixture(200, "listContinuousHeartRate.json");
    mock.enqueueJson(200, array);
    mock.enqueueJson(200, "{\"heart_rates\": " + array + "}");

    List<ContinuousHeartRateRange> ranges = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ApiResponse<ContinuousHeartRateRange> response = mock.user()
          .call(ContinuousHeartRateApi.class, api -> api.listContinuousHeartRate(FROM, TO));
      assertJsonGet(
          mock.takeRequest(), "/v3/users/continuous-heart-rate", "from=2022-09-12&to=2022-09-13");
      assertThat(response.status()).isEqualTo(200);
      ranges.add(response.body().orElseThrow());
    }

    assertThat(ranges)
        .extracting(ContinuousHeartRateRange::getShape)
        .containsExactly(Shape.DAY, Shape.DAYS, Shape.HEART_RATES);
    assertThat(ranges.get(0).getDays())
        .extracting(ContinuousHeartRate::getDate)
        .containsExactly(FROM);
    assertThat(ranges.get(1).getDays())
        .extracting(ContinuousHeartRate::getDate)
        .containsExactly(FROM, TO);
    assertThat(ranges.get(2).getDays()).isEqualTo(ranges.get(1).getDays());
  }

  @Test
  void aRawCallOfAnotherShapeIsAnInvalidResponse() {
    mock.enqueueJson(200, "\"no samples\"");

    assertThatThrownBy(() -> mock.user()
            .call(ContinuousHeartRateApi.class, api -> api.listContinuousHeartRate(FROM, TO)))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("GET /v3/users/continuous-heart-rate answered HTTP 200");
  }

  @Test
  void rangeWithoutDataIsAnEmptyList() {
    mock.enqueueJson(200, "[]");
    mock.enqueueStatus(204);
    mock.enqueueStatus(404);
    mock.enqueueJson(200, "{\"date\":\"2022-09-12\"}");
    mock.enqueueJson(200, "[null, {\"date\":\"2022-09-12\",\"heart_rate_samples\":[]}]");
    ContinuousHeartRateService chr = mock.user().continuousHeartRate();

    for (int i = 0; i < 5; i++) {
      assertThat(chr.range(FROM, TO)).as("response %d", i).isEmpty();
    }
  }

  @Test
  void rangeOfAnotherShapeIsAnInvalidResponse() {
    mock.enqueueJson(200, "\"no samples\"");

    assertThatThrownBy(() -> mock.user().continuousHeartRate().range(FROM, TO))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("GET /v3/users/continuous-heart-rate answered HTTP 200");
  }

  @Test
  void rangeReadsTensOfThousandsOfSamples() {
    int days = 226;
    int perDay = 288; // one sample every five minutes: about 65,000 in all
    Buffer body = new Buffer().writeUtf8("[");
    for (int d = 0; d < days; d++) {
      body.writeUtf8(d == 0 ? "" : ",")
          .writeUtf8("{\"date\":\"" + FROM.plusDays(d) + "\",\"heart_rate_samples\":[");
      for (int s = 0; s < perDay; s++) {
        body.writeUtf8(s == 0 ? "" : ",")
            .writeUtf8("{\"heart_rate\":" + (50 + s % 60) + ",\"sample_time\":\"")
            .writeUtf8(LocalTime.ofSecondOfDay(s * 300L).toString() + ":00\"}");
      }
      body.writeUtf8("]}");
    }
    body.writeUtf8("]");
    mock.enqueue(new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build());

    List<ContinuousHeartRate> result =
        mock.user().continuousHeartRate().range(FROM, FROM.plusDays(days - 1));

    assertThat(result).hasSize(days);
    assertThat(result.stream().mapToInt(d -> d.getHeartRateSamples().size()).sum())
        .isEqualTo(days * perDay);
    assertThat(result.get(days - 1).getDate()).isEqualTo(FROM.plusDays(days - 1));
    assertThat(result.get(days - 1).getHeartRateSamples().get(perDay - 1).getSampleTime())
        .isEqualTo("23:55:00");
  }

  @Test
  void aReversedRangeIsRefusedBeforeAnyRequest() {
    assertThatThrownBy(() -> mock.user().continuousHeartRate().range(TO, FROM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("from (2022-09-13) is after to (2022-09-12)");
    assertThat(mock.server().getRequestCount()).isZero();
  }
}

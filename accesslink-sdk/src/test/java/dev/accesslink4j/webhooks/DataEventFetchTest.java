package dev.accesslink4j.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accesslink4j.MockAccessLink;
import dev.accesslink4j.errors.NotFoundException;
import dev.accesslink4j.generated.model.Alertness;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each data event's {@code fetch} reads what it announces through the user's public service: the endpoint for the
 * event's id or date on the client's base URL (never the payload's {@code url}), with the service's checks and its
 * reading of "no data".
 */
class DataEventFetchTest {
  private static final Instant SENT = Instant.parse("2022-10-02T14:22:24Z");
  /** A payload URL on another host: fetch must not follow it (the token would leave for that host). */
  private static final URI ELSEWHERE = URI.create("https://attacker.example/steal");

  private static final LocalDate DAY = LocalDate.parse("2022-09-30");

  @RegisterExtension
  final MockAccessLink mock = MockAccessLink.withoutRetries();

  private RecordedRequest take(String target) {
    RecordedRequest request = mock.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo(target);
    assertThat(request.getHeaders().get("Authorization"))
        .isEqualTo("Bearer " + MockAccessLink.TOKEN);
    return request;
  }

  @Test
  void exerciseIsReadByItsHashedIdOnTheClientsBaseUrl() {
    mock.enqueueJson(200, "{\"id\":\"aQlC83\",\"upload_time\":\"2018-05-15T14:22:24Z\"}");

    var exercise = new ExerciseEvent(475, "aQlC83", SENT, ELSEWHERE).fetch(mock.user());

    take("/v3/exercises/aQlC83");
    assertThat(exercise).hasValueSatisfying(e -> assertThat(e.getId()).isEqualTo("aQlC83"));
  }

  @Test
  void exerciseNoLongerAvailableIsEmpty() {
    mock.enqueueJson(404, "{\"status\":404,\"errorType\":\"NOT_FOUND\"}");

    assertThat(new ExerciseEvent(475, "gone", SENT, ELSEWHERE).fetch(mock.user()))
        .isEmpty();
  }

  @Test
  void sleepIsReadByDateAnd404IsEmpty() {
    mock.enqueueJson(200, "{\"date\":\"2022-09-30\",\"light_sleep\":1000}").enqueueStatus(404);
    SleepEvent event = new SleepEvent(475, DAY, SENT, ELSEWHERE);

    assertThat(event.fetch(mock.user()))
        .hasValueSatisfying(s -> assertThat(s.getDate()).isEqualTo(DAY));
    take("/v3/users/sleep/2022-09-30");
    assertThat(event.fetch(mock.user())).isEmpty();
  }

  @Test
  void continuousHeartRateIsReadByDateAnd404IsEmpty() {
    mock.enqueueStatus(404)
        .enqueueJson(200, "{\"date\":\"2022-09-30\",\"heart_rate_samples\":[]}")
        .enqueueJson(
            200,
            "{\"date\":\"2022-09-30\",\"heart_rate_samples\":"
                + "[{\"heart_rate\":61,\"sample_time\":\"00:02:08\"}]}");
    ContinuousHeartRateEvent event = new ContinuousHeartRateEvent(475, DAY, SENT, ELSEWHERE);

    assertThat(event.fetch(mock.user())).isEmpty();
    take("/v3/users/continuous-heart-rate/2022-09-30");
    assertThat(event.fetch(mock.user())).as("a day without samples is no data").isEmpty();
    assertThat(event.fetch(mock.user()))
        .hasValueSatisfying(day -> assertThat(day.getHeartRateSamples()).hasSize(1));
  }

  @Test
  void sleepWiseEventsReadTheirRange() {
    mock.enqueueJson(200, "[{\"grade\":9.9,\"grade_type\":\"GRADE_TYPE_PRIMARY\"}]")
        .enqueueStatus(204);
    LocalDate to = LocalDate.parse("2022-10-02");

    List<Alertness> alertness =
        new AlertnessEvent(475, DAY, to, SENT, ELSEWHERE).fetch(mock.user());
    take("/v3/users/sleepwise/alertness/date?from=2022-09-30&to=2022-10-02");
    var bedtimes = new CircadianBedtimeEvent(475, DAY, to, SENT, ELSEWHERE).fetch(mock.user());
    take("/v3/users/sleepwise/circadian-bedtime/date?from=2022-09-30&to=2022-10-02");

    assertThat(alertness).hasSize(1);
    assertThat(alertness.get(0).getGrade()).isEqualTo(9.9);
    assertThat(bedtimes).isEmpty();
  }

  @Test
  void anyDataEventCanBeFetchedGenerically() {
    mock.enqueueJson(200, "{\"date\":\"2022-09-30\",\"light_sleep\":1000}");
    DataEvent<?> event = new SleepEvent(475, DAY, SENT, ELSEWHERE);

    Object data = event.fetch(mock.user());

    take("/v3/users/sleep/2022-09-30");
    assertThat(data)
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.OPTIONAL)
        .isPresent();
  }

  @Test
  void activitySummaryOfADayWithoutActivityIsEmpty() {
    mock.enqueueStatus(204);
    LocalDate recent =
        LocalDate.now(ZoneOffset.UTC).minusDays(2); // the service serves the last 365 days

    assertThat(new ActivitySummaryEvent(475, recent, SENT, ELSEWHERE).fetch(mock.user()))
        .isEmpty();
    take("/v3/users/activities/" + recent);
  }

  @Test
  void activitySummaryOlderThanTheServicesWindowFailsBeforeAnyRequest() {
    LocalDate old = LocalDate.now(ZoneOffset.UTC).minusDays(400);

    assertThatThrownBy(() -> new ActivitySummaryEvent(475, old, SENT, ELSEWHERE).fetch(mock.user()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than 365 days before today");
    assertThat(mock.server().getRequestCount()).isZero();
  }

  @Test
  void sleepWiseEventsOfMoreThan28DatesFailBeforeAnyRequest() {
    LocalDate to = DAY.plusDays(28); // 29 dates

    assertThatThrownBy(() -> new AlertnessEvent(475, DAY, to, SENT, ELSEWHERE).fetch(mock.user()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("covers 29 dates");
    assertThat(mock.server().getRequestCount()).isZero();
  }

  @Test
  void physicalInformationOfAnUnregisteredUserIsNotFound() {
    mock.enqueueJson(200, "{\"weight\":80.0}").enqueueStatus(404);
    PhysicalInformationEvent event = new PhysicalInformationEvent(475, SENT, ELSEWHERE);

    assertThat(event.fetch(mock.user()))
        .hasValueSatisfying(info -> assertThat(info.getWeight()).isEqualTo(80.0f));
    take("/v3/users/physical-info");
    assertThatThrownBy(() -> event.fetch(mock.user())).isInstanceOf(NotFoundException.class);
  }
}

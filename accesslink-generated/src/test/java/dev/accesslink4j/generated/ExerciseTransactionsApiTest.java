package dev.accesslink4j.generated;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accesslink4j.generated.api.ExerciseTransactionsApi;
import dev.accesslink4j.generated.model.Exercise;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ExerciseTransactionsApi}: the deprecated transactional exercises, whose JSON is kebab-case. */
@SuppressWarnings(
    "deprecation") // the transactional API is deprecated by Polar; it still has to work
class ExerciseTransactionsApiTest {

  @RegisterExtension
  final ApiServer server = new ApiServer();

  private final ExerciseTransactionsApi api = server.api(ExerciseTransactionsApi.class);

  @Test
  void getTransactionExerciseReadsTheKebabCasePayload() throws Exception {
    server.enqueueJson(200, Spec.responseExample("getTransactionExercise"));

    Exercise exercise = api.getTransactionExercise(12L, 34L, 56L).execute().body();

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath())
        .isEqualTo("/v3/users/12/exercise-transactions/34/exercises/56");
    assertThat(request.getUrl().query()).isNull();
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");

    assertThat(exercise.getId()).isEqualTo(1_937_529_874L);
    assertThat(exercise.getUploadTime())
        .isEqualTo(OffsetDateTime.of(2008, 10, 13, 10, 40, 2, 0, ZoneOffset.UTC));
    assertThat(exercise.getPolarUser())
        .isEqualTo(URI.create("https://www.polaraccesslink.com/v3/users/1"));
    assertThat(exercise.getTransactionId()).isEqualTo(179_879L);
    assertThat(exercise.getDeviceId()).isEqualTo("1111AAAA");
    assertThat(exercise.getStartTime()).isEqualTo(LocalDateTime.of(2008, 10, 13, 10, 40, 2));
    assertThat(exercise.getStartTimeUtcOffset()).isEqualTo(180);
    assertThat(exercise.getDuration())
        .isEqualTo(Duration.ofHours(2).plusMinutes(44).plusSeconds(45));
    assertThat(exercise.getHeartRate().getAverage()).isEqualTo(129);
    assertThat(exercise.getHeartRate().getMaximum()).isEqualTo(147);
    assertThat(exercise.getTrainingLoad()).isEqualTo(143.22f);
    assertThat(exercise.getHasRoute()).isTrue();
    assertThat(exercise.getClubName()).isEqualTo("Polar Club");
    assertThat(exercise.getDetailedSportInfo()).isEqualTo("RUNNING");
    assertThat(exercise.getFatPercentage()).isEqualTo(60);
    assertThat(exercise.getRunningIndex()).isEqualTo(51);
    assertThat(exercise.getTrainingLoadPro().getDate()).isEqualTo(LocalDate.of(2023, 1, 1));
  }

  @Test
  void noDataIsA204WithoutBody() throws Exception {
    server.enqueue(new mockwebserver3.MockResponse.Builder().code(204).build());

    var response = api.getTransactionExercise(12L, 34L, 56L).execute();

    assertThat(response.code()).isEqualTo(204);
    assertThat(response.body()).isNull();
  }
}

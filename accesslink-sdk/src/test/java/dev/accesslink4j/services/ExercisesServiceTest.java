package dev.accesslink4j.services;

import static dev.accesslink4j.services.UserRequests.assertJsonGet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accesslink4j.MockAccessLink;
import dev.accesslink4j.generated.model.HeartRateZone;
import dev.accesslink4j.generated.model.RoutePoint;
import dev.accesslink4j.generated.model.SampleSeries;
import dev.accesslink4j.generated.model.TrainingLoadProInterpretation;
import dev.accesslink4j.generated.model.TrainingSession;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session reads of {@link ExercisesService}: list and get with their query flags, "no data", blank ids and the
 * query values. The file downloads are in {@link ExerciseDownloadsTest}.
 */
class ExercisesServiceTest {
  @RegisterExtension
  final MockAccessLink mock = MockAccessLink.withoutRetries();

  @TempDir
  Path dir;

  @Test
  void listReadsTheSessionsOfTheLast30Days() {
    mock.enqueueFixture(200, "listExercises.json");

    List<TrainingSession> sessions = mock.user().exercises().list();

    assertJsonGet(mock.takeRequest(), "/v3/exercises", null);
    assertThat(sessions).extracting(TrainingSession::getId).containsExactly("2AC312F", "4BD7719");
    TrainingSession first = sessions.get(0);
    assertThat(first.getUploadTime()).isEqualTo(OffsetDateTime.parse("2008-10-13T10:40:02Z"));
    assertThat(first.getPolarUser())
        .isEqualTo(URI.create("https://www.polaraccesslink.com/v3/users/1"));
    // device-local start without an offset, plus the offset in minutes
    assertThat(first.getStartTime()).isEqualTo(LocalDateTime.of(2008, 10, 13, 10, 40, 2));
    assertThat(first.getStartTimeUtcOffset()).isEqualTo(180);
    assertThat(first.getDuration()).isEqualTo(Duration.ofHours(2).plusMinutes(44));
    assertThat(first.getHeartRate().getAverage()).isEqualTo(129);
    assertThat(first.getTrainingLoad()).isEqualTo(143.22f);
    assertThat(first.getRunningIndex()).isEqualTo(51);
    assertThat(first.getDetailedSportInfo()).isEqualTo("WATERSPORTS_WATERSKI");
    assertThat(first.getHeartRateZones())
        .singleElement()
        .extracting(
            HeartRateZone::getIndex,
            HeartRateZone::getLowerLimit,
            HeartRateZone::getUpperLimit,
            HeartRateZone::getInZone)
        .containsExactly(1, 110, 130, Duration.ofSeconds(4));
    assertThat(first.getRoute()).singleElement().satisfies(point -> {
      assertThat(point.getLatitude()).isEqualTo(60.21982833);
      assertThat(point.getTime())
          .isEqualTo(Duration.ofSeconds(210, 26_000_000)); // fractional duration
    });
    assertThat(first.getTrainingLoadPro().getDate()).isEqualTo(LocalDate.of(2023, 1, 1));
    assertThat(first.getTrainingLoadPro().getCardioLoadInterpretation())
        .isEqualTo(TrainingLoadProInterpretation.UNKNOWN);

    TrainingSession second = sessions.get(1);
    assertThat(second.getDuration()).isEqualTo(Duration.ofSeconds(14295, 773_000_000));
    assertThat(second.getHeartRate().getAverage()).isNull();
    assertThat(second.getClubId()).isEqualTo(-1L);
    assertThat(second.getSamples())
        .singleElement()
        .extracting(
            SampleSeries::getRecordingRate, SampleSeries::getSampleType, SampleSeries::getData)
        .containsExactly(null, "11", "612,598,null,605,611");
  }

  @Test
  void listSendsOnlyTheFlagsAskedFor() {
    mock.enqueueJson(200, "[]");
    mock.enqueueJson(200, "[]");
    mock.enqueueJson(200, "[]");

    assertThat(mock.user().exercises().list(ExerciseQuery.all())).isEmpty();
    assertThat(mock.user().exercises().list(ExerciseQuery.none().withSamples())).isEmpty();
    assertThat(mock.user().exercises().list(ExerciseQuery.none().withZones().withRoute()))
        .isEmpty();

    assertJsonGet(mock.takeRequest(), "/v3/exercises", "samples=true&zones=true&route=true");
    assertJsonGet(mock.takeRequest(), "/v3/exercises", "samples=true");
    assertJsonGet(mock.takeRequest(), "/v3/exercises", "zones=true&route=true");
  }

  @Test
  void getReadsOneSession() {
    mock.enqueueFixture(200, "getExercise.json");

    TrainingSession session =
        mock.user().exercises().get("2AC312F", ExerciseQuery.none().withRoute()).orElseThrow();

    assertJsonGet(mock.takeRequest(), "/v3/exercises/2AC312F", "route=true");
    assertThat(session.getId()).isEqualTo("2AC312F");
    assertThat(session.getRoute()).extracting(RoutePoint::getSatellites).containsExactly(4L);
  }

  @Test
  void getOfAnUnknownSessionIsEmpty() {
    mock.enqueueJson(404, "{\"error\":{\"error_type\":\"NOT_FOUND\",\"corr_id\":\"c-3\"}}");

    assertThat(mock.user().exercises().get("GONE")).isEmpty();
    assertJsonGet(mock.takeRequest(), "/v3/exercises/GONE", null);
  }

  @Test
  void aBlankIdIsRefusedBeforeAnyRequest() {
    ExercisesService exercises = mock.user().exercises();

    assertThatThrownBy(() -> exercises.get(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("exerciseId must not be blank");
    assertThatThrownBy(() -> exercises.fit("", dir.resolve("a.fit")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(mock.server().getRequestCount()).isZero();
  }

  @Test
  void queriesAreImmutableValues() {
    ExerciseQuery none = ExerciseQuery.none();
    ExerciseQuery samples = none.withSamples();

    assertThat(none.samples()).isFalse();
    assertThat(samples.samples()).isTrue();
    assertThat(samples.zones()).isFalse();
    assertThat(samples.withZones().withRoute())
        .isEqualTo(ExerciseQuery.all())
        .hasSameHashCodeAs(ExerciseQuery.all());
    assertThat(ActivityQuery.none().withSteps().withActivityZones().withInactivityStamps())
        .isEqualTo(ActivityQuery.all());
    assertThat(samples).hasToString("ExerciseQuery[samples=true, zones=false, route=false]");
    assertThat(new ExerciseQuery(true, false, false)).isEqualTo(samples);
    assertThat(ActivityQuery.none().withActivityZones())
        .isEqualTo(new ActivityQuery(false, true, false))
        .hasToString("ActivityQuery[steps=false, activityZones=true, inactivityStamps=false]");
  }
}

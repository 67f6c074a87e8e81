package dev.accesslink4j.services;

import static dev.accesslink4j.services.UserRequests.assertJsonGet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accesslink4j.MockAccessLink;
import dev.accesslink4j.generated.model.ActivityDayWithSamples;
import dev.accesslink4j.generated.model.ActivitySummaryWithAllSamples;
import dev.accesslink4j.generated.model.InactivityStamp;
import dev.accesslink4j.generated.model.IntensityZoneSample;
import dev.accesslink4j.generated.model.StepSample;
import dev.accesslink4j.internal.DateWindows;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DailyActivityServiceTest {
  /** Today is 2025-08-20 in UTC (23:30 there, already the 21st east of UTC). */
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-08-20T23:30:00Z"), ZoneOffset.ofHours(3));

  private static final LocalDate DAY = LocalDate.of(2025, 8, 13);
  private static final LocalDate OLDEST = LocalDate.of(2024, 8, 20); // 365 days before 2025-08-20

  @RegisterExtension
  final MockAccessLink mock = MockAccessLink.withoutRetries();

  private DailyActivityService activities() {
    return new DailyActivityService(mock.userContext(), new DateWindows(CLOCK));
  }

  @Test
  void listReadsTheLast28DaysWithoutSamples() {
    mock.enqueueFixture(200, "listActivities.json");

    List<ActivitySummaryWithAllSamples> days = mock.user().activities().list();

    assertJsonGet(mock.takeRequest(), "/v3/users/activities", null);
    ActivitySummaryWithAllSamples day = days.get(0);
    assertThat(day.getStartTime()).isEqualTo(LocalDateTime.of(2025, 8, 13, 8, 15, 30));
    assertThat(day.getEndTime()).isEqualTo(LocalDateTime.of(2025, 8, 13, 23, 59, 59));
    assertThat(day.getActiveDuration()).isEqualTo(Duration.ofHours(3).plusMinutes(11));
    assertThat(day.getInactiveDuration()).isEqualTo(Duration.parse("PT18H23M30S"));
    assertThat(day.getDailyActivity()).isEqualTo(89.1f);
    assertThat(day.getCalories()).isEqualTo(2500);
    assertThat(day.getActiveCalories()).isEqualTo(1500);
    assertThat(day.getSteps()).isEqualTo(8823);
    assertThat(day.getInactivityAlertCount()).isEqualTo(1);
    assertThat(day.getDistanceFromSteps()).isEqualTo(4590.53f);
    assertThat(day.getSamples().getDate()).isEqualTo(DAY);
  }

  @Test
  void listWithEverySampleSeries() {
    mock.enqueueFixture(200, "listActivities.json");

    mock.user().activities().list(ActivityQuery.all());

    assertJsonGet(
        mock.takeRequest(),
        "/v3/users/activities",
        "steps=true&activity_zones=true&inactivity_stamps=true");
  }

  @Test
  void listOfARangeSendsTheDatesAndTheFlagsAsked() {
    mock.enqueueFixture(200, "listActivities.json");
    mock.enqueueJson(200, "[]");

    assertThat(activities()
            .list(LocalDate.of(2025, 8, 1), DAY, ActivityQuery.none().withActivityZones()))
        .hasSize(1);
    assertThat(activities().list(OLDEST, OLDEST.plusDays(27))).isEmpty();

    assertJsonGet(
        mock.takeRequest(),
        "/v3/users/activities",
        "from=2025-08-01&to=2025-08-13&activity_zones=true");
    assertJsonGet(mock.takeRequest(), "/v3/users/activities", "from=2024-08-20&to=2024-09-16");
  }

  @Test
  void getReadsOneDayWithItsSamples() {
    mock.enqueueFixture(200, "getActivity.json");

    Optional<ActivitySummaryWithAllSamples> day =
        activities().get(DAY, ActivityQuery.none().withSteps().withInactivityStamps());

    assertJsonGet(
        mock.takeRequest(), "/v3/users/activities/2025-08-13", "steps=true&inactivity_stamps=true");
    ActivityDayWithSamples samples = day.orElseThrow().getSamples();
    assertThat(samples.getSteps().getIntervalMs()).isEqualTo(60000);
    assertThat(samples.getSteps().getTotalSteps()).isEqualTo(8823);
    // minute-precision local date-times
    assertThat(samples.getSteps().getSamples())
        .extracting(StepSample::getTimestamp)
        .containsExactly(
            LocalDateTime.of(2025, 8, 13, 0, 2),
            LocalDateTime.of(2025, 8, 13, 8, 16),
            LocalDateTime.of(2025, 8, 13, 8, 17));
    assertThat(samples.getActivityZones().getSamples())
        .extracting(IntensityZoneSample::getZone)
        .containsExactly(
            IntensityZoneSample.ZoneEnum.SLEEP,
            IntensityZoneSample.ZoneEnum.SEDENTARY,
            IntensityZoneSample.ZoneEnum.LIGHT);
    assertThat(samples.getInactivityStamps())
        .extracting(InactivityStamp::getStamp)
        .containsExactly(LocalDateTime.of(2025, 8, 13, 16, 4));
  }

  @Test
  void getWithoutFlagsSendsNoQuery() {
    mock.enqueueFixture(200, "getActivity.json");

    assertThat(activities().get(DAY)).isPresent();
    assertJsonGet(mock.takeRequest(), "/v3/users/activities/2025-08-13", null);
  }

  @Test
  void aDayWithoutActivityIsEmpty() {
    mock.enqueueStatus(204);
    mock.enqueueStatus(204);

    assertThat(activities().get(DAY)).isEmpty();
    assertThat(activities().samples(DAY)).isEmpty();
  }

  @Test
  void samplesOfTheLast28Days() {
    mock.enqueueFixture(200, "listActivitySamples.json");

    List<ActivityDayWithSamples> days = mock.user().activities().samples();

    assertJsonGet(mock.takeRequest(), "/v3/users/activities/samples", null);
    assertThat(days).singleElement().satisfies(d -> {
      assertThat(d.getDate()).isEqualTo(DAY);
      assertThat(d.getActivityZones().getSamples().get(1).getTimestamp())
          .isEqualTo(LocalDateTime.of(2025, 8, 13, 8, 8, 30));
    });
  }

  @Test
  void samplesOfARangeAndOfOneDay() {
    mock.enqueueFixture(200, "listActivitySamples.json");
    mock.enqueueFixture(200, "getActivitySamples.json");

    assertThat(activities().samples(LocalDate.of(2025, 8, 1), LocalDate.of(2025, 8, 28)))
        .hasSize(1);
    assertThat(activities().samples(DAY))
        .get()
        .extracting(d -> d.getSteps().getSamples().size())
        .isEqualTo(3);

    assertJsonGet(
        mock.takeRequest(), "/v3/users/activities/samples", "from=2025-08-01&to=2025-08-28");
    assertJsonGet(mock.takeRequest(), "/v3/users/activities/samples/2025-08-13", null);
  }

  @Test
  void noActivityInAWindowIsAnEmptyList() {
    mock.enqueueJson(200, "[]");
    mock.enqueueStatus(204);

    assertThat(mock.user().activities().list()).isEmpty();
    assertThat(mock.user().activities().samples()).isEmpty();
  }

  @Test
  void limitsAreCheckedBeforeAnyRequest() {
    DailyActivityService activities = activities();
    LocalDate tooOld = OLDEST.minusDays(1);

    assertThatThrownBy(() -> activities.get(tooOld))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "date (2024-08-19) is more than 365 days before today (2025-08-20, UTC): AccessLink serves "
                + "daily activity for the last 365 days only, so the oldest date is 2024-08-20");
    assertThatThrownBy(() -> activities.samples(tooOld))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than 365 days");
    assertThatThrownBy(() -> activities.list(tooOld, tooOld.plusDays(3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("from (2024-08-19) is more than 365 days before today");
    assertThatThrownBy(
            () -> activities.samples(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 29)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the range 2025-07-01 to 2025-07-29 covers 29 dates, but AccessLink serves at most 28 days "
                + "per request (from and to included, so to may be at most 2025-07-28): split it into shorter ranges");
    assertThatThrownBy(() -> activities.list(DAY, DAY.minusDays(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("from (2025-08-13) is after to (2025-08-12)");
    assertThat(mock.server().getRequestCount()).isZero();
  }
}

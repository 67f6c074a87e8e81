package dev.accesslink4j.services;

import static dev.accesslink4j.services.UserRequests.assertJsonGet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accesslink4j.MockAccessLink;
import dev.accesslink4j.generated.model.Alertness;
import dev.accesslink4j.generated.model.AlertnessHourlyData;
import dev.accesslink4j.generated.model.CircadianBedtime;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SleepWiseServiceTest {
  @RegisterExtension
  final MockAccessLink mock = MockAccessLink.withoutRetries();

  @Test
  void alertnessReadsTheLast28Days() {
    mock.enqueueFixture(200, "listAlertness.json");

    List<Alertness> periods = mock.user().sleepWise().alertness();

    assertJsonGet(mock.takeRequest(), "/v3/users/sleepwise/alertness", null);
    Alertness a = periods.get(0);
    assertThat(a.getGrade()).isEqualTo(9.9);
    assertThat(a.getGradeValiditySeconds()).isEqualTo(57600);
    assertThat(a.getGradeType()).isEqualTo(Alertness.GradeTypeEnum.GRADE_TYPE_PRIMARY);
    assertThat(a.getSleepInertia()).isEqualTo(Alertness.SleepInertiaEnum.SLEEP_INERTIA_MILD);
    assertThat(a.getPeriodStartTime()).isEqualTo(LocalDateTime.of(2022, 11, 20, 20, 52, 20));
    // two-digit fractions of a second, UTC without an offset marker
    assertThat(a.getSleepPeriodStartTime())
        .isEqualTo(LocalDateTime.of(2022, 11, 20, 20, 52, 20, 570_000_000));
    assertThat(a.getSleepPeriodEndTime())
        .isEqualTo(LocalDateTime.of(2022, 11, 21, 4, 11, 20, 570_000_000));
    assertThat(a.getSleepTimezoneOffsetMinutes()).isEqualTo(120);
    assertThat(a.getHourlyData()).singleElement().satisfies(h -> {
      assertThat(h.getAlertnessLevel())
          .isEqualTo(AlertnessHourlyData.AlertnessLevelEnum.ALERTNESS_LEVEL_LOW);
      assertThat(h.getStartTime()).isEqualTo(LocalDateTime.of(2022, 11, 21, 4, 12));
    });
  }

  @Test
  void alertnessOfARange() {
    mock.enqueueFixture(200, "listAlertnessByDateRange.json");

    List<Alertness> periods =
        mock.user().sleepWise().alertness(LocalDate.of(2022, 11, 1), LocalDate.of(2022, 11, 28));

    assertJsonGet(
        mock.takeRequest(), "/v3/users/sleepwise/alertness/date", "from=2022-11-01&to=2022-11-28");
    assertThat(periods).hasSize(1);
  }

  @Test
  void circadianBedtimesReadTheLast28Days() {
    mock.enqueueFixture(200, "listCircadianBedtimes.json");

    List<CircadianBedtime> periods = mock.user().sleepWise().circadianBedtimes();

    assertJsonGet(mock.takeRequest(), "/v3/users/sleepwise/circadian-bedtime", null);
    CircadianBedtime c = periods.get(0);
    assertThat(c.getQuality())
        .isEqualTo(CircadianBedtime.QualityEnum.CIRCADIAN_BEDTIME_QUALITY_COMPROMISED);
    assertThat(c.getSleepGateStartTime()).isEqualTo(LocalDateTime.of(2022, 11, 20, 21, 3, 30));
    assertThat(c.getSleepGateEndTime()).isEqualTo(LocalDateTime.of(2022, 11, 20, 21, 33, 30));
  }

  @Test
  void circadianBedtimesOfARange() {
    mock.enqueueFixture(200, "listCircadianBedtimesByDateRange.json");

    assertThat(mock.user()
            .sleepWise()
            .circadianBedtimes(LocalDate.of(2022, 11, 1), LocalDate.of(2022, 11, 1)))
        .hasSize(1);
    assertJsonGet(
        mock.takeRequest(),
        "/v3/users/sleepwise/circadian-bedtime/date",
        "from=2022-11-01&to=2022-11-01");
  }

  @Test
  void noContentIsAnEmptyList() {
    for (int i = 0; i < 4; i++) {
      mock.enqueueStatus(204);
    }
    SleepWiseService sleepWise = mock.user().sleepWise();

    assertThat(sleepWise.alertness()).isEmpty();
    assertThat(sleepWise.alertness(LocalDate.of(2022, 11, 1), LocalDate.of(2022, 11, 2)))
        .isEmpty();
    assertThat(sleepWise.circadianBedtimes()).isEmpty();
    assertThat(sleepWise.circadianBedtimes(LocalDate.of(2022, 11, 1), LocalDate.of(2022, 11, 2)))
        .isEmpty();
  }

  @Test
  void aRangeOfMoreThan28DatesIsRefusedBeforeAnyRequest() {
    SleepWiseService sleepWise = mock.user().sleepWise();

    assertThatThrownBy(
            () -> sleepWise.alertness(LocalDate.of(2022, 11, 1), LocalDate.of(2022, 11, 29)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("covers 29 dates")
        .hasMessageContaining("at most 28 days per request")
        .hasMessageContaining("to may be at most 2022-11-28");
    assertThatThrownBy(
            () -> sleepWise.circadianBedtimes(LocalDate.of(2022, 11, 2), LocalDate.of(2022, 11, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is after to");
    assertThat(mock.server().getRequestCount()).isZero();
  }
}

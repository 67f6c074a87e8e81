package dev.accesslink4j.services;

import static dev.accesslink4j.services.UserRequests.assertJsonGet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accesslink4j.MockAccessLink;
import dev.accesslink4j.generated.model.CardioLoad;
import dev.accesslink4j.generated.model.CardioLoadStatus;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CardioLoadServiceTest {
  @RegisterExtension
  final MockAccessLink mock = MockAccessLink.withoutRetries();

  @Test
  void listReadsOneEntryPerDay() {
    mock.enqueueFixture(200, "listCardioLoads.json");

    List<CardioLoad> loads = mock.user().cardioLoad().list();

    assertJsonGet(mock.takeRequest(), "/v3/users/cardio-load", null);
    assertThat(loads).hasSize(2);
    assertThat(loads.get(0).getDate()).isEqualTo(LocalDate.of(2023, 1, 1));
    assertThat(loads.get(0).getCardioLoadStatus())
        .isEqualTo(CardioLoadStatus.LOAD_STATUS_NOT_AVAILABLE);
    CardioLoad productive = loads.get(1);
    assertThat(productive.getCardioLoadStatus()).isEqualTo(CardioLoadStatus.PRODUCTIVE);
    assertThat(productive.getCardioLoad()).isEqualTo(85.4f);
    assertThat(productive.getStrain()).isEqualTo(62.3f);
    assertThat(productive.getTolerance()).isEqualTo(51.7f);
    assertThat(productive.getCardioLoadRatio()).isEqualTo(1.21f);
    assertThat(productive.getCardioLoadLevel().getVeryLow()).isEqualTo(19.6f);
    assertThat(productive.getCardioLoadLevel().getVeryHigh()).isEqualTo(98.0f);
  }

  @Test
  void getReadsTheArrayOfOneDay() {
    mock.enqueueFixture(200, "getCardioLoad.json");

    List<CardioLoad> day = mock.user().cardioLoad().get(LocalDate.of(2023, 1, 2));

    assertJsonGet(mock.takeRequest(), "/v3/users/cardio-load/2023-01-02", null);
    assertThat(day)
        .singleElement()
        .extracting(CardioLoad::getDate)
        .isEqualTo(LocalDate.of(2023, 1, 2));
  }

  @Test
  void rangeSendsBothDates() {
    mock.enqueueFixture(200, "listCardioLoadsByDateRange.json");

    List<CardioLoad> loads =
        mock.user().cardioLoad().range(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 1, 2));

    assertJsonGet(
        mock.takeRequest(), "/v3/users/cardio-load/date", "from=2023-01-01&to=2023-01-02");
    assertThat(loads)
        .extracting(CardioLoad::getDate)
        .containsExactly(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 1, 2));
  }

  @Test
  void rangeHasNo28DayLimit() {
    mock.enqueueJson(200, "[]");

    assertThat(mock.user().cardioLoad().range(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31)))
        .isEmpty();
    assertJsonGet(
        mock.takeRequest(), "/v3/users/cardio-load/date", "from=2023-01-01&to=2023-12-31");
  }

  @Test
  void lastDaysAndLastMonthsPutTheCountInThePath() {
    mock.enqueueFixture(200, "listCardioLoadsByDays.json");
    mock.enqueueFixture(200, "listCardioLoadsByMonths.json");

    assertThat(mock.user().cardioLoad().lastDays(2)).hasSize(2);
    assertThat(mock.user().cardioLoad().lastMonths(3)).hasSize(2);

    assertJsonGet(mock.takeRequest(), "/v3/users/cardio-load/period/days/2", null);
    assertJsonGet(mock.takeRequest(), "/v3/users/cardio-load/period/months/3", null);
  }

  @Test
  void noDataIsAnEmptyList() {
    mock.enqueueJson(200, "[]");
    mock.enqueueStatus(204);

    assertThat(mock.user().cardioLoad().list()).isEmpty();
    assertThat(mock.user().cardioLoad().get(LocalDate.of(2023, 1, 3))).isEmpty();
  }

  @Test
  void invalidArgumentsAreRefusedBeforeAnyRequest() {
    CardioLoadService cardio = mock.user().cardioLoad();

    assertThatThrownBy(() -> cardio.range(LocalDate.of(2023, 1, 2), LocalDate.of(2023, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("from (2023-01-02) is after to (2023-01-01)");
    assertThatThrownBy(() -> cardio.lastDays(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("days must be at least 1, was 0");
    assertThatThrownBy(() -> cardio.lastMonths(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("months must be at least 1, was -1");
    assertThat(mock.server().getRequestCount()).isZero();
  }
}

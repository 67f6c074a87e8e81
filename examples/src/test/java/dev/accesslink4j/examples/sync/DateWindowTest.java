package dev.accesslink4j.examples.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The days a sync covers, cut into ranges AccessLink accepts. */
class DateWindowTest {
  private static final LocalDate TODAY = LocalDate.of(2025, 8, 14);

  @Test
  void theLastDaysIncludeToday() {
    DateWindow week = DateWindow.lastDays(TODAY, 7);
    assertThat(week.from()).isEqualTo(LocalDate.of(2025, 8, 8));
    assertThat(week.to()).isEqualTo(TODAY);
    assertThat(week.length()).isEqualTo(7);
    assertThat(week.dates()).hasSize(7).startsWith(week.from()).endsWith(TODAY);
    assertThat(week.chunks(DateWindow.MAX_RANGE_DATES)).containsExactly(week);
  }

  @Test
  void aLongWindowIsCutIntoRangesOfAtMost28Dates() {
    DateWindow window = DateWindow.lastDays(TODAY, 60);

    assertThat(window.chunks(28))
        .containsExactly(
            new DateWindow(LocalDate.of(2025, 6, 16), LocalDate.of(2025, 7, 13)),
            new DateWindow(LocalDate.of(2025, 7, 14), LocalDate.of(2025, 8, 10)),
            new DateWindow(LocalDate.of(2025, 8, 11), TODAY));
    assertThat(window.chunks(28)).allSatisfy(c -> assertThat(c.length()).isBetween(1L, 28L));
  }

  @Test
  void daysOutsideOneToAYearAreRefused() {
    assertThatThrownBy(() -> DateWindow.lastDays(TODAY, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DateWindow.lastDays(TODAY, 366))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(DateWindow.lastDays(TODAY, 365).from()).isEqualTo(TODAY.minusDays(364));
  }
}

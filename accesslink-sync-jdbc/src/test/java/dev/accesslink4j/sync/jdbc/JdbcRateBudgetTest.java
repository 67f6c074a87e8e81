package dev.accesslink4j.sync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accesslink4j.RateBudget;
import dev.accesslink4j.RateBudget.Decision;
import dev.accesslink4j.RateBudgetListener;
import dev.accesslink4j.RateLimit;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared budget in one JVM, two budgets standing for two processes on one database, on a clock the test moves.
 */
class JdbcRateBudgetTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final Duration SHORT = Duration.ofMinutes(15);

  @RegisterExtension
  final TestDatabase db = new TestDatabase();

  private final MovingClock clock = new MovingClock(T0);

  private JdbcRateBudget budget(long shortLimit, long longLimit, int slice) {
    return JdbcRateBudget.builder(db.dataSource())
        .limits(shortLimit, longLimit)
        .sliceSize(slice)
        .clock(clock)
        .build();
  }

  private static int drawUntilRefused(RateBudget budget) {
    int granted = 0;
    while (budget.tryAcquire().isGranted()) {
      granted++;
    }
    return granted;
  }

  @Test
  void grantsFromSlicesWithOneWritePerSliceNotPerPermit() throws SQLException {
    try (JdbcRateBudget budget = budget(1_000_000, 10_000_000, 50)) {
      long afterCreation = budget.databaseWrites();
      for (int i = 0; i < 1000; i++) {
        assertThat(budget.tryAcquire().isGranted()).isTrue();
      }
      assertThat(afterCreation).isEqualTo(1); // the row's INSERT
      assertThat(budget.databaseWrites() - afterCreation).isEqualTo(1000 / 50);
      assertThat(used("short")).isEqualTo(1000);
      assertThat(used("long")).isEqualTo(1000);
    }
  }

  @Test
  void aSpentShortWindowWaitsUntilItsResetThenGrantsAgain() {
    try (JdbcRateBudget budget = budget(30, 1000, 10)) {
      assertThat(drawUntilRefused(budget)).isEqualTo(30);
      clock.advance(Duration.ofMinutes(5));

      Decision wait = budget.tryAcquire();

      Instant reset =
          T0.plus(SHORT).plusSeconds(1); // the first lease's guess: the length plus the margin
      assertThat(wait.isGranted()).isFalse();
      assertThat(wait.window()).isEqualTo(RateBudget.Window.SHORT);
      assertThat(wait.resumeAt()).contains(reset);
      assertThat(wait.waitTime()).isEqualTo(Duration.between(clock.instant(), reset));
      clock.set(reset);
      assertThat(drawUntilRefused(budget)).isEqualTo(30);
    }
  }

  @Test
  void theLastTwoSecondsOfAWindowAreNotSpentButWaitedOut() {
    try (JdbcRateBudget budget = budget(100, 1000, 10)) {
      assertThat(budget.tryAcquire().isGranted()).isTrue(); // 9 left in the slice
      Instant reset = T0.plus(SHORT).plusSeconds(1);
      clock.set(reset.minusMillis(1500));

      Decision wait = budget.tryAcquire();

      assertThat(wait.window()).isEqualTo(RateBudget.Window.SHORT);
      assertThat(wait.resumeAt()).contains(reset);
      assertThat(wait.waitTime()).isEqualTo(Duration.ofMillis(1500));
      clock.set(reset);
      assertThat(drawUntilRefused(budget)).isEqualTo(100); // the next window, whole
    }
  }

  @Test
  void aSpentDailyWindowSaysLongAndItsReset() {
    try (JdbcRateBudget budget = budget(100, 7, 10)) {
      assertThat(drawUntilRefused(budget)).isEqualTo(7);

      Decision wait = budget.tryAcquire();

      assertThat(wait.window()).isEqualTo(RateBudget.Window.LONG);
      assertThat(wait.resumeAt()).contains(T0.plus(Duration.ofHours(24)).plusSeconds(1));
    }
  }

  @Test
  void aSliceHandedBackOnCloseIsGrantedToTheOtherProcess() {
    try (JdbcRateBudget b = budget(100, 1000, 10)) {
      JdbcRateBudget a = budget(100, 1000, 10);
      assertThat(a.tryAcquire().isGranted()).isTrue(); // a leases 10, spends 1
      a.close();

      assertThat(drawUntilRefused(b)).isEqualTo(99);
      assertThatThrownBy(a::tryAcquire).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void aProcessThatDiesHoldingASliceLosesItForThatWindowOnly() {
    JdbcRateBudget dead = budget(100, 1000, 10);
    assertThat(dead.tryAcquire().isGranted()).isTrue(); // leases 10, spends 1, never closes
    try (JdbcRateBudget b = budget(100, 1000, 10)) {
      assertThat(drawUntilRefused(b)).isEqualTo(90); // the 9 left in the dead slice are lost

      clock.advance(SHORT.plusSeconds(1));

      assertThat(drawUntilRefused(b)).isEqualTo(100); // the next window starts from zero
    }
  }

  @Test
  void theWindowLearnedFromOneProcesssHeadersBindsTheOther() {
    try (JdbcRateBudget a = budget(100, 10_000, 10);
        JdbcRateBudget b = budget(100, 10_000, 10)) {
      assertThat(a.tryAcquire().isGranted()).isTrue(); // a holds 9 more
      clock.advance(Duration.ofSeconds(3));

      // Polar counted 95 in a window that resets in 60 s: other traffic of the same partner client
      a.answered(200, rateLimit(95, 100, 60, 95, 10_000, 3600));

      assertThat(drawUntilRefused(a))
          .isEqualTo(5); // what Polar says is left, not the 9 of the slice
      Decision wait = b.tryAcquire();
      Instant reset = clock.instant().plusSeconds(60 + 1);
      assertThat(wait.window()).isEqualTo(RateBudget.Window.SHORT);
      assertThat(wait.resumeAt()).contains(reset); // Polar's reset, not the 15-minute guess
    }
  }

  @Test
  void theLimitLearnedFromTheHeadersReplacesTheConfiguredOne() throws SQLException {
    try (JdbcRateBudget a = budget(100, 10_000, 10);
        JdbcRateBudget b = budget(100, 10_000, 10)) {
      assertThat(a.tryAcquire().isGranted()).isTrue();
      a.answered(200, rateLimit(1, 40, 900, 1, 10_000, 86_400));

      assertThat(drawUntilRefused(a)).isEqualTo(40 - 1);
      assertThat(drawUntilRefused(b)).isZero();
      assertThat(limit("short")).isEqualTo(40);
    }
  }

  @Test
  void a429WithoutHeadersSpendsTheShortWindowForEveryProcess() {
    try (JdbcRateBudget a = budget(100, 10_000, 10);
        JdbcRateBudget b = budget(100, 10_000, 10)) {
      assertThat(a.tryAcquire().isGranted()).isTrue();
      a.answered(429, null);

      Decision waitA = a.tryAcquire();
      Decision waitB = b.tryAcquire();

      assertThat(waitA.window()).isEqualTo(RateBudget.Window.SHORT);
      assertThat(waitB.window()).isEqualTo(RateBudget.Window.SHORT);
      assertThat(waitB.resumeAt()).contains(T0.plus(SHORT).plusSeconds(1));
    }
  }

  @Test
  void whenTheShortWindowResetsTheRestOfTheSliceGoesBackToTheLongWindow() throws SQLException {
    try (JdbcRateBudget a = budget(100, 1000, 10)) {
      assertThat(a.tryAcquire().isGranted()).isTrue(); // 10 leased from both windows, 1 spent
      clock.advance(SHORT.plusSeconds(1));

      assertThat(a.tryAcquire().isGranted()).isTrue(); // a new slice in the next short window

      assertThat(used("short")).isEqualTo(10);
      assertThat(used("long")).isEqualTo(1 + 10); // the 9 unspent went back; the new slice is 10
    }
  }

  @Test
  void aReportOfAWindowPolarStartedLaterStartsTheNextGeneration() throws SQLException {
    try (JdbcRateBudget a = budget(100, 10_000, 10)) {
      assertThat(a.tryAcquire().isGranted()).isTrue();
      clock.advance(Duration.ofMinutes(10));

      // Polar's short window started anew (its reset is 15 minutes away, ours 5): 2 counted in it
      a.answered(200, rateLimit(2, 100, 900, 3, 10_000, 80_000));

      assertThat(drawUntilRefused(a)).isEqualTo(100 - 2);
      assertThat(generation("short")).isEqualTo(1);
    }
  }

  @Test
  void listenersHearTheWaitsAndWhatTheSharedWindowsHaveLeftUntilUnsubscribed() {
    try (JdbcRateBudget a = budget(30, 1000, 10);
        JdbcRateBudget b = budget(30, 1000, 10)) {
      List<String> heard = new CopyOnWriteArrayList<>();
      RateBudget.Subscription subscription = a.subscribe(new RateBudgetListener() {
        @Override
        public void waiting(RateBudget.Window window, Duration wait, Instant resumeAt) {
          heard.add("waiting " + window + " " + wait + " until " + resumeAt);
        }

        @Override
        public void left(int shortLeft, int longLeft) {
          heard.add("left " + shortLeft + ", " + longLeft);
        }
      });
      assertThat(a.tryAcquire().isGranted())
          .isTrue(); // a: 3 of the first 30 (a tenth), 2 left in its slice
      assertThat(drawUntilRefused(b)).isEqualTo(27);
      a.answered(200, null); // as far as a knows: 27 in the table and 2 of its own
      // Polar: 5 left; a's first report of the reset is written at once, and the table has none to
      // lease
      a.answered(200, rateLimit(25, 30, 600, 25, 1000, 80_000));
      assertThat(drawUntilRefused(a)).isEqualTo(2); // then refused: heard, with Polar's reset
      Instant reset = T0.plusSeconds(600 + 1);

      subscription.close();
      a.tryAcquire(); // refused again: not heard

      assertThat(heard)
          .containsExactly(
              "left 29, 999",
              "left 2, 972", // a's own 2: the table has none left to lease
              "waiting SHORT " + Duration.between(T0, reset) + " until " + reset);
    }
  }

  @Test
  void aGuardAsLongAsTheShortWindowIsRefusedBeforeTheDatabaseIsTouched() {
    assertThatThrownBy(() -> JdbcRateBudget.builder(db.dataSource())
            .windowLengths(Duration.ofSeconds(2), Duration.ofHours(24))
            .windowEndGuard(Duration.ofSeconds(2))
            .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be shorter than the short window");
  }

  private static RateLimit rateLimit(
      long shortUsed,
      long shortLimit,
      long shortReset,
      long longUsed,
      long longLimit,
      long longReset) {
    return new RateLimit(
        new RateLimit.Window(shortUsed, shortLimit, Duration.ofSeconds(shortReset)),
        new RateLimit.Window(longUsed, longLimit, Duration.ofSeconds(longReset)));
  }

  private long used(String window) throws SQLException {
    return column(window + "_used");
  }

  private long limit(String window) throws SQLException {
    return column(window + "_limit");
  }

  private long generation(String window) throws SQLException {
    return column(window + "_generation");
  }

  private long column(String column) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT " + column + " FROM accesslink_rate_budget")) {
      assertThat(r.next()).isTrue();
      return r.getLong(1);
    }
  }

  /** A clock the test sets. */
  static final class MovingClock extends Clock {
    private volatile Instant now;

    MovingClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}

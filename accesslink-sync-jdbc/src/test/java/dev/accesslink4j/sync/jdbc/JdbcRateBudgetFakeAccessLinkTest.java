package dev.accesslink4j.sync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accesslink4j.AccessLink;
import dev.accesslink4j.UserClient;
import dev.accesslink4j.testkit.FakeAccessLink;
import dev.accesslink4j.testkit.FakeAccessLinkOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two clients, each with its own {@link JdbcRateBudget} on one database (as two processes would have), against the
 * fake's compressed windows in real time: together they never earn a 429.
 */
class JdbcRateBudgetFakeAccessLinkTest {
  @RegisterExtension
  final TestDatabase db = new TestDatabase();

  private JdbcRateBudget budget(Duration shortWindow) {
    return JdbcRateBudget.builder(db.dataSource())
        .limits(
            1000,
            100_000) // the fake's headers correct the short window to 40 with the first answer
        .windowLengths(shortWindow, Duration.ofHours(24))
        .sliceSize(10)
        // the fake rounds resets up to whole seconds, so no margin is needed; a little covers clock
        // jitter
        .safetyMargin(Duration.ofMillis(100))
        // a second of rounding, the margin and two round trips of 5 ms: of a 3-second window
        .windowEndGuard(Duration.ofMillis(1200))
        .build();
  }

  @Test
  void twoClientsOnTwoBudgetsOfOneTableMake120CallsThroughA40PerThreeSecondWindowWithoutA429()
      throws Exception {
    Duration window = Duration.ofSeconds(3);
    try (FakeAccessLink fake = FakeAccessLink.start(FakeAccessLinkOptions.builder()
            .rateLimitWindows(window, 40, Duration.ofHours(24), 100_000)
            .latency(Duration.ofMillis(5))
            .build());
        JdbcRateBudget first = budget(window);
        JdbcRateBudget second = budget(window);
        AccessLink one = fake.clientBuilder().rateBudget(first).build();
        AccessLink two = fake.clientBuilder().rateBudget(second).build()) {
      UserClient a = one.user(fake.addUser().issueToken());
      UserClient b = two.user(fake.addUser().issueToken());
      ExecutorService pool = Executors.newFixedThreadPool(4);
      long start = System.nanoTime();
      try {
        List<Future<?>> work = new ArrayList<>();
        for (UserClient user : List.of(a, a, b, b)) {
          work.add(pool.submit(() -> {
            for (int i = 0; i < 30; i++) {
              user.sleep().list();
            }
            return null;
          }));
        }
        for (Future<?> f : work) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
      Duration wall = Duration.ofNanos(System.nanoTime() - start);

      assertThat(fake.requests()).hasSize(120);
      assertThat(fake.rateLimitRefusals()).isZero();
      // 120 requests in windows of 40 open three windows: the budget did bind, and both waited for
      // the resets
      assertThat(wall).isGreaterThanOrEqualTo(window.multipliedBy(2));
    }
  }
}

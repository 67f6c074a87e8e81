package dev.accesslink4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accesslink4j.AccessLink;
import dev.accesslink4j.InProcessRateBudget;
import dev.accesslink4j.UserClient;
import dev.accesslink4j.generated.model.TrainingSession;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The SDK's rate budget against the fake's compressed windows, in real time: no 429, and a wall time close to the
 * least the windows allow.
 */
class RateBudgetEndToEndTest {

  /** The least time N requests take when a window of {@code limit} requests opens every {@code window}. */
  private static Duration minimum(int requests, int limit, Duration window) {
    return window.multipliedBy((requests + limit - 1) / limit - 1);
  }

  private static InProcessRateBudget budget(Duration shortWindow) {
    return InProcessRateBudget.builder()
        .windowLengths(shortWindow, Duration.ofHours(24))
        // the fake rounds resets up to whole seconds, so no margin is needed; a little covers clock
        // jitter
        .safetyMargin(Duration.ofMillis(100))
        .build();
  }

  private static Duration runOn(int threads, List<Callable<Void>> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    try {
      List<Future<Void>> futures = new ArrayList<>();
      for (Callable<Void> c : work) {
        futures.add(pool.submit(c));
      }
      for (Future<Void> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Test
  void fourThreadsMake120CallsThroughA40PerThreeSecondWindowWithoutA429() throws Exception {
    Duration window = Duration.ofSeconds(3);
    try (FakeAccessLink fake = FakeAccessLink.start(FakeAccessLinkOptions.builder()
            .rateLimitWindows(window, 40, Duration.ofHours(24), 100_000)
            .latency(Duration.ofMillis(5))
            .build());
        AccessLink client = fake.clientBuilder().rateBudget(budget(window)).build()) {
      UserClient user = client.user(fake.addUser().issueToken());
      List<Callable<Void>> work = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        work.add(() -> {
          for (int i = 0; i < 30; i++) {
            user.sleep().list();
          }
          return null;
        });
      }
      Duration wall = runOn(4, work);
      if (Boolean.getBoolean("accesslink.trace")) {
        java.time.Instant first = fake.requests().get(0).receivedAt();
        StringBuilder sb = new StringBuilder();
        for (ReceivedRequest r : fake.requests()) {
          sb.append(Duration.between(first, r.receivedAt()).toMillis()).append(' ');
        }
        System.out.println("arrivals: " + sb + " wall " + wall.toMillis());
      }

      assertThat(fake.requests()).hasSize(120);
      assertThat(fake.rateLimitRefusals()).isZero();
      Duration least = minimum(120, 40, window); // 6 s
      assertThat(wall).isGreaterThanOrEqualTo(least);
      assertThat(wall)
          .isLessThanOrEqualTo(Duration.ofMillis(least.toMillis() * 3 / 2).plusSeconds(3));
    }
  }

  /**
   * The issue's scenario, run by hand ({@code -Daccesslink.bench=true}): 10 users x 10 exercises (for each user,
   * the list, then each exercise and its FIT file), 4 threads, the short window compressed to 8 s and 120
   * requests.
   */
  @Test
  @EnabledIfSystemProperty(named = "accesslink.bench", matches = "true")
  void budgetBoundTenUsersTimesTenExercises() throws Exception {
    Duration window = Duration.ofSeconds(8);
    try (FakeAccessLink fake = FakeAccessLink.start(FakeAccessLinkOptions.builder()
            .rateLimitWindows(window, 120, Duration.ofHours(24), 100_000)
            .latency(Duration.ofMillis(20))
            .build());
        AccessLink client = fake.clientBuilder().rateBudget(budget(window)).build()) {
      List<Callable<Void>> work = new ArrayList<>();
      for (int u = 0; u < 10; u++) {
        FakeUser fakeUser = fake.addUser();
        for (int e = 0; e < 10; e++) {
          fakeUser.addExercise();
        }
        UserClient user = client.user(fakeUser.issueToken());
        work.add(() -> {
          for (TrainingSession s : user.exercises().list()) {
            user.exercises().get(s.getId());
            user.exercises().fit(s.getId(), OutputStream.nullOutputStream());
          }
          return null;
        });
      }
      Duration wall = runOn(4, work);
      int requests = fake.requests().size();
      Duration least = minimum(requests, 120, window);
      System.out.printf(
          "budget-bound: %d requests, %d answered 429, wall %d ms, least %d ms, bound %d ms%n",
          requests,
          fake.rateLimitRefusals(),
          wall.toMillis(),
          least.toMillis(),
          least.toMillis() * 3 / 2 + 3000);
      assertThat(fake.rateLimitRefusals()).isZero();
      assertThat(wall)
          .isLessThanOrEqualTo(Duration.ofMillis(least.toMillis() * 3 / 2).plusSeconds(3));
    }
  }
}

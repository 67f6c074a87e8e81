package dev.accesslink4j.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accesslink4j.AccessLink;
import dev.accesslink4j.testkit.ExerciseSpec;
import dev.accesslink4j.testkit.FakeAccessLink;
import dev.accesslink4j.testkit.FakeUser;
import dev.accesslink4j.testkit.Fault;
import dev.accesslink4j.testkit.Route;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The issue's scenario: 30 users with 10 exercises each (summary, TCX and GPX). In every build: exactly one list
 * request per user and one request per chosen format per exercise, with every item delivered. By hand
 * ({@code -Daccesslink.bench=true}, see BENCHMARKS.md): with every request answered after 50 ms, the sync is at
 * least 20 times faster than one request at a time (630 requests x 50 ms = 31.5 s). The time is a benchmark figure,
 * not a CI assertion: it depends on the machine's load.
 */
class SyncSpeedTest {
  private static final Duration LATENCY = Duration.ofMillis(50);

  @Test
  void thirtyUsersWithTenExercisesEachCostOneRequestPerListAndPerFileFormat() {
    run(Duration.ZERO, false);
  }

  @Test
  @EnabledIfSystemProperty(named = "accesslink.bench", matches = "true")
  void thirtyUsersWithTenExercisesEachAreSyncedTwentyTimesFasterThanOneRequestAtATime() {
    run(LATENCY, true);
  }

  private static void run(Duration latency, boolean timed) {
    try (FakeAccessLink fake = FakeAccessLink.start();
        AccessLink client = fake.newClient()) {
      List<SyncUser> users = new ArrayList<>();
      for (int u = 0; u < 30; u++) {
        FakeUser user = fake.addUser();
        for (int e = 0; e < 10; e++) {
          user.addExercise(ExerciseSpec.builder()
              .sport(ExerciseSpec.Sport.RUNNING)
              .route(true)
              .duration(Duration.ofMinutes(5))
              .build());
        }
        users.add(new SyncUser(user.polarUserId(), user.issueToken()));
      }
      // warm-up without latency (class loading, JIT), into a state that is then thrown away
      SyncEngine.builder(client, UserSource.of(users), new CountingSink())
          .kinds(Set.of(SyncKind.EXERCISES))
          .exerciseFormats(EnumSet.of(ExerciseFormat.TCX, ExerciseFormat.GPX))
          .build()
          .run();
      fake.resetRateLimits(); // 1,260 requests in a minute would spend the fake's 15-minute window
      fake.clearRequests();
      if (!latency.isZero()) {
        fake.inject(Route.LIST_EXERCISES, Fault.delay(latency), 30);
        fake.inject(Route.GET_EXERCISE_TCX, Fault.delay(latency), 300);
        fake.inject(Route.GET_EXERCISE_GPX, Fault.delay(latency), 300);
      }
      CountingSink sink = new CountingSink();
      SyncEngine engine = SyncEngine.builder(client, UserSource.of(users), sink)
          .kinds(Set.of(SyncKind.EXERCISES))
          .exerciseFormats(EnumSet.of(ExerciseFormat.TCX, ExerciseFormat.GPX))
          .build();

      long start = System.nanoTime();
      SyncReport report = engine.run();
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

      assertThat(report.failures()).isEmpty();
      assertThat(report.requests())
          .isEqualTo(630); // 30 lists + one request per format per exercise
      assertThat(sink.deliveries()).isEqualTo(900);
      assertThat(fake.requests(Route.LIST_EXERCISES)).hasSize(30);
      assertThat(fake.requests(Route.GET_EXERCISE)).isEmpty(); // the summary comes from the list
      if (timed) {
        Duration oneAtATime = latency.multipliedBy(report.requests());
        System.out.printf(
            "sync of 30 users x 10 exercises at %s a request: %s (one at a time: %s)%n",
            latency, elapsed, oneAtATime);
        assertThat(elapsed)
            .as("sync time; one request at a time takes at least %s", oneAtATime)
            .isLessThan(oneAtATime.dividedBy(20));
      }
    }
  }
}

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

/**
 * The issue's figure: 30 users with 10 exercises each (summary, TCX and GPX), every request answered after 50 ms,
 * synced at least 20 times faster than one request at a time would take (631 requests x 50 ms = 31.5 s).
 */
class SyncSpeedTest {
  private static final Duration LATENCY = Duration.ofMillis(50);

  @Test
  void thirtyUsersWithTenExercisesEachAreSyncedTwentyTimesFasterThanOneRequestAtATime() {
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
      fake.inject(Route.LIST_EXERCISES, Fault.delay(LATENCY), 30);
      fake.inject(Route.GET_EXERCISE_TCX, Fault.delay(LATENCY), 300);
      fake.inject(Route.GET_EXERCISE_GPX, Fault.delay(LATENCY), 300);
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
      Duration oneAtATime = LATENCY.multipliedBy(report.requests());
      assertThat(elapsed)
          .as("sync time; one request at a time takes at least %s", oneAtATime)
          .isLessThan(oneAtATime.dividedBy(20));
    }
  }
}

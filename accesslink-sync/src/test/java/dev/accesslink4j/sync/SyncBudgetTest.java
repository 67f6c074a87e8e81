package dev.accesslink4j.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accesslink4j.AccessLink;
import dev.accesslink4j.InProcessRateBudget;
import dev.accesslink4j.RateBudget;
import dev.accesslink4j.testkit.ExerciseSpec;
import dev.accesslink4j.testkit.FakeAccessLink;
import dev.accesslink4j.testkit.FakeAccessLinkOptions;
import dev.accesslink4j.testkit.FakeUser;
import dev.accesslink4j.testkit.Route;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine paced by the client's rate budget against the fake's compressed windows: a spent short window is
 * waited out without a 429, a spent daily window stops the run cleanly with its resume time, and a 429 caused by
 * other traffic is waited out by the SDK, not taken for a stop.
 */
class SyncBudgetTest {
  private static final Set<ExerciseFormat> TCX_GPX =
      EnumSet.of(ExerciseFormat.TCX, ExerciseFormat.GPX);

  private final List<FakeUser> fakeUsers = new ArrayList<>();
  private final List<SyncUser> users = new ArrayList<>();

  private void addUsers(FakeAccessLink fake, int count, int exercises) {
    for (int u = 0; u < count; u++) {
      FakeUser user = fake.addUser();
      for (int i = 0; i < exercises; i++) {
        user.addExercise(
            ExerciseSpec.builder().sport(ExerciseSpec.Sport.RUNNING).route(true).build());
      }
      fakeUsers.add(user);
      users.add(new SyncUser(user.polarUserId(), user.issueToken()));
    }
  }

  private Set<String> expectedKeys() {
    Set<String> keys = new HashSet<>();
    for (FakeUser user : fakeUsers) {
      for (var ids : user.exercises()) {
        keys.add(new SyncItem(user.polarUserId(), SyncKind.EXERCISES, ids.hashedId(), "x").key());
        for (ExerciseFormat format : TCX_GPX) {
          keys.add(new SyncFile(user.polarUserId(), ids.hashedId(), format).key());
        }
      }
    }
    return keys;
  }

  private SyncEngine.Builder engine(AccessLink client, FakeAccessLink fake, SyncSink sink) {
    return SyncEngine.builder(client, UserSource.of(users), sink)
        .clock(fake.clock())
        .kinds(Set.of(SyncKind.EXERCISES))
        .exerciseFormats(TCX_GPX);
  }

  @Test
  void aSpentShortWindowIsWaitedOutWithoutA429() {
    Duration window = Duration.ofSeconds(2);
    try (FakeAccessLink fake = FakeAccessLink.start(FakeAccessLinkOptions.builder()
            .rateLimitWindows(window, 20, Duration.ofHours(24), 100_000)
            .build());
        AccessLink client = fake.clientBuilder()
            .rateBudget(InProcessRateBudget.builder()
                .limits(20, 100_000)
                .windowLengths(window, Duration.ofHours(24))
                .safetyMargin(Duration.ofMillis(100))
                .build())
            .build()) {
      addUsers(fake, 3, 8); // 3 x (1 list + 8 x 2 files) = 51 requests: three windows
      RecordingSink sink = new RecordingSink();
      BudgetHeard heard = new BudgetHeard();

      SyncReport report = engine(client, fake, sink).listener(heard).build().run();

      assertThat(report.ok()).isTrue();
      assertThat(report.stoppedUntil()).isEmpty();
      assertThat(sink.keys()).isEqualTo(expectedKeys());
      assertThat(fake.requests()).hasSize(51);
      assertThat(report.requests()).isEqualTo(51);
      assertThat(fake.rateLimitRefusals()).isZero();
      // the listener heard the waits for the short window and what was left after every answer
      assertThat(heard.waits).isNotEmpty().allSatisfy(w -> {
        assertThat(w.window()).isEqualTo(RateBudget.Window.SHORT);
        assertThat(w.pause()).isPositive().isLessThanOrEqualTo(window.plusMillis(100));
      });
      assertThat(heard.left).hasSize(51);
      assertThat(heard.left).allSatisfy(l -> assertThat(l[0]).isBetween(0, 19));
      assertThat(heard.left.stream().mapToInt(l -> l[1]).min()).hasValue(100_000 - 51);
    }
  }

  /** A listener that keeps what the budget said. */
  private static final class BudgetHeard implements SyncListener {
    record Wait(RateBudget.Window window, Duration pause, Instant resumeAt) {}

    final List<Wait> waits = new CopyOnWriteArrayList<>();
    final List<int[]> left = new CopyOnWriteArrayList<>();

    @Override
    public void budgetWaiting(RateBudget.Window window, Duration wait, Instant resumeAt) {
      waits.add(new Wait(window, wait, resumeAt));
    }

    @Override
    public void budgetLeft(int shortWindowLeft, int longWindowLeft) {
      left.add(new int[] {shortWindowLeft, longWindowLeft});
    }
  }

  @Test
  void aSpentDailyWindowStopsTheRunWithItsResumeTimeAndTheNextRunDeliversTheRest(
      @TempDir Path dir) {
    Duration daily = Duration.ofHours(24);
    try (FakeAccessLink fake = FakeAccessLink.start(FakeAccessLinkOptions.builder()
            .today(LocalDate.of(2026, 11, 30)) // a fixed clock: the reset is an exact instant
            .rateLimitWindows(Duration.ofMinutes(15), 1000, daily, 24)
            .build());
        AccessLink client = fake.clientBuilder()
            .clock(fake.clock())
            .rateBudget(InProcessRateBudget.builder()
                .limits(1000, 24)
                .clock(fake.clock())
                .safetyMargin(Duration.ZERO)
                .build())
            .build()) {
      addUsers(fake, 3, 6); // 3 x (1 list + 6 x 2 files) = 39 requests; the day allows 24
      Instant reset = fake.clock().instant().plus(daily);
      RecordingSink first = new RecordingSink();
      BudgetHeard heard = new BudgetHeard();
      SyncReport stopped;
      try (FileStateStore state = FileStateStore.open(dir.resolve("state"))) {
        stopped = engine(client, fake, first)
            .stateStore(state)
            .listener(heard)
            .build()
            .run();
      }

      assertThat(stopped.stoppedUntil()).contains(reset);
      assertThat(stopped.failures()).isEmpty();
      assertThat(stopped.ok()).isFalse();
      assertThat(fake.requests()).hasSize(24);
      assertThat(stopped.requests()).isEqualTo(24);
      assertThat(fake.rateLimitRefusals()).isZero();
      assertThat(first.deliveries()).isNotEmpty().hasSize(first.keys().size());
      assertThat(heard.waits)
          .isNotEmpty()
          .allSatisfy(w ->
              assertThat(w).isEqualTo(new BudgetHeard.Wait(RateBudget.Window.LONG, daily, reset)));
      assertThat(heard.left).hasSize(24).last().satisfies(l -> assertThat(l[1]).isZero());

      // the day is over: both the fake and the budget start a new one (3 lists and the 15 files
      // left)
      fake.advanceTime(daily);
      RecordingSink second = new RecordingSink();
      SyncReport resumed;
      try (FileStateStore state = FileStateStore.open(dir.resolve("state"))) {
        resumed = engine(client, fake, second).stateStore(state).build().run();
      }

      assertThat(resumed.failures()).isEmpty();
      assertThat(resumed.ok()).isTrue();
      assertThat(second.keys()).doesNotContainAnyElementsOf(first.keys());
      Set<String> all = new HashSet<>(first.keys());
      all.addAll(second.keys());
      assertThat(all).isEqualTo(expectedKeys()); // nothing lost
      // no file fetched twice: one request per file over both runs, the lists once per run
      assertThat(fake.requests(Route.GET_EXERCISE_TCX)).hasSize(18);
      assertThat(fake.requests(Route.GET_EXERCISE_GPX)).hasSize(18);
      assertThat(fake.requests())
          .hasSize(36 + fake.requests(Route.LIST_EXERCISES).size());
      assertThat(fake.rateLimitRefusals()).isZero();
    }
  }

  @Test
  void a429CausedByOtherTrafficIsWaitedOutAndIsNotAStop() {
    Duration window = Duration.ofSeconds(2);
    try (FakeAccessLink fake = FakeAccessLink.start(FakeAccessLinkOptions.builder()
            .rateLimitWindows(window, 10, Duration.ofHours(24), 100_000)
            .build());
        AccessLink other = fake.newClient();
        AccessLink client = fake.clientBuilder()
            .rateBudget(InProcessRateBudget.builder()
                .limits(10, 100_000)
                .windowLengths(window, Duration.ofHours(24))
                .safetyMargin(Duration.ofMillis(100))
                .build())
            .build()) {
      addUsers(fake, 2, 2); // 2 x (1 list + 2 x 2 files) = 10 requests
      // another process of the same partner spends the short window first
      var token = fakeUsers.get(0).issueToken();
      for (int i = 0; i < 10; i++) {
        other.user(token).sleep().list();
      }
      RecordingSink sink = new RecordingSink();

      SyncReport report = engine(client, fake, sink).build().run();

      assertThat(fake.rateLimitRefusals()).isPositive(); // AccessLink did answer 429
      assertThat(report.ok()).isTrue();
      assertThat(report.stoppedUntil()).isEmpty();
      assertThat(sink.keys()).isEqualTo(expectedKeys());
    }
  }
}

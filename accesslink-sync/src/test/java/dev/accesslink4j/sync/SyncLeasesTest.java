package dev.accesslink4j.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accesslink4j.AccessLink;
import dev.accesslink4j.RetryPolicy;
import dev.accesslink4j.testkit.ExerciseSpec;
import dev.accesslink4j.testkit.FakeAccessLink;
import dev.accesslink4j.testkit.FakeUser;
import dev.accesslink4j.testkit.Fault;
import dev.accesslink4j.testkit.ReceivedRequest;
import dev.accesslink4j.testkit.Route;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine and {@link UserLeases}: busy users, renewals while a user is synced, a lost lease, leases closed. */
class SyncLeasesTest {
  private FakeAccessLink fake;
  private AccessLink client;
  private final List<SyncUser> users = new ArrayList<>();

  @BeforeEach
  void start() {
    fake = FakeAccessLink.start();
    client = fake.clientBuilder().retryPolicy(RetryPolicy.disabled()).build();
  }

  @AfterEach
  void stop() {
    client.close();
    fake.close();
  }

  private FakeUser addUser(int exercises) {
    FakeUser user = fake.addUser();
    for (int i = 0; i < exercises; i++) {
      user.addExercise(
          ExerciseSpec.builder().sport(ExerciseSpec.Sport.RUNNING).route(true).build());
    }
    user.addSleep(fake.today().minusDays(1));
    users.add(new SyncUser(user.polarUserId(), user.issueToken()));
    return user;
  }

  private SyncEngine.Builder engine(SyncSink sink, UserLeases leases) {
    return SyncEngine.builder(client, UserSource.of(users), sink)
        .clock(fake.clock())
        .userLeases(leases)
        .exerciseFormats(Set.of(ExerciseFormat.TCX));
  }

  private List<ReceivedRequest> requestsOf(FakeUser user) {
    String bearer = "Bearer "
        + users.stream()
            .filter(u -> u.userId() == user.polarUserId())
            .findFirst()
            .orElseThrow()
            .token()
            .reveal();
    return fake.requests().stream()
        .filter(r -> r.header("Authorization").orElse("").equals(bearer))
        .toList();
  }

  @Test
  void aUserWhoseLeaseAnotherProcessHoldsIsSkippedWithoutARequestAndReportedBusy() {
    FakeUser free = addUser(2);
    FakeUser taken = addUser(2);
    TestLeases leases = new TestLeases(Duration.ofSeconds(10));
    leases.heldElsewhere(taken.polarUserId());
    RecordingSink sink = new RecordingSink();

    SyncReport report = engine(sink, leases).build().run();

    assertThat(report.busy()).containsExactly(taken.polarUserId());
    assertThat(report.failures()).isEmpty();
    assertThat(requestsOf(taken)).isEmpty();
    assertThat(requestsOf(free)).isNotEmpty();
    assertThat(sink.keys()).allSatisfy(k -> assertThat(k).startsWith(free.polarUserId() + "/"));
    assertThat(leases.everAcquired()).containsExactly(free.polarUserId());
    assertThat(leases.held()).containsExactly(taken.polarUserId()); // ours closed, theirs untouched
  }

  @Test
  void theLeaseIsRenewedWhileASlowSinkWorksAndClosedAfterwards() {
    addUser(3);
    TestLeases leases = new TestLeases(Duration.ofMillis(20));
    SlowSink sink = new SlowSink(new RecordingSink(), Duration.ofMillis(60));

    SyncReport report = engine(sink, leases)
        .kinds(EnumSet.of(SyncKind.EXERCISES, SyncKind.SLEEP))
        .build()
        .run();

    assertThat(report.ok()).isTrue();
    assertThat(report.items()).isEqualTo(4); // 3 exercises, 1 night
    // 7 deliveries of 60 ms each: over 400 ms of work, renewed every 20 ms
    assertThat(leases.renewals()).isGreaterThanOrEqualTo(5);
    assertThat(leases.closes()).isEqualTo(1);
    assertThat(leases.held()).isEmpty();
    int after = leases.renewals();
    sleep(100);
    assertThat(leases.renewals()).isEqualTo(after); // no renewal once the user is done
  }

  @Test
  void aUserWhoseSyncHangsIsNotRenewedSoAnotherProcessCanTakeItOver() {
    addUser(3);
    TestLeases leases = new TestLeases(Duration.ofMillis(20), Duration.ofMillis(250));
    SlowSink sink = new SlowSink(new RecordingSink(), Duration.ofMillis(900)); // the sink hangs

    long start = System.nanoTime();
    SyncReport report = engine(sink, leases)
        .exercisesPerUser(1)
        .kinds(EnumSet.of(SyncKind.EXERCISES, SyncKind.SLEEP))
        .build()
        .run();
    long millis = (System.nanoTime() - start) / 1_000_000;

    // renewed every 20 ms while the user was young, then let go after 250 ms without progress: a
    // run of 900 ms and more renewed to its end would count 45
    assertThat(millis).isGreaterThanOrEqualTo(900);
    assertThat(leases.renewals()).isBetween(3, 20);
    assertThat(report.failures())
        .extracting(SyncFailure::kind)
        .containsExactlyInAnyOrder(SyncKind.EXERCISES, SyncKind.SLEEP);
    assertThat(report.failures())
        .allSatisfy(f -> assertThat(f.message()).isEqualTo("lease lost to another process"));
    assertThat(fake.requests(Route.LIST_SLEEP)).isEmpty(); // halted before its next request
    assertThat(leases.closes()).isEqualTo(1);
  }

  @Test
  void aLostLeaseStopsTheUserBeforeItsNextRequestAndKeepsWhatWasDelivered() {
    FakeUser user = addUser(3);
    TestLeases leases = new TestLeases(Duration.ofMillis(10));
    RecordingSink recorded = new RecordingSink();
    SlowSink sink = new SlowSink(recorded, Duration.ofMillis(80));
    AtomicBoolean first = new AtomicBoolean(true);
    sink.afterEach(() -> {
      if (first.getAndSet(false)) {
        leases.failRenewals(); // another process took the user once the first file was written
        leases.awaitRefusedRenewal();
      }
    });
    InMemoryStateStore state = new InMemoryStateStore();

    SyncReport report = engine(sink, leases)
        .stateStore(state)
        .exercisesPerUser(1)
        .kinds(EnumSet.of(SyncKind.EXERCISES, SyncKind.SLEEP, SyncKind.PHYSICAL_INFO))
        .build()
        .run();

    // the first exercise (file and summary: no more requests) is delivered, the others never asked
    assertThat(fake.requests(Route.GET_EXERCISE_TCX)).hasSize(1);
    assertThat(fake.requests(Route.LIST_SLEEP)).isEmpty();
    assertThat(fake.requests(Route.GET_PHYSICAL_INFO)).isEmpty();
    assertThat(report.failures())
        .extracting(SyncFailure::kind)
        .containsExactlyInAnyOrder(SyncKind.EXERCISES, SyncKind.SLEEP, SyncKind.PHYSICAL_INFO);
    assertThat(report.failures())
        .allSatisfy(f -> assertThat(f.message()).isEqualTo("lease lost to another process"));
    assertThat(leases.closes()).isEqualTo(1);
    String firstId = recorded.deliveries().get(0).replaceAll(".*/exercises/(.*)\\.tcx", "$1");
    assertThat(recorded.keys())
        .containsExactlyInAnyOrder(
            new SyncFile(user.polarUserId(), firstId, ExerciseFormat.TCX).key(),
            new SyncItem(user.polarUserId(), SyncKind.EXERCISES, firstId, "x").key());

    // the next run (the lease free again) delivers the rest and not the first exercise again
    RecordingSink next = new RecordingSink();
    SyncReport rerun = engine(next, new TestLeases(Duration.ofSeconds(10)))
        .stateStore(state)
        .kinds(EnumSet.of(SyncKind.EXERCISES))
        .build()
        .run();
    assertThat(rerun.ok()).isTrue();
    assertThat(next.keys()).hasSize(4).doesNotContainAnyElementsOf(recorded.keys());
  }

  @Test
  void aLeaseIsClosedWhenItsUserFails() {
    addUser(1);
    addUser(1);
    fake.inject(Route.LIST_EXERCISES, Fault.status(500), 2);
    TestLeases leases = new TestLeases(Duration.ofSeconds(10));

    SyncReport report = engine(new RecordingSink(), leases)
        .kinds(EnumSet.of(SyncKind.EXERCISES))
        .build()
        .run();

    assertThat(report.failures()).hasSize(2);
    assertThat(leases.everAcquired()).hasSize(2);
    assertThat(leases.closes()).isEqualTo(2);
    assertThat(leases.held()).isEmpty();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}

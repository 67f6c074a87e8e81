package dev.accesslink4j.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accesslink4j.AccessLink;
import dev.accesslink4j.RetryPolicy;
import dev.accesslink4j.testkit.ExerciseIds;
import dev.accesslink4j.testkit.ExerciseSpec;
import dev.accesslink4j.testkit.FakeAccessLink;
import dev.accesslink4j.testkit.FakeUser;
import dev.accesslink4j.testkit.ReceivedRequest;
import dev.accesslink4j.testkit.Route;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transactional opt-in: items delivered first, the transaction committed after the last one, never before. */
class SyncTransactionalTest {
  private static final Set<SyncKind> ALL =
      EnumSet.of(SyncKind.EXERCISES, SyncKind.DAILY_ACTIVITY, SyncKind.PHYSICAL_INFO);
  private static final Set<ExerciseFormat> TCX_GPX =
      EnumSet.of(ExerciseFormat.TCX, ExerciseFormat.GPX);

  private FakeAccessLink fake;
  private AccessLink client;
  private FakeUser user;

  @BeforeEach
  void start() {
    fake = FakeAccessLink.start();
    client = fake.clientBuilder().retryPolicy(RetryPolicy.disabled()).build();
    user = fake.addUser();
  }

  @AfterEach
  void stop() {
    client.close();
    fake.close();
  }

  private SyncEngine.Builder engine(SyncSink sink, Set<SyncKind> kinds) {
    return SyncEngine.builder(
            client,
            UserSource.of(List.of(new SyncUser(user.polarUserId(), user.issueToken()))),
            sink)
        .clock(fake.clock())
        .kinds(kinds)
        .transactionalKinds(kinds)
        .exerciseFormats(TCX_GPX);
  }

  private void addExercises(int n) {
    for (int i = 0; i < n; i++) {
      user.addExercise(
          ExerciseSpec.builder().sport(ExerciseSpec.Sport.RUNNING).route(true).build());
    }
  }

  private Set<String> exerciseKeys() {
    Set<String> keys = new HashSet<>();
    for (ExerciseIds ids : user.exercises()) {
      keys.add(new SyncItem(user.polarUserId(), SyncKind.EXERCISES, ids.hashedId(), "x").key());
      for (ExerciseFormat format : TCX_GPX) {
        keys.add(new SyncFile(user.polarUserId(), ids.hashedId(), format).key());
      }
    }
    return keys;
  }

  /** A sink that notes, at every delivery, how many commits of its kind AccessLink had received. */
  private final class CommitWatchingSink implements SyncSink {
    final RecordingSink inner;
    final Map<String, Integer> commitsSeen = new ConcurrentHashMap<>();

    CommitWatchingSink(RecordingSink inner) {
      this.inner = inner;
    }

    private int commits(SyncKind kind) {
      Route commit = switch (kind) {
        case EXERCISES -> Route.COMMIT_EXERCISE_TRANSACTION;
        case DAILY_ACTIVITY -> Route.COMMIT_ACTIVITY_TRANSACTION;
        default -> Route.COMMIT_PHYSICAL_INFO_TRANSACTION;
      };
      return fake.requests(commit).size();
    }

    @Override
    public void item(SyncItem item) throws Exception {
      commitsSeen.put(item.key(), commits(item.kind()));
      inner.item(item);
    }

    @Override
    public void file(SyncFile file, Content content) throws Exception {
      commitsSeen.put(file.key(), commits(SyncKind.EXERCISES));
      inner.file(file, content);
    }
  }

  @Test
  void everyItemIsDeliveredBeforeItsTransactionIsCommittedWithTheNonTransactionalKeys() {
    addExercises(3);
    LocalDate today = fake.today();
    user.addActivityDay(today.minusDays(1)).addActivityDay(today.minusDays(2));
    user.addPhysicalInfo();
    CommitWatchingSink sink = new CommitWatchingSink(new RecordingSink());

    SyncReport report = engine(sink, ALL).build().run();

    assertThat(report.failures()).isEmpty();
    long id = user.polarUserId();
    assertThat(sink.inner.keys())
        .containsAll(exerciseKeys()) // the hashed ids, as on the non-transactional path
        .contains(id + "/activity/" + today.minusDays(1), id + "/activity/" + today.minusDays(2));
    assertThat(sink.inner.keys())
        .filteredOn(k -> k.startsWith(id + "/physical-info/"))
        .hasSize(1);
    assertThat(sink.inner.deliveries()).hasSize(exerciseKeys().size() + 3);
    // no item reached the sink after its transaction was committed
    assertThat(sink.commitsSeen.values()).containsOnly(0);
    assertThat(fake.requests(Route.COMMIT_EXERCISE_TRANSACTION)).hasSize(1);
    assertThat(fake.requests(Route.COMMIT_ACTIVITY_TRANSACTION)).hasSize(1);
    assertThat(fake.requests(Route.COMMIT_PHYSICAL_INFO_TRANSACTION)).hasSize(1);
    // in the request log, each commit comes after every read of its transaction, then one create
    // answers 204
    List<ReceivedRequest> log = fake.requests();
    int commit = indexOf(log, Route.COMMIT_EXERCISE_TRANSACTION);
    assertThat(lastIndexOf(log, Route.GET_TRANSACTION_EXERCISE_GPX)).isLessThan(commit);
    assertThat(lastIndexOf(log, Route.GET_TRANSACTION_EXERCISE_TCX)).isLessThan(commit);
    assertThat(log.get(commit + 1).route()).contains(Route.CREATE_EXERCISE_TRANSACTION);
    assertThat(fake.requests(Route.CREATE_EXERCISE_TRANSACTION)).hasSize(2);
    assertThat(fake.requests(Route.LIST_ACTIVITIES)).isEmpty(); // not the other mode
    assertThat(fake.requests(Route.GET_PHYSICAL_INFO)).isEmpty();
    assertThat(report.requests()).isEqualTo(log.size());

    // a rerun finds nothing new: one create per kind
    fake.clearRequests();
    RecordingSink again = new RecordingSink();
    engine(again, ALL).build().run();
    assertThat(again.deliveries()).isEmpty();
    assertThat(fake.requests())
        .extracting(r -> r.route().orElseThrow())
        .containsExactlyInAnyOrder(
            Route.CREATE_EXERCISE_TRANSACTION,
            Route.CREATE_ACTIVITY_TRANSACTION,
            Route.CREATE_PHYSICAL_INFO_TRANSACTION);
  }

  @Test
  void aSinkFailureLeavesTheTransactionUncommittedAndTheNextRunDeliversTheRestAndCommits() {
    addExercises(3);
    Set<SyncKind> exercises = EnumSet.of(SyncKind.EXERCISES);
    InMemoryStateStore state = new InMemoryStateStore();
    RecordingSink dying = new RecordingSink(4); // 1 exercise (2 files, summary), 1 file of the next

    SyncReport failed = engine(dying, exercises).stateStore(state).build().run();

    assertThat(failed.failures()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(SyncKind.EXERCISES);
      assertThat(f.message()).contains("killed");
    });
    assertThat(fake.requests(Route.COMMIT_EXERCISE_TRANSACTION)).isEmpty();
    assertThat(dying.deliveries()).hasSize(4);

    RecordingSink next = new RecordingSink();
    SyncReport rerun = engine(next, exercises).stateStore(state).build().run();

    assertThat(rerun.failures()).isEmpty();
    assertThat(fake.requests(Route.COMMIT_EXERCISE_TRANSACTION)).hasSize(1);
    Set<String> all = new HashSet<>(dying.keys());
    all.addAll(next.keys());
    assertThat(all).isEqualTo(exerciseKeys()); // nothing lost
    // Polar offered the 3 exercises again; what reached the sink before was not fetched again
    assertThat(next.keys()).doesNotContainAnyElementsOf(dying.keys());
    assertThat(fake.requests(Route.GET_TRANSACTION_EXERCISE_TCX)).hasSize(3);
    assertThat(fake.requests(Route.GET_TRANSACTION_EXERCISE_GPX)).hasSize(3);
  }

  @Test
  void nothingNewCostsOneRequest() {
    SyncReport report =
        engine(new RecordingSink(), EnumSet.of(SyncKind.EXERCISES)).build().run();

    assertThat(report.ok()).isTrue();
    assertThat(fake.requests())
        .extracting(r -> r.route().orElseThrow())
        .containsExactly(Route.CREATE_EXERCISE_TRANSACTION);
    assertThat(report.requests()).isEqualTo(1);
  }

  @Test
  void onlyKindsWithATransactionalApiCanOptIn() {
    SyncEngine.Builder builder =
        SyncEngine.builder(client, UserSource.of(List.of()), new RecordingSink());
    assertThatThrownBy(
            () -> builder.transactionalKinds(EnumSet.of(SyncKind.EXERCISES, SyncKind.SLEEP)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SLEEP");
    builder.transactionalKinds(ALL); // allowed
  }

  private static int indexOf(List<ReceivedRequest> log, Route route) {
    for (int i = 0; i < log.size(); i++) {
      if (log.get(i).route().orElse(null) == route) {
        return i;
      }
    }
    throw new AssertionError("no " + route + " in " + log);
  }

  private static int lastIndexOf(List<ReceivedRequest> log, Route route) {
    int last = -1;
    for (int i = 0; i < log.size(); i++) {
      if (log.get(i).route().orElse(null) == route) {
        last = i;
      }
    }
    return last;
  }
}

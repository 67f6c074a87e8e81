package dev.accesslink4j.sync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.accesslink4j.AccessToken;
import dev.accesslink4j.sync.KindState;
import dev.accesslink4j.sync.SyncFailure;
import dev.accesslink4j.sync.SyncKind;
import dev.accesslink4j.sync.UserHold;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcStateStoreTest {
  @RegisterExtension
  final TestDatabase db = new TestDatabase();

  @Test
  void everyPartOfAStateComesBackAsSaved() {
    JdbcStateStore store = JdbcStateStore.create(SyncSchema.of(db.dataSource()));
    KindState exercises = KindState.empty()
        .with("ZQ9n1pL", 0x7fff_ffff_ffff_ffffL)
        .with("A1", Long.MIN_VALUE) // the whole unsigned range of a fingerprint
        .with("with space, comma and \"quote\"", -1L)
        .with("päivä 日本 🏃", 42L)
        .with("", 0L);
    KindState daily = KindState.empty()
        .with("2025-03-01", 17L)
        .with("2025-03-02", 18L)
        .withReadThrough(LocalDate.parse("2025-03-02"));
    KindState dateOnly = KindState.empty().withReadThrough(LocalDate.parse("2024-02-29"));

    store.save(7, SyncKind.EXERCISES, exercises);
    store.save(7, SyncKind.DAILY_ACTIVITY, daily);
    store.save(7, SyncKind.SLEEP, dateOnly);
    store.save(7, SyncKind.NIGHTLY_RECHARGE, KindState.empty());

    assertThat(store.load(7, SyncKind.EXERCISES)).isEqualTo(exercises);
    assertThat(store.load(7, SyncKind.EXERCISES).fingerprint("A1")).hasValue(Long.MIN_VALUE);
    assertThat(store.load(7, SyncKind.EXERCISES).ids()).containsExactlyElementsOf(exercises.ids());
    assertThat(store.load(7, SyncKind.DAILY_ACTIVITY)).isEqualTo(daily);
    assertThat(store.load(7, SyncKind.DAILY_ACTIVITY).readThrough())
        .hasValue(LocalDate.parse("2025-03-02"));
    assertThat(store.load(7, SyncKind.SLEEP)).isEqualTo(dateOnly);
    assertThat(store.load(7, SyncKind.NIGHTLY_RECHARGE)).isEqualTo(KindState.empty());
    // never saved: another kind of the same user, the same kind of another user
    assertThat(store.load(7, SyncKind.CARDIO_LOAD)).isEqualTo(KindState.empty());
    assertThat(store.load(8, SyncKind.EXERCISES)).isEqualTo(KindState.empty());
  }

  @Test
  void aSaveReplacesTheWholeState() {
    JdbcStateStore store = JdbcStateStore.create(SyncSchema.of(db.dataSource()));
    store.save(
        7,
        SyncKind.SLEEP,
        KindState.empty()
            .with("2025-03-01", 1L)
            .with("2025-03-02", 2L)
            .withReadThrough(LocalDate.parse("2025-03-02")));

    KindState later = KindState.empty().with("2025-03-02", 3L).with("2025-03-03", 4L);
    store.save(7, SyncKind.SLEEP, later);

    assertThat(store.load(7, SyncKind.SLEEP)).isEqualTo(later);
    assertThat(store.load(7, SyncKind.SLEEP).readThrough()).isEmpty();
    assertThat(count("SELECT count(*) FROM accesslink_sync_state")).isEqualTo(1);
  }

  @Test
  void holdsAreKeptReplacedAndCleared() {
    JdbcStateStore store = JdbcStateStore.create(SyncSchema.of(db.dataSource()));
    UserHold relink = UserHold.of(SyncFailure.Reason.RELINK, AccessToken.of("old-token"));
    UserHold consent =
        UserHold.of(SyncFailure.Reason.CONSENT_REQUIRED, AccessToken.of("new-token"));

    assertThat(store.loadHold(7)).isEmpty();
    store.saveHold(7, relink);
    store.saveHold(8, consent);
    assertThat(store.loadHold(7)).hasValue(relink);
    assertThat(store.loadHold(7).orElseThrow().skips(AccessToken.of("old-token")))
        .isTrue();
    assertThat(store.loadHold(8)).hasValue(consent);

    store.saveHold(7, consent);
    assertThat(store.loadHold(7)).hasValue(consent);

    store.clearHold(7);
    store.clearHold(9); // never held: nothing to do
    assertThat(store.loadHold(7)).isEmpty();
    assertThat(store.loadHold(8)).hasValue(consent);
  }

  @Test
  void twoStoresOnOneDatabaseSeeEachOthersSaves() {
    JdbcStateStore first = JdbcStateStore.create(SyncSchema.of(db.dataSource()));
    JdbcStateStore second = JdbcStateStore.create(SyncSchema.of(db.dataSource()));
    KindState a = KindState.empty().with("a", 1L);
    KindState b = a.with("b", 2L);

    first.save(7, SyncKind.EXERCISES, a);
    assertThat(second.load(7, SyncKind.EXERCISES)).isEqualTo(a);
    second.save(7, SyncKind.EXERCISES, b);
    second.saveHold(8, UserHold.of(SyncFailure.Reason.RELINK, AccessToken.of("t")));
    assertThat(first.load(7, SyncKind.EXERCISES)).isEqualTo(b);
    assertThat(first.loadHold(8)).isPresent();
  }

  @Test
  void aPrefixKeepsTwoSetsOfStateApart() {
    JdbcStateStore one = JdbcStateStore.create(SyncSchema.of(db.dataSource(), "one_"));
    JdbcStateStore two = JdbcStateStore.create(SyncSchema.of(db.dataSource(), "two_"));

    one.save(7, SyncKind.EXERCISES, KindState.empty().with("a", 1L));

    assertThat(two.load(7, SyncKind.EXERCISES)).isEqualTo(KindState.empty());
    assertThat(count("SELECT count(*) FROM one_sync_state")).isEqualTo(1);
  }

  @Test
  void aFailedDatabaseCallIsASyncDatabaseExceptionNamingTheTable() throws SQLException {
    JdbcStateStore store = JdbcStateStore.create(SyncSchema.of(db.dataSource()));
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE accesslink_sync_state");
    }

    assertThatThrownBy(
            () -> store.save(7, SyncKind.EXERCISES, KindState.empty().with("secret-id", 1L)))
        .isInstanceOfSatisfying(
            SyncDatabaseException.class, e -> assertThat(e.sqlState()).isEqualTo("42P01"))
        .hasMessageStartingWith(
            "saving the sync state of user 7 in accesslink_sync_state (SQL state 42P01)")
        .hasCauseInstanceOf(SQLException.class);
  }

  @Test
  void tenThousandUsersWithThirtyExercisesAreSavedAndLoaded() throws Exception {
    try (HikariDataSource pool = TestPools.pool(db.jdbcUrl(), 16)) {
      tenThousandUsers(JdbcStateStore.create(SyncSchema.of(pool)));
    }
  }

  private void tenThousandUsers(JdbcStateStore store) throws Exception {
    int users = 10_000;
    KindState[] states = new KindState[users];
    for (int u = 0; u < users; u++) {
      KindState state = KindState.empty();
      for (int e = 0; e < 30; e++) {
        state = state.with(Long.toString(1_000_000L * u + e, 36), 31L * u + e);
      }
      states[u] = state;
    }

    long start = System.nanoTime();
    for (int u = 0; u < users; u++) {
      store.save(u, SyncKind.EXERCISES, states[u]);
    }
    long saved = System.nanoTime();
    int mismatches = 0;
    for (int u = 0; u < users; u++) {
      if (!store.load(u, SyncKind.EXERCISES).equals(states[u])) {
        mismatches++;
      }
    }
    long loaded = System.nanoTime();
    // the engine's shape: 16 users at once, each a load and a save
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int u = 0; u < users; u++) {
      int user = u;
      results.add(pool.submit(() -> {
        KindState state = store.load(user, SyncKind.EXERCISES);
        store.save(user, SyncKind.EXERCISES, state.with("new", 1L));
        return state.equals(states[user]);
      }));
    }
    for (Future<Boolean> result : results) {
      if (!result.get()) {
        mismatches++;
      }
    }
    pool.shutdown();
    long parallel = System.nanoTime();

    System.out.printf(
        "JdbcStateStore, 10,000 users x 30 exercises: save %d ms, load %d ms (one thread); load+save %d ms"
            + " (16 threads)%n",
        (saved - start) / 1_000_000, (loaded - saved) / 1_000_000, (parallel - loaded) / 1_000_000);
    assertThat(mismatches).isZero();
    assertThat(count("SELECT count(*) FROM accesslink_sync_state WHERE cardinality(ids) = 31"))
        .isEqualTo(users);
  }

  private long count(String sql) {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }
}

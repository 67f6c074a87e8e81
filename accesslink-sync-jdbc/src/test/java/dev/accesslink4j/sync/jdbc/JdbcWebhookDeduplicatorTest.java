package dev.accesslink4j.sync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.accesslink4j.webhooks.DeliveryDeduplicator;
import dev.accesslink4j.webhooks.ExerciseEvent;
import dev.accesslink4j.webhooks.PingEvent;
import dev.accesslink4j.webhooks.SleepEvent;
import dev.accesslink4j.webhooks.UnknownEvent;
import dev.accesslink4j.webhooks.WebhookEvent;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcWebhookDeduplicatorTest {
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  private static final URI URL =
      URI.create("https://www.polaraccesslink.com/v3/users/sleep/2025-03-01");

  @RegisterExtension
  final TestDatabase db = new TestDatabase();

  private JdbcWebhookDeduplicator replica(Duration window) {
    return JdbcWebhookDeduplicator.builder(SyncSchema.of(db.dataSource()))
        .window(window)
        .purgeEvery(Duration.ofHours(1)) // after the first call: the tests purge by hand
        .build();
  }

  private static SleepEvent sleep(long user, String date, Instant sentAt) {
    return new SleepEvent(user, LocalDate.parse(date), sentAt, URL);
  }

  @Test
  void aDeliverySeenByOneReplicaIsARepeatForTheOther() {
    DeliveryDeduplicator one = replica(Duration.ofMinutes(10));
    DeliveryDeduplicator two = replica(Duration.ofMinutes(10));

    assertThat(one.firstDelivery(sleep(475, "2025-03-01", T0))).isTrue();
    // Polar's second SLEEP delivery of the same night, to the other replica, with a new send time
    assertThat(two.firstDelivery(sleep(475, "2025-03-01", T0.plusSeconds(120)))).isFalse();
    assertThat(one.firstDelivery(sleep(475, "2025-03-01", T0))).isFalse();
    assertThat(two.firstDelivery(sleep(475, "2025-03-02", T0))).isTrue();
    assertThat(two.firstDelivery(sleep(476, "2025-03-01", T0))).isTrue();
    assertThat(one.firstDelivery(new ExerciseEvent(475, "abc", T0, URL))).isTrue();
    assertThat(two.firstDelivery(new ExerciseEvent(475, "abc", T0, URL))).isFalse();
  }

  @Test
  void twoReplicasRacingOnEveryKeyLetExactlyOneThrough() throws Exception {
    int keys = 200;
    try (HikariDataSource poolA = TestPools.pool(db.jdbcUrl(), 4);
        HikariDataSource poolB = TestPools.pool(db.jdbcUrl(), 4)) {
      DeliveryDeduplicator a =
          JdbcWebhookDeduplicator.builder(SyncSchema.of(poolA)).build();
      DeliveryDeduplicator b =
          JdbcWebhookDeduplicator.builder(SyncSchema.of(poolB)).build();
      ExecutorService threads = Executors.newFixedThreadPool(8);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> firsts = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        DeliveryDeduplicator replica = t % 2 == 0 ? a : b;
        firsts.add(threads.submit(() -> {
          start.await();
          int first = 0;
          for (int k = 0; k < keys; k++) {
            if (replica.firstDelivery(new ExerciseEvent(1, "e" + k, T0, URL))) {
              first++;
            }
          }
          return first;
        }));
      }
      start.countDown();
      int total = 0;
      for (Future<Integer> f : firsts) {
        total += f.get();
      }
      threads.shutdown();
      assertThat(total).as("8 deliveries of each of 200 events, one first each").isEqualTo(keys);
    }
  }

  @Test
  void forgetLetsTheNextAttemptThroughOnAnyReplica() {
    DeliveryDeduplicator one = replica(Duration.ofMinutes(10));
    DeliveryDeduplicator two = replica(Duration.ofMinutes(10));
    SleepEvent night = sleep(475, "2025-03-01", T0);

    assertThat(one.firstDelivery(night)).isTrue();
    one.forget(night); // processing failed
    assertThat(two.firstDelivery(night)).as("AccessLink's next attempt").isTrue();
    assertThat(one.firstDelivery(night)).isFalse();
    two.forget(sleep(1, "2020-01-01", T0)); // never seen: nothing to do
  }

  @Test
  void aKeyCountsAsNewAgainAfterTheWindowAndExpiredRowsArePurged() throws Exception {
    Duration window = Duration.ofMillis(800);
    JdbcWebhookDeduplicator one = replica(window);
    JdbcWebhookDeduplicator two = replica(window);
    SleepEvent night = sleep(475, "2025-03-01", T0);
    assertThat(one.window()).isEqualTo(window);

    assertThat(one.firstDelivery(night)).isTrue();
    assertThat(one.firstDelivery(sleep(476, "2025-03-01", T0))).isTrue();
    assertThat(two.firstDelivery(night)).isFalse();
    Thread.sleep(window.toMillis() + 200);

    assertThat(two.firstDelivery(night)).as("after the window").isTrue();
    assertThat(one.firstDelivery(night))
        .as("the window restarts at the new first delivery")
        .isFalse();
    assertThat(rows()).isEqualTo(2); // user 476's row has expired but is still there
    assertThat(one.purgeExpired()).isEqualTo(1);
    assertThat(rows()).isEqualTo(1);
  }

  @Test
  void firstDeliveryPurgesNowAndThen() throws Exception {
    JdbcWebhookDeduplicator seen = JdbcWebhookDeduplicator.builder(SyncSchema.of(db.dataSource()))
        .window(Duration.ofMillis(300))
        .purgeEvery(Duration.ofMillis(300))
        .build();
    for (int i = 0; i < 20; i++) {
      seen.firstDelivery(new ExerciseEvent(1, "e" + i, T0, URL));
    }
    Thread.sleep(700);

    seen.firstDelivery(new ExerciseEvent(1, "late", T0, URL));

    assertThat(rows()).isEqualTo(1);
  }

  @Test
  void pingsAreNeverStoredAndLongKeysFit() throws SQLException {
    DeliveryDeduplicator seen = replica(Duration.ofMinutes(10));
    PingEvent ping = PingEvent.of(T0, true);
    WebhookEvent unknown =
        new UnknownEvent("FUTURE", "{\"payload\":\"" + "x".repeat(20_000) + "\"}");

    assertThat(seen.firstDelivery(ping)).isTrue();
    assertThat(seen.firstDelivery(ping)).isTrue();
    assertThat(rows()).isZero();
    assertThat(seen.firstDelivery(unknown)).isTrue();
    assertThat(seen.firstDelivery(unknown)).isFalse();
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(
            "SELECT dedup_key, length(key_sha256) FROM accesslink_webhook_deliveries")) {
      r.next();
      assertThat(r.getString(1)).startsWith("FUTURE:").hasSize(200);
      assertThat(r.getInt(2)).isEqualTo(32);
    }
  }

  private long rows() {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM accesslink_webhook_deliveries")) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }
}

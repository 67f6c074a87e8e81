package dev.accesslink4j.sync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.accesslink4j.sync.UserLease;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcUserLeasesTest {
  @RegisterExtension
  final TestDatabase db = new TestDatabase();

  private JdbcUserLeases leases(String holder, Duration ttl) {
    return JdbcUserLeases.builder(SyncSchema.of(db.dataSource()))
        .holder(holder)
        .ttl(ttl)
        .build();
  }

  @Test
  void aSecondHolderIsRefusedWhileTheLeaseLivesAndTakesItAfterExpiry() throws Exception {
    Duration ttl = Duration.ofMillis(1500);
    JdbcUserLeases first = leases("first", ttl);
    JdbcUserLeases second = leases("second", ttl);

    UserLease held = first.tryAcquire(7).orElseThrow();
    assertThat(held.userId()).isEqualTo(7);
    assertThat(second.tryAcquire(7)).isEmpty();
    assertThat(first.tryAcquire(7))
        .as("one lease per user, even in its own process")
        .isEmpty();
    assertThat(second.tryAcquire(8)).as("another user is free").isPresent();
    assertThat(held.renew()).isTrue();

    UserLease taken = awaitAcquire(second, 7, Duration.ofSeconds(10));

    assertThat(holder(7)).isEqualTo("second");
    assertThat(held.renew()).as("the first holder lost it").isFalse();
    held.close(); // must not delete the second holder's row
    assertThat(holder(7)).isEqualTo("second");
    assertThat(first.tryAcquire(7)).isEmpty();
    assertThat(taken.renew()).isTrue();
  }

  @Test
  void closeFreesTheUserAtOnce() {
    JdbcUserLeases first = leases("first", Duration.ofMinutes(5));
    JdbcUserLeases second = leases("second", Duration.ofMinutes(5));
    UserLease held = first.tryAcquire(7).orElseThrow();

    held.close();
    held.close(); // idempotent

    assertThat(second.tryAcquire(7)).isPresent();
    assertThat(held.renew()).as("a closed lease is not renewed").isFalse();
    assertThat(holder(7)).isEqualTo("second");
  }

  @Test
  void renewingKeepsTheLeaseBeyondItsTimeToLive() throws Exception {
    Duration ttl = Duration.ofMillis(900);
    JdbcUserLeases first = leases("first", ttl);
    JdbcUserLeases second = leases("second", ttl);
    UserLease held = first.tryAcquire(7).orElseThrow();

    long end = System.nanoTime() + ttl.multipliedBy(3).toNanos();
    while (System.nanoTime() < end) {
      Thread.sleep(first.renewEvery().toMillis());
      assertThat(held.renew()).isTrue();
      assertThat(second.tryAcquire(7)).isEmpty();
    }
  }

  @Test
  void theDatabasesClockSetsTheExpiry() throws SQLException {
    JdbcUserLeases leases = leases("first", Duration.ofMinutes(2));
    leases.tryAcquire(7).orElseThrow();

    double seconds =
        queryDouble("SELECT extract(epoch FROM expires_at - now()) FROM accesslink_user_leases");
    assertThat(seconds).isBetween(100.0, 120.0);
    assertThat(leases.renewEvery()).isEqualTo(Duration.ofSeconds(40));
    assertThat(leases.ttl()).isEqualTo(Duration.ofMinutes(2));
    assertThat(leases.stallLimit()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void theStallLimitIsTheBuildersAndMustBePositive() {
    SyncSchema schema = SyncSchema.of(db.dataSource());
    assertThat(JdbcUserLeases.builder(schema)
            .stallLimit(Duration.ofMinutes(20))
            .build()
            .stallLimit())
        .isEqualTo(Duration.ofMinutes(20));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> JdbcUserLeases.builder(schema).stallLimit(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
  }

  @Test
  void theDefaultHolderNamesHostProcessAndARandomPart() {
    JdbcUserLeases a = JdbcUserLeases.builder(SyncSchema.of(db.dataSource())).build();
    JdbcUserLeases b = JdbcUserLeases.builder(SyncSchema.of(db.dataSource())).build();

    assertThat(a.holder()).contains("/" + ProcessHandle.current().pid() + "/").matches("[!-~]+");
    assertThat(a.holder()).isNotEqualTo(b.holder());
    assertThat(a.ttl()).isEqualTo(JdbcUserLeases.DEFAULT_TTL);
    assertThatThrownBy(
            () -> JdbcUserLeases.builder(SyncSchema.of(db.dataSource())).ttl(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void twoProcessesRacingNeverBothHoldOneUser() throws Exception {
    int users = 20;
    ConcurrentHashMap<Long, String> holders = new ConcurrentHashMap<>();
    List<String> overlaps = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicInteger acquired = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    try (HikariDataSource poolA = TestPools.pool(db.jdbcUrl(), 4);
        HikariDataSource poolB = TestPools.pool(db.jdbcUrl(), 4)) {
      JdbcUserLeases a =
          JdbcUserLeases.builder(SyncSchema.of(poolA)).holder("a").build();
      JdbcUserLeases b =
          JdbcUserLeases.builder(SyncSchema.of(poolB)).holder("b").build();
      ExecutorService threads = Executors.newFixedThreadPool(8);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        JdbcUserLeases mine = t % 2 == 0 ? a : b;
        String name = mine.holder() + t;
        done.add(threads.submit(() -> {
          start.await();
          for (int i = 0; i < 300; i++) {
            long user = ThreadLocalRandom.current().nextLong(users);
            Optional<dev.accesslink4j.sync.UserLease> lease = mine.tryAcquire(user);
            if (lease.isEmpty()) {
              continue;
            }
            acquired.incrementAndGet();
            String before = holders.putIfAbsent(user, name);
            if (before != null) {
              overlaps.add("user " + user + " held by " + before + " and " + name);
            }
            if (!lease.get().renew()) {
              overlaps.add("user " + user + " lost by " + name + " while held");
            }
            holders.remove(user, name);
            lease.get().close();
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get();
      }
      threads.shutdown();
    }
    assertThat(overlaps).isEmpty();
    assertThat(acquired.get()).isGreaterThan(100);
    System.out.println(
        "JdbcUserLeases race: " + acquired.get() + " of 2,400 attempts on 20 users got a lease");
  }

  @Test
  void theUsersOfAKilledProcessComeFreeWhenTheirLeasesExpire() throws Exception {
    Duration ttl = Duration.ofSeconds(2);
    JdbcUserLeases survivor = leases("survivor", ttl);
    Process child = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            LeaseHolderProcess.class.getName(),
            db.jdbcUrl(),
            Long.toString(ttl.toMillis()),
            "5")
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("HELD 5");
      Thread.sleep(ttl.toMillis() * 3 / 2); // the child renews: its leases outlive the time to live
      for (long user = 1; user <= 5; user++) {
        assertThat(survivor.tryAcquire(user))
            .as("user %d while the child lives", user)
            .isEmpty();
      }

      child.destroyForcibly(); // SIGKILL: no close(), no shutdown hook
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
      long killed = System.nanoTime();

      for (long user = 1; user <= 5; user++) {
        awaitAcquire(survivor, user, Duration.ofSeconds(15));
      }
      System.out.printf(
          "JdbcUserLeases: the killed process's 5 users were taken over %d ms after the kill (ttl %d ms)%n",
          (System.nanoTime() - killed) / 1_000_000, ttl.toMillis());
      assertThat(holders()).containsOnly("survivor");
    } finally {
      child.destroyForcibly();
    }
  }

  private static UserLease awaitAcquire(JdbcUserLeases leases, long user, Duration deadline)
      throws InterruptedException {
    long end = System.nanoTime() + deadline.toNanos();
    while (System.nanoTime() < end) {
      Optional<UserLease> lease = leases.tryAcquire(user);
      if (lease.isPresent()) {
        return lease.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the lease of user " + user + " never expired");
  }

  private String holder(long user) {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery("SELECT holder FROM accesslink_user_leases WHERE user_id = " + user)) {
      return r.next() ? r.getString(1) : "(none)";
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  private List<String> holders() {
    List<String> names = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT holder FROM accesslink_user_leases")) {
      while (r.next()) {
        names.add(r.getString(1));
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
    return names;
  }

  private double queryDouble(String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getDouble(1);
    }
  }
}

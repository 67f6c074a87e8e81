package dev.accesslink4j.sync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.accesslink4j.AccessLink;
import dev.accesslink4j.sync.ExerciseFormat;
import dev.accesslink4j.sync.SyncEngine;
import dev.accesslink4j.sync.SyncFile;
import dev.accesslink4j.sync.SyncItem;
import dev.accesslink4j.sync.SyncKind;
import dev.accesslink4j.sync.SyncReport;
import dev.accesslink4j.sync.SyncSink;
import dev.accesslink4j.sync.SyncUser;
import dev.accesslink4j.sync.UserSource;
import dev.accesslink4j.testkit.ExerciseSpec;
import dev.accesslink4j.testkit.FakeAccessLink;
import dev.accesslink4j.testkit.FakeUser;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two engine "processes" (each with its own client, connection pool, state store and leases) on one database and one
 * user list, at the same time: the leases split the users between them and the shared state makes a user synced by
 * one a no-op for the other, so every item reaches the sinks exactly once, and a second round delivers nothing.
 */
class SharedEngineTest {
  @RegisterExtension
  final TestDatabase db = new TestDatabase();

  @Test
  void twoEnginesSharingStateAndLeasesDeliverEveryItemOnce() throws Exception {
    try (FakeAccessLink fake = FakeAccessLink.start();
        AccessLink clientA = fake.newClient();
        AccessLink clientB = fake.newClient();
        HikariDataSource poolA = TestPools.pool(db.jdbcUrl(), 8);
        HikariDataSource poolB = TestPools.pool(db.jdbcUrl(), 8)) {
      List<SyncUser> users = new ArrayList<>();
      for (int u = 0; u < 12; u++) {
        FakeUser user = fake.addUser();
        for (int e = 0; e < 3; e++) {
          user.addExercise(
              ExerciseSpec.builder().sport(ExerciseSpec.Sport.RUNNING).build());
        }
        user.addSleep(fake.today().minusDays(1));
        users.add(new SyncUser(user.polarUserId(), user.issueToken()));
      }
      Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
      SyncSink sink = new SyncSink() {
        @Override
        public void item(SyncItem item) throws InterruptedException {
          deliveries
              .computeIfAbsent(item.userId() + " " + item.key(), k -> new AtomicInteger())
              .incrementAndGet();
          Thread.sleep(20); // slow enough that both engines work at once
        }

        @Override
        public void file(SyncFile file, Content content) throws Exception {
          content.writeTo(OutputStream.nullOutputStream());
        }
      };
      SyncEngine a = engine(fake, clientA, poolA, "a", users, sink);
      SyncEngine b = engine(fake, clientB, poolB, "b", users, sink);

      CompletableFuture<SyncReport> runA = CompletableFuture.supplyAsync(a::run);
      CompletableFuture<SyncReport> runB = CompletableFuture.supplyAsync(b::run);
      SyncReport first = runA.get();
      SyncReport second = runB.get();

      assertThat(first.failures()).isEmpty();
      assertThat(second.failures()).isEmpty();
      assertThat(deliveries).hasSize(12 * 4); // 3 exercises and a night per user
      assertThat(deliveries.values()).allMatch(n -> n.get() == 1);
      assertThat(first.items() + second.items()).isEqualTo(12 * 4);
      System.out.printf(
          "SharedEngineTest: engine a delivered %d items (%d users busy), engine b %d (%d busy)%n",
          first.items(), first.busy().size(), second.items(), second.busy().size());

      SyncReport again = a.run(); // every user's state is shared: nothing new
      assertThat(again.items()).isZero();
      assertThat(again.busy()).isEmpty();
      assertThat(deliveries.values()).allMatch(n -> n.get() == 1);
    }
  }

  private static SyncEngine engine(
      FakeAccessLink fake,
      AccessLink client,
      HikariDataSource pool,
      String holder,
      List<SyncUser> users,
      SyncSink sink) {
    SyncSchema schema = SyncSchema.of(pool);
    return SyncEngine.builder(client, UserSource.of(users), sink)
        .clock(fake.clock())
        .kinds(Set.of(SyncKind.EXERCISES, SyncKind.SLEEP))
        .exerciseFormats(Set.of(ExerciseFormat.TCX))
        .stateStore(JdbcStateStore.create(schema))
        .userLeases(JdbcUserLeases.builder(schema)
            .holder(holder)
            .ttl(Duration.ofSeconds(30))
            .build())
        .userParallelism(4)
        .build();
  }
}

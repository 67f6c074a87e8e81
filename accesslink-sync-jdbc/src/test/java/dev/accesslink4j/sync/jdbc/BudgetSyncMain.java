package dev.accesslink4j.sync.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.accesslink4j.AccessLink;
import dev.accesslink4j.AccessToken;
import dev.accesslink4j.ClientSecret;
import dev.accesslink4j.sync.ExerciseFormat;
import dev.accesslink4j.sync.FileSystemSink;
import dev.accesslink4j.sync.SyncEngine;
import dev.accesslink4j.sync.SyncKind;
import dev.accesslink4j.sync.SyncReport;
import dev.accesslink4j.sync.SyncUser;
import dev.accesslink4j.sync.UserSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One engine process of the scale-out test, started by {@link JdbcRateBudgetScaleOutTest} in its own JVM: a
 * {@link SyncEngine} with a {@link JdbcRateBudget}, a {@link JdbcStateStore} and {@link JdbcUserLeases} on one
 * database and a {@link FileSystemSink} into a shared folder, against the fake in the test's JVM. Prints
 * {@code ready}, waits for a line on its standard input, runs once and prints
 * {@code users=<n> files=<n> requests=<n> busy=<n> failures=<n> millis=<t> budgetWrites=<n>}.
 *
 * <p>Arguments: API URL, token URL, client id, client secret, JDBC URL, table prefix, users file (a line {@code <user
 * id> <token>} per user), output folder, the short window's length in milliseconds, users at once.
 */
public final class BudgetSyncMain {
  private BudgetSyncMain() {}

  /**
   * Runs one process.
   *
   * @param args see the class comment
   * @throws Exception when anything fails (the exit status is then not zero)
   */
  public static void main(String[] args) throws Exception {
    List<SyncUser> users = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[6]), StandardCharsets.UTF_8)) {
      String[] parts = line.split(" ");
      users.add(new SyncUser(Long.parseLong(parts[0]), AccessToken.of(parts[1])));
    }
    try (HikariDataSource pool = TestPools.pool(args[4], 4)) {
      SyncSchema schema = SyncSchema.of(pool, args[5]);
      try (JdbcRateBudget budget = JdbcRateBudget.builder(schema)
              // Polar's formula for 30 users; the fake's headers correct it with the first answer
              .registeredUsers(users.size())
              .windowLengths(Duration.ofMillis(Long.parseLong(args[8])), Duration.ofHours(24))
              .sliceSize(10)
              .safetyMargin(Duration.ofMillis(100)) // the fake rounds resets up to whole seconds
              // a second of rounding, the margin and two round trips of 150 ms
              .windowEndGuard(Duration.ofMillis(1500))
              .build();
          AccessLink client = AccessLink.builder()
              .clientId(args[2])
              .clientSecret(ClientSecret.of(args[3]))
              .apiUrl(URI.create(args[0]))
              .tokenUrl(URI.create(args[1]))
              .rateBudget(budget)
              .build()) {
        SyncEngine engine = SyncEngine.builder(
                client, UserSource.of(users), new FileSystemSink(Path.of(args[7])))
            .stateStore(JdbcStateStore.create(schema))
            .userLeases(JdbcUserLeases.builder(schema).build())
            .kinds(Set.of(SyncKind.EXERCISES))
            .exerciseFormats(Set.of(ExerciseFormat.FIT))
            .userParallelism(Integer.parseInt(args[9]))
            .build();
        System.out.println("ready");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        long start = System.nanoTime();
        SyncReport report = engine.run();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("users=" + report.users() + " files=" + report.files() + " requests="
            + report.requests() + " busy=" + report.busy().size() + " failures="
            + report.failures().size() + " millis=" + millis + " budgetWrites="
            + budget.databaseWrites());
      }
    }
  }
}

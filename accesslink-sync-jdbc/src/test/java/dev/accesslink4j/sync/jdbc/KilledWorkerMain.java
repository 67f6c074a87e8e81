package dev.accesslink4j.sync.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.accesslink4j.AccessLink;
import dev.accesslink4j.AccessToken;
import dev.accesslink4j.ClientSecret;
import dev.accesslink4j.sync.ExerciseFormat;
import dev.accesslink4j.sync.FileSystemSink;
import dev.accesslink4j.sync.SyncEngine;
import dev.accesslink4j.sync.SyncFailure;
import dev.accesslink4j.sync.SyncFile;
import dev.accesslink4j.sync.SyncKind;
import dev.accesslink4j.sync.SyncListener;
import dev.accesslink4j.sync.SyncReport;
import dev.accesslink4j.sync.SyncUser;
import dev.accesslink4j.sync.UserSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One worker of {@link KilledWorkerTest}, in its own JVM: a {@link SyncEngine} that takes exercises (FIT and TCX)
 * from the transactional API, with a {@link JdbcRateBudget}, a {@link JdbcStateStore} and {@link JdbcUserLeases}
 * (short time to live) on the shared database and a {@link FileSystemSink} into the shared folder. Prints
 * {@code ready}, waits for a line on its standard input, then runs passes: a pass syncs the users still to do, and the
 * next pass, after {@link JdbcUserLeases#renewEvery()}, takes those the last one reported busy (another process held
 * their lease) or failed, as a cron job's next start would, up to a bound. It prints {@code file <user> <exercise>
 * <format>} for every file its sink took, {@code pass <n> users=<n> files=<n> busy=<n> failures=<n>} for every pass,
 * and at the end {@code done passes=<n> files=<n> requests=<n> failures=<n> left=<n>}.
 *
 * <p>The worker the test kills is told to stop its sync thread after its first file, printing {@code stalled <user>
 * <exercise> <format>} for it instead (its other threads go on, and it still renews its leases, like a worker stuck
 * on a slow download): so the kill lands inside an open transaction on any machine, however loaded, without a sleep
 * in the test.
 *
 * <p>Arguments: API URL, token URL, client id, client secret, JDBC URL, users file (a line {@code <user id> <token>}
 * per user), output folder, holder name, lease time to live in milliseconds, users at once, most passes,
 * {@code stall} or {@code run}.
 */
public final class KilledWorkerMain {
  /** Held so that its level stays: every pass's store would log Flyway's validation otherwise. */
  private static final Logger FLYWAY = Logger.getLogger("org.flywaydb");

  private KilledWorkerMain() {}

  /**
   * Runs one worker.
   *
   * @param args see the class comment
   * @throws Exception when anything fails (the exit status is then not zero)
   */
  public static void main(String[] args) throws Exception {
    FLYWAY.setLevel(Level.WARNING);
    List<SyncUser> users = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[5]), StandardCharsets.UTF_8)) {
      String[] parts = line.split(" ");
      users.add(new SyncUser(Long.parseLong(parts[0]), AccessToken.of(parts[1])));
    }
    PrintStream out = System.out;
    int maxPasses = Integer.parseInt(args[10]);
    SyncListener listener = new Printer(out, "stall".equals(args[11]));
    try (HikariDataSource pool = TestPools.pool(args[4], 4)) {
      SyncSchema schema = SyncSchema.of(pool);
      JdbcUserLeases leases = JdbcUserLeases.builder(schema)
          .holder(args[7])
          .ttl(Duration.ofMillis(Long.parseLong(args[8])))
          .build();
      JdbcStateStore state = JdbcStateStore.create(schema);
      try (JdbcRateBudget budget = JdbcRateBudget.builder(schema)
              .registeredUsers(users.size())
              .sliceSize(10)
              .build();
          AccessLink client = AccessLink.builder()
              .clientId(args[2])
              .clientSecret(ClientSecret.of(args[3]))
              .apiUrl(URI.create(args[0]))
              .tokenUrl(URI.create(args[1]))
              .rateBudget(budget)
              .build()) {
        out.println("ready");
        out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        List<SyncUser> todo = users;
        long files = 0;
        long requests = 0;
        long failures = 0;
        int pass = 0;
        while (!todo.isEmpty() && pass < maxPasses) {
          if (pass > 0) {
            Thread.sleep(leases.renewEvery().toMillis());
          }
          pass++;
          SyncReport report = SyncEngine.builder(
                  client, UserSource.of(todo), new FileSystemSink(Path.of(args[6])))
              .stateStore(state)
              .userLeases(leases)
              .kinds(EnumSet.of(SyncKind.EXERCISES))
              .transactionalKinds(EnumSet.of(SyncKind.EXERCISES))
              .exerciseFormats(EnumSet.of(ExerciseFormat.FIT, ExerciseFormat.TCX))
              .userParallelism(Integer.parseInt(args[9]))
              .listener(listener)
              .build()
              .run();
          files += report.files();
          requests += report.requests();
          failures += report.failures().size();
          for (SyncFailure f : report.failures()) {
            out.println("failure " + f.userId() + " " + f.kind() + " " + f.message());
          }
          out.println(
              "pass " + pass + " users=" + report.users() + " files=" + report.files() + " busy="
                  + report.busy().size() + " failures=" + report.failures().size());
          out.flush();
          todo = again(todo, report);
        }
        out.println("done passes=" + pass + " files=" + files + " requests=" + requests
            + " failures=" + failures + " left=" + todo.size());
        out.flush();
      }
    }
  }

  /** The users of a pass that the next one must take: busy or failed. */
  private static List<SyncUser> again(List<SyncUser> users, SyncReport report) {
    Set<Long> ids = new LinkedHashSet<>(report.busy());
    report.failures().forEach(f -> ids.add(f.userId()));
    return users.stream().filter(u -> ids.contains(u.userId())).toList();
  }

  /** Prints every file the sink took; when told to stall, stops the thread of the first file for good. */
  private static final class Printer implements SyncListener {
    private final PrintStream out;
    private final AtomicBoolean stall;
    private final CountDownLatch never = new CountDownLatch(1);

    Printer(PrintStream out, boolean stall) {
      this.out = out;
      this.stall = new AtomicBoolean(stall);
    }

    @Override
    public void fileDelivered(SyncFile file, long bytes) {
      boolean stop = stall.getAndSet(false);
      synchronized (out) {
        out.println((stop ? "stalled " : "file ") + file.userId() + " " + file.exerciseId() + " "
            + file.format());
        out.flush();
      }
      if (stop) {
        try {
          never.await(); // until the test kills this process
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}

package dev.accesslink4j.sync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accesslink4j.AccessLink;
import dev.accesslink4j.AccessToken;
import dev.accesslink4j.testkit.ExerciseIds;
import dev.accesslink4j.testkit.FakeAccessLink;
import dev.accesslink4j.testkit.FakeAccessLinkOptions;
import dev.accesslink4j.testkit.FakeUser;
import dev.accesslink4j.testkit.ReceivedRequest;
import dev.accesslink4j.testkit.Route;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scale-out issue's crash case end to end: "kill -9 of one of the three mid-run: its users are finished by
 * another process after the lease expires, nothing lost, nothing committed early in the transactional mode."
 *
 * <p>Three workers (real JVMs, {@link KilledWorkerMain}) share one database (rate budget, sync state, user leases with
 * a 2 s time to live) and one output folder, against one fake in this JVM with 100 ms of latency, and take 15 users'
 * exercises (3 each, FIT and TCX) from the transactional API. The worker to be killed stops its sync thread after its
 * first file, inside the user's open transaction, and keeps renewing its lease; once each survivor's first pass has
 * found that user busy, the worker is killed with SIGKILL. The survivors' later passes take its users once their
 * leases expire. The fake's request log then shows every transaction committed once, after all its files, never by
 * the killed worker; the output folder holds every file whole.
 */
class KilledWorkerTest {
  private static final int USERS = 15;
  private static final int EXERCISES = 3;
  private static final Duration TTL = Duration.ofSeconds(2);
  private static final Duration LATENCY = Duration.ofMillis(100);
  /** The wall clocks of the database and of the fake are the same machine's: this covers their reading. */
  private static final Duration CLOCK_TOLERANCE = Duration.ofMillis(50);

  private static final Pattern TRANSACTION_PATH = Pattern.compile(
      "/v3/users/\\d+/exercise-transactions/(\\d+)(?:/exercises/(\\d+)(?:/\\w+)?)?");
  private static final Pattern STALLED_LINE = Pattern.compile("stalled (\\d+) (\\S+) (FIT|TCX)");
  private static final Pattern FIRST_PASS_LINE =
      Pattern.compile("pass 1 users=\\d+ files=\\d+ busy=(\\d+) failures=\\d+");
  private static final Pattern DONE_LINE = Pattern.compile(
      "done passes=(\\d+) files=(\\d+) requests=(\\d+) failures=(\\d+) left=(\\d+)");

  @RegisterExtension
  final TestDatabase db = new TestDatabase();

  @TempDir
  Path dir;

  /** Whose request it was, by its bearer token: the exercise list names no user in its path. */
  private final Map<String, Long> userOfToken = new HashMap<>();

  private final Map<Long, AccessToken> tokens = new HashMap<>();
  private final List<Expected> expected = new ArrayList<>();

  /** One of the fake's exercises: its owner, ids and the files the non-transactional API serves for it. */
  private record Expected(long userId, ExerciseIds ids, byte[] fit, byte[] tcx) {}

  /** A lease the killed worker still held in the database right after the kill. */
  private record HeldLease(long userId, Instant expiresAt) {}

  /**
   * The kill: the user, exercise and file route of the killed worker's stalled file, how many requests the fake had
   * then (all of the killed worker's among them), when it was, and the leases the worker left.
   */
  private record Kill(
      long stalledUser,
      String stalledExercise,
      Route stalledFile,
      int requestsBefore,
      Instant at,
      List<HeldLease> held) {}

  @Test
  void killMinus9OfOneOfTheThreeMidRun() throws Exception {
    try (FakeAccessLink fake =
            FakeAccessLink.start(FakeAccessLinkOptions.builder().build());
        AccessLink reader = fake.newClient()) {
      Path users = addUsers(fake, reader);
      Path out = dir.resolve("out");
      fake.clearRequests(); // the reads of the expected files are not the workers'
      fake.resetRateLimits();
      fake.latency(LATENCY); // a run of several seconds, the kill inside it

      List<Worker> workers = new ArrayList<>();
      try {
        for (int w = 0; w < 3; w++) {
          workers.add(Worker.start(fake, db.jdbcUrl(), users, out, "worker-" + w, w == 0));
        }
        for (Worker w : workers) {
          assertThat(w.next(Duration.ofSeconds(60))).as(w.name).isEqualTo("ready");
        }
        long started = System.nanoTime();
        for (Worker w : workers) {
          w.go();
        }
        Worker killed = workers.get(0);
        List<Worker> survivors = workers.subList(1, 3);

        // the killed worker's stalled file: the user's transaction is open, its lease live
        Matcher stalled = killed.await(STALLED_LINE, Duration.ofSeconds(60));
        // it renews the lease: each survivor's first pass finds the user busy
        for (Worker survivor : survivors) {
          Matcher pass = survivor.await(FIRST_PASS_LINE, Duration.ofSeconds(60));
          assertThat(Integer.parseInt(pass.group(1)))
              .as("%s: %s", survivor.name, pass.group())
              .isPositive();
        }
        long killedAt = System.nanoTime();
        killed.process.destroyForcibly(); // SIGKILL: no lease closed, no shutdown hook
        assertThat(killed.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Kill kill = new Kill(
            Long.parseLong(stalled.group(1)),
            stalled.group(2),
            stalled.group(3).equals("FIT")
                ? Route.GET_TRANSACTION_EXERCISE_FIT
                : Route.GET_TRANSACTION_EXERCISE_TCX,
            fake.requests().size(),
            Instant.now(),
            leasesOf(killed.name));

        List<Matcher> done = new ArrayList<>();
        for (Worker survivor : survivors) {
          done.add(survivor.await(DONE_LINE, Duration.ofSeconds(60)));
          assertThat(survivor.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
          assertThat(survivor.process.exitValue()).as(survivor.name).isZero();
        }
        List<ReceivedRequest> log = fake.requests();
        System.out.printf(
            "KilledWorkerTest: worker-0 killed %d ms after the start holding users %s (lease ttl"
                + " %d ms), taken over %s ms after the kill; the survivors done %d ms after the"
                + " start: %s%n",
            (killedAt - started) / 1_000_000,
            kill.held().stream().map(HeldLease::userId).toList(),
            TTL.toMillis(),
            kill.held().stream()
                .map(lease -> Duration.between(
                        kill.at(), takeOver(log, kill, lease).receivedAt())
                    .toMillis())
                .toList(),
            (System.nanoTime() - started) / 1_000_000,
            done.stream().map(Matcher::group).toList());
        for (Worker survivor : survivors) {
          System.out.println(survivor.name + ": "
              + survivor.printed.stream()
                  .filter(line -> line.startsWith("pass "))
                  .toList());
        }

        assertThat(kill.held())
            .as("the kill landed inside the open transaction of a user the worker held")
            .extracting(HeldLease::userId)
            .contains(kill.stalledUser());
        itsUsersAreFinishedByAnotherProcessAfterTheLeaseExpires(done, log, kill);
        nothingLost(log, out, kill);
        nothingCommittedEarly(log, kill);
        andNothingIsLeftUncommittedAtAccessLink(reader);
        assertThat(fake.rateLimitRefusals()).as("429s").isZero();
      } finally {
        for (Worker w : workers) {
          w.process.destroyForcibly();
        }
      }
    }
  }

  /** Adds the users and their exercises, reads each exercise's files as expected, and writes the users file. */
  private Path addUsers(FakeAccessLink fake, AccessLink reader) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int u = 0; u < USERS; u++) {
      FakeUser user = fake.addUser();
      AccessToken token = user.issueToken();
      for (int e = 0; e < EXERCISES; e++) {
        ExerciseIds ids = user.addExercise();
        ByteArrayOutputStream fit = new ByteArrayOutputStream();
        ByteArrayOutputStream tcx = new ByteArrayOutputStream();
        reader.user(token).exercises().fit(ids.hashedId(), fit);
        reader.user(token).exercises().tcx(ids.hashedId(), tcx);
        expected.add(new Expected(user.polarUserId(), ids, fit.toByteArray(), tcx.toByteArray()));
      }
      userOfToken.put("Bearer " + token.reveal(), user.polarUserId());
      tokens.put(user.polarUserId(), token);
      lines.append(user.polarUserId()).append(' ').append(token.reveal()).append('\n');
    }
    Path users = dir.resolve("users.txt");
    Files.writeString(users, lines, StandardCharsets.UTF_8);
    return users;
  }

  /**
   * The survivors finish every user with no failure and give every lease back; the first request for a user the
   * killed worker held comes after that lease expired (the database's {@code expires_at} and the fake's arrival time
   * are read off the same machine's clock).
   */
  private void itsUsersAreFinishedByAnotherProcessAfterTheLeaseExpires(
      List<Matcher> done, List<ReceivedRequest> log, Kill kill) throws SQLException {
    for (Matcher m : done) {
      assertThat(m.group(4)).as("failures: %s", m.group()).isEqualTo("0");
      assertThat(m.group(5)).as("users left: %s", m.group()).isEqualTo("0");
    }
    assertThat(count("SELECT count(*) FROM accesslink_user_leases"))
        .as("leases left behind")
        .isZero();
    for (HeldLease lease : kill.held()) {
      assertThat(takeOver(log, kill, lease).receivedAt())
          .as("user %d taken over", lease.userId())
          .isAfterOrEqualTo(lease.expiresAt().minus(CLOCK_TOLERANCE));
    }
  }

  /**
   * Every exercise's FIT and TCX on disk, byte for byte what the fake serves, no temporary file left; the file the
   * killed worker took last was recorded and not fetched again, and of the others at most one (in flight on its other
   * thread at the kill) was fetched twice.
   */
  private void nothingLost(List<ReceivedRequest> log, Path out, Kill kill) throws IOException {
    for (Expected e : expected) {
      Path folder = out.resolve(Long.toString(e.userId())).resolve("exercises");
      assertThat(folder.resolve(e.ids().hashedId() + ".fit")).hasBinaryContent(e.fit());
      assertThat(folder.resolve(e.ids().hashedId() + ".tcx")).hasBinaryContent(e.tcx());
    }
    assertThat(files(out, ".fit")).hasSize(USERS * EXERCISES);
    assertThat(files(out, ".tcx")).hasSize(USERS * EXERCISES);
    assertThat(files(out, ".tmp")).as("half-written files").isEmpty();
    long stalled = transactionalId(kill.stalledExercise());
    assertThat(log)
        .filteredOn(r -> is(r, kill.stalledFile()) && exerciseOf(r) == stalled)
        .hasSize(1);
    assertThat(log.stream()
            .filter(r -> is(r, Route.GET_TRANSACTION_EXERCISE_FIT)
                || is(r, Route.GET_TRANSACTION_EXERCISE_TCX))
            .count())
        .isBetween(2L * USERS * EXERCISES, 2L * USERS * EXERCISES + 1);
  }

  /**
   * One commit per user, after every exercise's FIT and TCX were requested (the fake offers all of a user's
   * uncommitted exercises in each new transaction, so every one belongs to the committed transaction); the killed
   * worker's open transaction never committed, its user committed by a survivor in a new one.
   */
  private void nothingCommittedEarly(List<ReceivedRequest> log, Kill kill) {
    Map<Long, List<Integer>> commits = new HashMap<>();
    for (int i = 0; i < log.size(); i++) {
      if (is(log.get(i), Route.COMMIT_EXERCISE_TRANSACTION)) {
        commits.computeIfAbsent(userOf(log.get(i)), k -> new ArrayList<>()).add(i);
      }
    }
    assertThat(commits)
        .hasSize(USERS)
        .allSatisfy((user, at) -> assertThat(at).as("commits of user %d", user).hasSize(1));
    for (Expected e : expected) {
      List<ReceivedRequest> beforeCommit =
          log.subList(0, commits.get(e.userId()).get(0));
      for (Route file :
          EnumSet.of(Route.GET_TRANSACTION_EXERCISE_FIT, Route.GET_TRANSACTION_EXERCISE_TCX)) {
        assertThat(beforeCommit)
            .as("%s of exercise %d before its commit", file, e.ids().transactionalId())
            .anyMatch(r -> is(r, file) && exerciseOf(r) == e.ids().transactionalId());
      }
    }
    long stalled = transactionalId(kill.stalledExercise());
    long openAtKill = log.subList(0, kill.requestsBefore()).stream()
        .filter(r -> is(r, kill.stalledFile()) && exerciseOf(r) == stalled)
        .mapToLong(KilledWorkerTest::transactionOf)
        .findFirst()
        .orElseThrow();
    int commit = commits.get(kill.stalledUser()).get(0);
    assertThat(commit)
        .as("the stalled user's commit, after the kill")
        .isGreaterThanOrEqualTo(kill.requestsBefore());
    assertThat(transactionOf(log.get(commit)))
        .as("the committed transaction is a survivor's new one")
        .isNotEqualTo(openAtKill);
  }

  /** Each user's exercises were committed: a new transaction finds nothing (204). */
  private void andNothingIsLeftUncommittedAtAccessLink(AccessLink reader) {
    for (Map.Entry<Long, AccessToken> user : tokens.entrySet()) {
      assertThat(reader
              .user(user.getValue())
              .transactions()
              .forUser(user.getKey())
              .openExerciseTransaction())
          .as("user %d", user.getKey())
          .isEmpty();
    }
  }

  /** The first request for a user the killed worker held, after the kill. */
  private ReceivedRequest takeOver(List<ReceivedRequest> log, Kill kill, HeldLease lease) {
    return log.subList(kill.requestsBefore(), log.size()).stream()
        .filter(r -> userOf(r) == lease.userId())
        .findFirst()
        .orElseThrow(() -> new AssertionError("user " + lease.userId() + " never taken over"));
  }

  private static boolean is(ReceivedRequest r, Route route) {
    return r.route().orElse(null) == route;
  }

  private long userOf(ReceivedRequest r) {
    return userOfToken.getOrDefault(r.header("Authorization").orElse(""), -1L);
  }

  private static long transactionOf(ReceivedRequest r) {
    Matcher m = TRANSACTION_PATH.matcher(r.path());
    return m.matches() ? Long.parseLong(m.group(1)) : -1;
  }

  private static long exerciseOf(ReceivedRequest r) {
    Matcher m = TRANSACTION_PATH.matcher(r.path());
    return m.matches() && m.group(2) != null ? Long.parseLong(m.group(2)) : -1;
  }

  private long transactionalId(String hashedId) {
    return expected.stream()
        .filter(e -> e.ids().hashedId().equals(hashedId))
        .findFirst()
        .orElseThrow()
        .ids()
        .transactionalId();
  }

  private List<HeldLease> leasesOf(String holder) throws SQLException {
    List<HeldLease> leases = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT user_id, expires_at FROM accesslink_user_leases"
            + " WHERE holder = '" + holder + "'")) {
      while (r.next()) {
        leases.add(new HeldLease(r.getLong(1), r.getTimestamp(2).toInstant()));
      }
    }
    return leases;
  }

  private long count(String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static Set<Path> files(Path root, String suffix) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(suffix)).collect(Collectors.toSet());
    }
  }

  /** A worker process and the lines it printed, read on a daemon thread. */
  private static final class Worker {
    final String name;
    final Process process;
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    final List<String> printed = new CopyOnWriteArrayList<>();

    private Worker(String name, Process process) {
      this.name = name;
      this.process = process;
      Thread reader = new Thread(
          () -> {
            try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
              for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
                printed.add(line);
              }
            } catch (IOException e) {
              // the process was killed
            }
          },
          name + "-output");
      reader.setDaemon(true);
      reader.start();
    }

    static Worker start(
        FakeAccessLink fake, String jdbcUrl, Path users, Path out, String name, boolean stall)
        throws IOException {
      Process p = new ProcessBuilder(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-XX:TieredStopAtLevel=1",
              "-cp",
              System.getProperty("java.class.path"),
              KilledWorkerMain.class.getName(),
              fake.baseUrl(),
              fake.tokenUrl(),
              fake.clientId(),
              fake.clientSecret(),
              jdbcUrl,
              users.toString(),
              out.toString(),
              name,
              Long.toString(TTL.toMillis()),
              "2",
              "40",
              stall ? "stall" : "run")
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
      return new Worker(name, p);
    }

    void go() throws IOException {
      OutputStream in = process.getOutputStream();
      in.write("go\n".getBytes(StandardCharsets.UTF_8));
      in.flush();
    }

    String next(Duration timeout) throws InterruptedException {
      String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (line == null) {
        throw new AssertionError(name + " printed nothing for " + timeout);
      }
      return line;
    }

    /** The next line that matches, skipping the others. */
    Matcher await(Pattern pattern, Duration timeout) throws InterruptedException {
      long end = System.nanoTime() + timeout.toNanos();
      while (true) {
        long left = end - System.nanoTime();
        String line = lines.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
        if (line == null) {
          throw new AssertionError(name + " printed no " + pattern + " within " + timeout);
        }
        Matcher m = pattern.matcher(line);
        if (m.matches()) {
          return m;
        }
      }
    }
  }
}

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
  private static final Pattern FILE_LINE = Pattern.compile("file (\\d+) (\\S+) (FIT|TCX)");
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

  /** One of the fake's exercises: its owner, ids and the files the non-transactional API serves for it. */
  private record Expected(long userId, ExerciseIds ids, byte[] fit, byte[] tcx) {}

  /** A lease the killed worker still held in the database right after the kill. */
  private record HeldLease(long userId, Instant expiresAt) {}

  @Test
  void
      killMinus9OfOneOfThreeMidRunItsUsersAreFinishedByAnotherAfterTheLeaseExpiresNothingLostNothingCommittedEarly()
          throws Exception {
    try (FakeAccessLink fake = FakeAccessLink.start(
            FakeAccessLinkOptions.builder().latency(LATENCY).build());
        AccessLink reader = fake.newClient()) {
      Map<Long, AccessToken> tokens = new HashMap<>();
      List<Expected> expected = new ArrayList<>();
      StringBuilder usersFile = new StringBuilder();
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
        usersFile.append(user.polarUserId()).append(' ').append(token.reveal()).append('\n');
      }
      Path users = dir.resolve("users.txt");
      Files.writeString(users, usersFile, StandardCharsets.UTF_8);
      Path out = dir.resolve("out");
      fake.clearRequests(); // the reads above are not the workers'
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

        // the first file of the killed worker: its transaction is open, its lease live
        Worker killed = workers.get(0);
        Matcher stalled = killed.await(FILE_LINE, Duration.ofSeconds(60));
        long stalledUser = Long.parseLong(stalled.group(1));
        String stalledExercise = stalled.group(2);
        // its lease lives on (it renews it): each survivor's first pass finds the user busy
        for (Worker survivor : workers.subList(1, 3)) {
          Matcher pass = survivor.await(FIRST_PASS_LINE, Duration.ofSeconds(60));
          assertThat(Integer.parseInt(pass.group(1)))
              .as("%s: %s", survivor.name, pass.group())
              .isPositive();
        }
        killed.process.destroyForcibly(); // SIGKILL: no lease closed, no shutdown hook
        assertThat(killed.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        long killedAt = System.nanoTime();
        Instant killedAtWall = Instant.now();
        int beforeKill = fake.requests().size(); // every request of the killed worker is in here
        List<HeldLease> held = leasesOf("worker-0");

        List<Matcher> done = new ArrayList<>();
        for (Worker survivor : workers.subList(1, 3)) {
          done.add(survivor.await(DONE_LINE, Duration.ofSeconds(60)));
          assertThat(survivor.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
          assertThat(survivor.process.exitValue()).as(survivor.name).isZero();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        List<ReceivedRequest> log = fake.requests();
        List<ReceivedRequest> afterKill = log.subList(beforeKill, log.size());
        Map<Long, ReceivedRequest> takenOver = new HashMap<>();
        for (HeldLease lease : held) {
          afterKill.stream()
              .filter(r -> userOf(r) == lease.userId())
              .findFirst()
              .ifPresent(r -> takenOver.put(lease.userId(), r));
        }
        System.out.printf(
            "KilledWorkerTest: worker-0 killed %d ms after the start, holding users %s (lease ttl %d"
                + " ms), taken over %s ms after the kill; the survivors finished %d ms after the"
                + " start: %s%n",
            (killedAt - started) / 1_000_000,
            held.stream().map(HeldLease::userId).toList(),
            TTL.toMillis(),
            takenOver.values().stream()
                .map(r -> Duration.between(killedAtWall, r.receivedAt()).toMillis())
                .toList(),
            millis,
            done.stream().map(Matcher::group).toList());
        for (Worker survivor : workers.subList(1, 3)) {
          System.out.println(survivor.name + ": "
              + survivor.printed.stream()
                  .filter(line -> line.startsWith("pass "))
                  .toList());
        }

        // the survivors finish: every user done, no failure, no 429
        for (Matcher m : done) {
          assertThat(m.group(4)).as("failures: %s", m.group()).isEqualTo("0");
          assertThat(m.group(5)).as("users left: %s", m.group()).isEqualTo("0");
        }
        assertThat(fake.rateLimitRefusals()).isZero();
        assertThat(count("SELECT count(*) FROM accesslink_user_leases"))
            .as("no lease left behind")
            .isZero();

        // the kill landed inside an open transaction of a user the killed worker held
        assertThat(held).extracting(HeldLease::userId).contains(stalledUser);
        List<ReceivedRequest> killedPart = log.subList(0, beforeKill);
        assertThat(commitsOf(killedPart, stalledUser))
            .as("the killed worker never committed its open transaction")
            .isEmpty();

        // nothing lost: every exercise's files on disk, whole
        for (Expected e : expected) {
          Path folder = out.resolve(Long.toString(e.userId())).resolve("exercises");
          assertThat(folder.resolve(e.ids().hashedId() + ".fit")).hasBinaryContent(e.fit());
          assertThat(folder.resolve(e.ids().hashedId() + ".tcx")).hasBinaryContent(e.tcx());
        }
        assertThat(files(out, ".fit")).hasSize(USERS * EXERCISES);
        assertThat(files(out, ".tcx")).hasSize(USERS * EXERCISES);
        assertThat(files(out, ".tmp")).as("no half-written file left").isEmpty();

        // the stalled file was recorded before the kill: the survivor did not fetch it again, and
        // of the rest only a file in flight at the kill (on the killed worker's other thread) was
        long stalledFits = log.stream()
            .filter(r -> r.route().orElse(null) == Route.GET_TRANSACTION_EXERCISE_FIT)
            .filter(r -> exerciseOf(r) == transactionalId(expected, stalledExercise))
            .count();
        assertThat(stalledFits).isEqualTo(1);
        long fileRequests = log.stream()
            .filter(r -> r.route().orElse(null) == Route.GET_TRANSACTION_EXERCISE_FIT
                || r.route().orElse(null) == Route.GET_TRANSACTION_EXERCISE_TCX)
            .count();
        assertThat(fileRequests).isBetween(2L * USERS * EXERCISES, 2L * USERS * EXERCISES + 1);

        // nothing committed early: one commit per user, after every file of every exercise it
        // holds (the fake offers all of a user's uncommitted exercises in each new transaction)
        Map<Long, List<Integer>> commits = new HashMap<>();
        for (int i = 0; i < log.size(); i++) {
          if (log.get(i).route().orElse(null) == Route.COMMIT_EXERCISE_TRANSACTION) {
            commits.computeIfAbsent(userOf(log.get(i)), k -> new ArrayList<>()).add(i);
          }
        }
        assertThat(commits)
            .hasSize(USERS)
            .allSatisfy(
                (user, at) -> assertThat(at).as("commits of user %d", user).hasSize(1));
        for (Expected e : expected) {
          int commit = commits.get(e.userId()).get(0);
          List<ReceivedRequest> beforeCommit = log.subList(0, commit);
          for (Route file :
              EnumSet.of(Route.GET_TRANSACTION_EXERCISE_FIT, Route.GET_TRANSACTION_EXERCISE_TCX)) {
            assertThat(beforeCommit)
                .as("%s of exercise %d before its commit", file, e.ids().transactionalId())
                .anyMatch(r ->
                    r.route().orElse(null) == file && exerciseOf(r) == e.ids().transactionalId());
          }
        }
        long stalledTransaction = killedPart.stream()
            .filter(r -> r.route().orElse(null) == Route.GET_TRANSACTION_EXERCISE_FIT)
            .filter(r -> exerciseOf(r) == transactionalId(expected, stalledExercise))
            .mapToLong(KilledWorkerTest::transactionOf)
            .findFirst()
            .orElseThrow();
        assertThat(commitsOf(log, stalledUser))
            .as("the killed worker's transaction stays uncommitted; a survivor's new one is")
            .noneMatch(r -> transactionOf(r) == stalledTransaction)
            .hasSize(1);
        assertThat(commits.get(stalledUser).get(0)).isGreaterThanOrEqualTo(beforeKill);

        // the killed worker's users were taken over only after their leases expired
        for (HeldLease lease : held) {
          ReceivedRequest first = log.subList(beforeKill, log.size()).stream()
              .filter(r -> userOf(r) == lease.userId())
              .findFirst()
              .orElseThrow(
                  () -> new AssertionError("user " + lease.userId() + " never taken over"));
          assertThat(first.receivedAt())
              .as("user %d taken over", lease.userId())
              .isAfterOrEqualTo(lease.expiresAt().minus(CLOCK_TOLERANCE));
        }

        // each user's exercises committed exactly once: AccessLink has nothing left to offer
        for (Map.Entry<Long, AccessToken> user : tokens.entrySet()) {
          assertThat(reader
                  .user(user.getValue())
                  .transactions()
                  .forUser(user.getKey())
                  .openExerciseTransaction())
              .as("user %d", user.getKey())
              .isEmpty();
        }
      } finally {
        for (Worker w : workers) {
          w.process.destroyForcibly();
        }
      }
    }
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

  private static long transactionalId(List<Expected> expected, String hashedId) {
    return expected.stream()
        .filter(e -> e.ids().hashedId().equals(hashedId))
        .findFirst()
        .orElseThrow()
        .ids()
        .transactionalId();
  }

  private List<ReceivedRequest> commitsOf(List<ReceivedRequest> log, long user) {
    return log.stream()
        .filter(r -> r.route().orElse(null) == Route.COMMIT_EXERCISE_TRANSACTION)
        .filter(r -> userOf(r) == user)
        .toList();
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

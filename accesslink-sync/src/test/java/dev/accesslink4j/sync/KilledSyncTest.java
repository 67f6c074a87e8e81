package dev.accesslink4j.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accesslink4j.AccessLink;
import dev.accesslink4j.AccessToken;
import dev.accesslink4j.ClientSecret;
import dev.accesslink4j.testkit.ExerciseIds;
import dev.accesslink4j.testkit.ExerciseSpec;
import dev.accesslink4j.testkit.FakeAccessLink;
import dev.accesslink4j.testkit.FakeAccessLinkOptions;
import dev.accesslink4j.testkit.FakeUser;
import dev.accesslink4j.testkit.Route;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sync process killed with SIGKILL in the middle of its run (no finally block, no shutdown hook), then run
 * again: every exercise file and daily item is on disk and whole, no temporary file is left, and the rerun fetches
 * only what the killed run had not recorded.
 */
class KilledSyncTest {
  private static final Set<SyncKind> KINDS =
      EnumSet.of(SyncKind.EXERCISES, SyncKind.SLEEP, SyncKind.DAILY_ACTIVITY);
  private static final int USERS = 3;
  private static final int EXERCISES = 6;

  @TempDir
  Path dir;

  @Test
  void aRunKilledMidwayIsCompletedByTheNextOneWithNothingLostAndNothingFetchedTwice()
      throws Exception {
    try (FakeAccessLink fake = FakeAccessLink.start(
        FakeAccessLinkOptions.builder().latency(Duration.ofMillis(40)).build())) {
      List<FakeUser> fakeUsers = new ArrayList<>();
      List<String> args = new ArrayList<>();
      LocalDate today = fake.today();
      for (int u = 0; u < USERS; u++) {
        FakeUser user = fake.addUser();
        for (int i = 0; i < EXERCISES; i++) {
          user.addExercise(ExerciseSpec.builder()
              .sport(ExerciseSpec.Sport.RUNNING)
              .route(true)
              .build());
        }
        user.addSleep(today.minusDays(1)).addSleep(today.minusDays(2));
        user.addActivityDay(today.minusDays(1));
        fakeUsers.add(user);
        args.add(user.polarUserId() + "=" + user.issueToken().reveal());
      }
      Path state = dir.resolve("state");
      Path out = dir.resolve("out");

      Process child = startChild(fake, state, out, args);
      try {
        awaitFilesAndAWriteInProgress(out, 4, child);
        child.destroyForcibly(); // SIGKILL, in the middle of a file
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
      } finally {
        child.destroyForcibly();
      }
      assertThat(tempFiles(out)).isNotEmpty(); // the killed write's temporary file is left behind
      int totalFiles = USERS * EXERCISES * ExerciseFormat.values().length;
      int recordedFiles = recordedFiles(state, fakeUsers);
      assertThat(recordedFiles).isBetween(1, totalFiles - 1); // killed midway
      fake.latency(Duration.ZERO);
      fake.clearRequests();

      SyncReport rerun;
      try (AccessLink client = fake.newClient();
          FileStateStore store = FileStateStore.open(state)) {
        rerun = SyncEngine.builder(client, UserSource.of(users(args)), new FileSystemSink(out))
            .stateStore(store)
            .kinds(KINDS)
            .build()
            .run();
      }

      assertThat(rerun.failures()).isEmpty();
      // only what was not recorded: each missing file once, one list per user and kind
      int fileRequests = fake.requests(Route.GET_EXERCISE_FIT).size()
          + fake.requests(Route.GET_EXERCISE_TCX).size()
          + fake.requests(Route.GET_EXERCISE_GPX).size();
      assertThat(fileRequests).isEqualTo(totalFiles - recordedFiles);
      assertThat(fake.requests()).hasSize(fileRequests + USERS * KINDS.size());
      assertThat(tempFiles(out)).isEmpty();
      try (AccessLink client = fake.newClient()) {
        for (FakeUser user : fakeUsers) {
          assertWhole(client, user, out, today);
        }
      }
    }
  }

  private static void assertWhole(AccessLink client, FakeUser user, Path out, LocalDate today)
      throws IOException {
    Path home = out.resolve(Long.toString(user.polarUserId()));
    var api = client.user(user.issueToken()).exercises();
    for (ExerciseIds ids : user.exercises()) {
      String id = ids.hashedId();
      assertThat(home.resolve("exercises/" + id + ".json")).exists();
      ByteArrayOutputStream fit = new ByteArrayOutputStream();
      ByteArrayOutputStream tcx = new ByteArrayOutputStream();
      ByteArrayOutputStream gpx = new ByteArrayOutputStream();
      api.fit(id, fit);
      api.tcx(id, tcx);
      api.gpx(id, gpx);
      assertThat(home.resolve("exercises/" + id + ".fit")).hasBinaryContent(fit.toByteArray());
      assertThat(home.resolve("exercises/" + id + ".tcx")).hasBinaryContent(tcx.toByteArray());
      assertThat(home.resolve("exercises/" + id + ".gpx")).hasBinaryContent(gpx.toByteArray());
    }
    for (String item : List.of(
        "sleep/" + today.minusDays(1),
        "sleep/" + today.minusDays(2),
        "activity/" + today.minusDays(1))) {
      String json = Files.readString(home.resolve(item + ".json"), StandardCharsets.UTF_8);
      assertThat(json).startsWith("{").endsWith("}\n"); // whole, not cut short
    }
  }

  private static Process startChild(FakeAccessLink fake, Path state, Path out, List<String> users)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp",
        System.getProperty("java.class.path"),
        Child.class.getName(),
        fake.baseUrl(),
        state.toString(),
        out.toString()));
    command.addAll(users);
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  private static void awaitFilesAndAWriteInProgress(Path out, int atLeast, Process child)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!child.isAlive()) {
        throw new AssertionError("the child ended before it was killed: " + child.exitValue());
      }
      try {
        if (countFiles(out, ".fit") >= atLeast && !tempFiles(out).isEmpty()) {
          return;
        }
      } catch (UncheckedIOException e) {
        // a file moved into place while the folder was walked: look again
      }
      Thread.sleep(2);
    }
    throw new AssertionError("the child never wrote " + atLeast + " FIT files");
  }

  private static long countFiles(Path out, String suffix) throws IOException {
    if (!Files.isDirectory(out)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(out)) {
      return files.filter(f -> f.getFileName().toString().endsWith(suffix)).count();
    }
  }

  private static List<Path> tempFiles(Path out) throws IOException {
    if (!Files.isDirectory(out)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(out)) {
      return files
          .filter(f -> f.getFileName().toString().startsWith("."))
          .filter(f -> f.toString().endsWith(".tmp") || f.toString().endsWith(".part"))
          .toList();
    }
  }

  /** The exercise files the killed run recorded: 3 for a whole exercise, 1 per file of a partial one. */
  private static int recordedFiles(Path state, List<FakeUser> users) {
    int n = 0;
    try (FileStateStore store = FileStateStore.open(state)) {
      for (FakeUser user : users) {
        for (String id : store.load(user.polarUserId(), SyncKind.EXERCISES).ids()) {
          n += id.contains("/") ? 1 : ExerciseFormat.values().length;
        }
      }
    }
    return n;
  }

  private static List<SyncUser> users(List<String> args) {
    List<SyncUser> users = new ArrayList<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      users.add(new SyncUser(
          Long.parseLong(arg.substring(0, eq)), AccessToken.of(arg.substring(eq + 1))));
    }
    return users;
  }

  /** The child process: one engine run into a file state store and a file-system sink, killed by the test. */
  public static final class Child {
    private Child() {}

    /**
     * Runs the engine, one user and one exercise at a time.
     *
     * @param args the fake's base URL, the state file, the output folder, then {@code userId=token} per user
     */
    public static void main(String[] args) {
      List<String> users = List.of(args).subList(3, args.length);
      try (AccessLink client = AccessLink.builder()
              .clientId(FakeAccessLinkOptions.DEFAULT_CLIENT_ID)
              .clientSecret(ClientSecret.of(FakeAccessLinkOptions.DEFAULT_CLIENT_SECRET))
              .apiUrl(URI.create(args[0]))
              .build();
          FileStateStore state = FileStateStore.open(Path.of(args[1]))) {
        SyncEngine.builder(
                client, UserSource.of(users(users)), new FileSystemSink(Path.of(args[2])))
            .stateStore(state)
            .kinds(KINDS)
            .userParallelism(1)
            .exercisesPerUser(1)
            .build()
            .run();
      }
    }
  }
}

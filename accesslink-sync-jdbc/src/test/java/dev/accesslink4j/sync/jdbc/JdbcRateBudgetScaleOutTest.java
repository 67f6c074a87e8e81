package dev.accesslink4j.sync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accesslink4j.testkit.ExerciseIds;
import dev.accesslink4j.testkit.FakeAccessLink;
import dev.accesslink4j.testkit.FakeAccessLinkOptions;
import dev.accesslink4j.testkit.FakeUser;
import dev.accesslink4j.testkit.ReceivedRequest;
import dev.accesslink4j.testkit.Route;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scale-out issue end to end: three engine processes (real JVMs, {@link BudgetSyncMain}) share one database
 * (rate budget, sync state, user leases) and one output folder, against one fake in this JVM whose short window
 * binds them. The same sync by one process alone is the yardstick.
 */
class JdbcRateBudgetScaleOutTest {
  private static final Pattern RESULT = Pattern.compile(
      "users=(\\d+) files=(\\d+) requests=(\\d+) busy=(\\d+) failures=(\\d+) millis=(\\d+) budgetWrites=(\\d+)");
  private static final Duration SHORT_WINDOW = Duration.ofSeconds(4);
  private static final int USERS = 30;
  private static final int EXERCISES = 2;

  @RegisterExtension
  final TestDatabase db = new TestDatabase();

  @TempDir
  Path dir;

  /** What one engine process printed. */
  private record Run(
      long users,
      long files,
      long requests,
      long busy,
      long failures,
      long millis,
      long budgetWrites) {}

  @Test
  void threeProcessesSyncThirtyUsersWithoutA429OrAFileFetchedTwiceFasterThanOneAlone()
      throws Exception {
    // 30 requests per 2 s (15/s) bind three processes that would send 20/s, not one that sends
    // about 6/s
    try (FakeAccessLink fake = FakeAccessLink.start(FakeAccessLinkOptions.builder()
        .rateLimitWindows(SHORT_WINDOW, 60, Duration.ofHours(24), 100_000)
        .latency(Duration.ofMillis(150))
        .build())) {
      List<String> ids = new ArrayList<>();
      StringBuilder tokens = new StringBuilder();
      for (int u = 0; u < USERS; u++) {
        FakeUser user = fake.addUser();
        for (int e = 0; e < EXERCISES; e++) {
          ExerciseIds exercise = user.addExercise();
          ids.add(user.polarUserId() + "/exercises/" + exercise.hashedId() + ".fit");
        }
        tokens
            .append(user.polarUserId())
            .append(' ')
            .append(user.issueToken().reveal())
            .append('\n');
      }
      Path usersFile = dir.resolve("users.txt");
      Files.writeString(usersFile, tokens, StandardCharsets.UTF_8);

      List<Run> alone = sync(fake, 1, "alone_", usersFile, dir.resolve("alone"));
      long refusedAlone = fake.rateLimitRefusals();
      fake.resetRateLimits();
      fake.clearRequests();
      List<Run> shared = sync(fake, 3, "shared_", usersFile, dir.resolve("shared"));

      System.out.println("one process: " + alone + "\nthree processes: " + shared);
      assertThat(refusedAlone).isZero();
      assertThat(fake.rateLimitRefusals()).isZero();
      assertThat(shared).allMatch(r -> r.failures() == 0);
      assertThat(shared).allMatch(r -> r.files() > 0); // every process did a share of the work
      assertThat(shared.stream().mapToLong(Run::files).sum()).isEqualTo(USERS * EXERCISES);
      assertThat(fitFiles(dir.resolve("shared"))).containsExactlyInAnyOrderElementsOf(ids);
      List<String> fetched = fake.requests(Route.GET_EXERCISE_FIT).stream()
          .map(ReceivedRequest::path)
          .toList();
      assertThat(fetched).hasSize(USERS * EXERCISES).doesNotHaveDuplicates();
      long sharedMillis = shared.stream().mapToLong(Run::millis).max().orElseThrow();
      assertThat(sharedMillis).isLessThan(alone.get(0).millis());
    }
  }

  private List<Run> sync(FakeAccessLink fake, int processes, String prefix, Path users, Path out)
      throws IOException, InterruptedException {
    List<Run> runs = new ArrayList<>();
    for (String line : BudgetProcesses.run(
        BudgetSyncMain.class,
        processes,
        fake.baseUrl(),
        fake.tokenUrl(),
        fake.clientId(),
        fake.clientSecret(),
        db.jdbcUrl(),
        prefix,
        users.toString(),
        out.toString(),
        String.valueOf(SHORT_WINDOW.toMillis()),
        "1")) {
      Matcher m = RESULT.matcher(line);
      assertThat(m.matches()).as(line).isTrue();
      runs.add(new Run(
          Long.parseLong(m.group(1)),
          Long.parseLong(m.group(2)),
          Long.parseLong(m.group(3)),
          Long.parseLong(m.group(4)),
          Long.parseLong(m.group(5)),
          Long.parseLong(m.group(6)),
          Long.parseLong(m.group(7))));
    }
    return runs;
  }

  private static Set<String> fitFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.toString().endsWith(".fit"))
          .map(p -> root.relativize(p).toString())
          .collect(Collectors.toSet());
    }
  }
}

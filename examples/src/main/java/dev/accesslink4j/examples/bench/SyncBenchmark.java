package dev.accesslink4j.examples.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.accesslink4j.AccessLink;
import dev.accesslink4j.examples.AccessLinkCli;
import dev.accesslink4j.oauth.FileTokenStore;
import dev.accesslink4j.sync.ExerciseFormat;
import dev.accesslink4j.sync.FileStateStore;
import dev.accesslink4j.sync.FileSystemSink;
import dev.accesslink4j.sync.SyncEngine;
import dev.accesslink4j.sync.SyncKind;
import dev.accesslink4j.sync.SyncReport;
import dev.accesslink4j.sync.UserSource;
import dev.accesslink4j.testkit.ExerciseSpec;
import dev.accesslink4j.testkit.FakeAccessLink;
import dev.accesslink4j.testkit.FakeAccessLinkOptions;
import dev.accesslink4j.testkit.FakeUser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The issue's sync scenario, measured through the CLI: 30 users with 10 exercises each (the summary from the list,
 * a TCX and a GPX file each: 630 requests) against the testkit's fake answering every request after 50 ms, synced
 * by {@code accesslink sync --kinds exercises --formats tcx,gpx} at {@code --concurrency} 1, 4, 16 and the default,
 * and the same data fetched one request at a time (the engine with one user and one exercise at a time), each into
 * a fresh folder whose files are then counted. Run by hand ({@code Benchmarks sync}, see BENCHMARKS.md).
 */
final class SyncBenchmark {
  private static final int USERS = Integer.getInteger("bench.users", 30);
  private static final int EXERCISES = Integer.getInteger("bench.exercises", 10);
  private static final Duration LATENCY = Duration.ofMillis(Long.getLong("bench.latencyMs", 50));

  private SyncBenchmark() {}

  static void run() throws IOException {
    Path work = Files.createTempDirectory("accesslink-sync-bench-");
    try (FakeAccessLink fake = FakeAccessLink.start(FakeAccessLinkOptions.builder()
        .demoUserDays(0)
        .rateLimit(1_000_000, 10_000_000) // the runs together send thousands of requests
        .build())) {
      Path tokens = work.resolve("tokens.json");
      FileTokenStore store = FileTokenStore.of(tokens);
      for (int u = 0; u < USERS; u++) {
        FakeUser user = fake.addUser("member-" + u);
        for (int e = 0; e < EXERCISES; e++) {
          user.addExercise(ExerciseSpec.builder()
              .sport(ExerciseSpec.Sport.RUNNING)
              .route(true)
              .duration(Duration.ofMinutes(5))
              .build());
        }
        store.save("member-" + u, user.issueToken());
      }
      cli(fake, tokens, work.resolve("warm-up"), null); // class loading and JIT, without latency
      fake.latency(LATENCY);
      long perRequest = LATENCY.toMillis();
      System.out.printf(
          Locale.ROOT,
          "sync: %d users x %d exercises (summary, TCX, GPX), %d ms a request%n",
          USERS,
          EXERCISES,
          perRequest);
      double serial = oneAtATime(fake, tokens, work.resolve("one-at-a-time"));
      for (String concurrency : List.of("1", "4", "16", "default")) {
        Path out = work.resolve("concurrency-" + concurrency);
        long start = System.nanoTime();
        JsonObject json =
            cli(fake, tokens, out, concurrency.equals("default") ? null : concurrency);
        double wall = (System.nanoTime() - start) / 1e9;
        double seconds = json.get("seconds").getAsDouble();
        System.out.printf(
            Locale.ROOT,
            "  --concurrency %-7s sync %.2f s (command %.2f s), %d requests, %.1fx one at a time, %s%n",
            concurrency,
            seconds,
            wall,
            json.get("requests").getAsLong(),
            serial / seconds,
            files(out));
      }
    } finally {
      delete(work);
    }
  }

  /** The engine with one user and one exercise at a time, into the same layout: the baseline. */
  private static double oneAtATime(FakeAccessLink fake, Path tokens, Path out) throws IOException {
    try (AccessLink client = fake.newClient();
        FileStateStore state = FileStateStore.open(out.resolve(".state"))) {
      SyncEngine engine = SyncEngine.builder(
              client, UserSource.fromTokenStore(FileTokenStore.of(tokens)), new FileSystemSink(out))
          .stateStore(state)
          .kinds(Set.of(SyncKind.EXERCISES))
          .exerciseFormats(EnumSet.of(ExerciseFormat.TCX, ExerciseFormat.GPX))
          .userParallelism(1)
          .exercisesPerUser(1)
          .build();
      long start = System.nanoTime();
      SyncReport report = engine.run();
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "  one request at a time   sync %.2f s, %d requests (%d x %d ms = %.1f s of latency), %s%n",
          seconds,
          report.requests(),
          report.requests(),
          LATENCY.toMillis(),
          report.requests() * LATENCY.toMillis() / 1000.0,
          files(out));
      return seconds;
    }
  }

  /** Runs {@code accesslink sync --json} in this JVM and returns its JSON line. */
  private static JsonObject cli(
      FakeAccessLink fake, Path tokens, Path out, @Nullable String concurrency) {
    List<String> args = new ArrayList<>(List.of(
        "sync",
        "--client-id",
        fake.clientId(),
        "--api-url",
        fake.baseUrl(),
        "--token-store",
        tokens.toString(),
        "--out",
        out.toString(),
        "--kinds",
        "exercises",
        "--formats",
        "tcx,gpx",
        "--json"));
    if (concurrency != null) {
      args.add("--concurrency");
      args.add(concurrency);
    }
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    var cmd =
        AccessLinkCli.commandLine(Map.of("ACCESSLINK_CLIENT_SECRET", fake.clientSecret())::get);
    cmd.setOut(new PrintWriter(stdout, true));
    cmd.setErr(new PrintWriter(stderr, true));
    int code = cmd.execute(args.toArray(String[]::new));
    if (code != 0) {
      throw new IllegalStateException("sync exited " + code + ": " + stderr);
    }
    return JsonParser.parseString(stdout.toString().strip()).getAsJsonObject();
  }

  /** What is on disk: the summaries and each format's files, which must be one per exercise. */
  private static String files(Path out) throws IOException {
    long expected = (long) USERS * EXERCISES;
    long json = count(out, ".json");
    long tcx = count(out, ".tcx");
    long gpx = count(out, ".gpx");
    boolean all = json == expected && tcx == expected && gpx == expected;
    return String.format(
        Locale.ROOT,
        "on disk %d .json, %d .tcx, %d .gpx (%s)",
        json,
        tcx,
        gpx,
        all ? "every file" : "MISSING FILES: expected " + expected + " each");
  }

  private static long count(Path dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(suffix))
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> {
            try {
              return Files.size(p) > 0;
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          })
          .count();
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}

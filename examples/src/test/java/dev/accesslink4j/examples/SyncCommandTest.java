package dev.accesslink4j.examples;

import static dev.accesslink4j.examples.DataFiles.assertValidFit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accesslink4j.AccessLink;
import dev.accesslink4j.ClientSecret;
import dev.accesslink4j.oauth.FileTokenStore;
import dev.accesslink4j.testkit.ExerciseIds;
import dev.accesslink4j.testkit.FakeAccessLink;
import dev.accesslink4j.testkit.FakeAccessLinkExtension;
import dev.accesslink4j.testkit.FakeAccessLinkOptions;
import dev.accesslink4j.testkit.FakeUser;
import dev.accesslink4j.testkit.Fault;
import dev.accesslink4j.testkit.Fault.DropPoint;
import dev.accesslink4j.testkit.ReceivedRequest;
import dev.accesslink4j.testkit.Route;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code sync} end to end against the testkit's fake AccessLink, with and without injected faults. */
class SyncCommandTest {
  private static final int DAYS = 10;

  @RegisterExtension
  final FakeAccessLinkExtension accessLink =
      new FakeAccessLinkExtension(FakeAccessLinkOptions.builder()
          .zone(ZoneId.systemDefault())
          .demoUserDays(0)
          .seed(7)
          .build());

  @TempDir
  Path dir;

  private FakeAccessLink fake;
  private FakeUser user;
  private Path tokens;
  private Path out;

  @BeforeEach
  void setUp() {
    fake = accessLink.fake();
    user = fake.addUser("member-1").seedDays(DAYS);
    tokens = dir.resolve("tokens.json");
    link(user, "member-1");
    out = dir.resolve("data");
  }

  private void link(FakeUser who, String key) {
    FileTokenStore.of(tokens).save(key, who.issueToken());
  }

  /** The client secret comes from the environment, as a user would pass it. */
  private Cli.Result sync() {
    return Cli.run(
        Map.of("POLAR_CLIENT_SECRET", fake.clientSecret()),
        "sync",
        "--client-id",
        fake.clientId(),
        "--api-url",
        fake.baseUrl(),
        "--token-store",
        tokens.toString(),
        "--out",
        out.toString(),
        "--days",
        Integer.toString(DAYS));
  }

  private Path userDir(String kind) {
    return out.resolve(Long.toString(user.polarUserId())).resolve(kind);
  }

  @Test
  void syncsEveryKindCommitsEveryTransactionAndARerunWritesNothing() throws Exception {
    Cli.Result first = sync();

    assertThat(first.err()).isEmpty();
    assertThat(first.exitCode()).isZero();
    assertThat(first.lastLine()).matches("synced \\d+ items for 1 users");
    for (ExerciseIds exercise : user.exercises()) {
      Path exercises = userDir("exercises");
      long id = exercise.transactionalId();
      assertThat(DataFiles.json(exercises.resolve(id + ".json"))
              .getAsJsonObject()
              .get("id")
              .getAsLong())
          .isEqualTo(id);
      assertValidFit(exercises.resolve(id + ".fit"));
      assertThat(
              DataFiles.xml(exercises.resolve(id + ".tcx")).getDocumentElement().getLocalName())
          .isEqualTo("TrainingCenterDatabase");
    }
    assertThat(DataFiles.files(userDir("exercises"), ".gpx")).isNotEmpty();
    for (Path gpx : DataFiles.files(userDir("exercises"), ".gpx")) {
      assertThat(DataFiles.xml(gpx).getDocumentElement().getLocalName()).isEqualTo("gpx");
    }
    assertThat(DataFiles.files(userDir("activity-summaries"))).isNotEmpty();
    assertThat(DataFiles.files(userDir("physical-info"))).isNotEmpty();
    for (String kind : List.of(
        "activity",
        "sleep",
        "nightly-recharge",
        "continuous-heart-rate",
        "cardio-load",
        "sleepwise-alertness",
        "sleepwise-circadian-bedtime",
        "body-temperature",
        "skin-temperature",
        "skin-contacts")) {
      assertThat(DataFiles.files(userDir(kind)))
          .as(kind)
          .isNotEmpty()
          .hasSizeLessThanOrEqualTo(DAYS + 1);
    }
    for (Path json : DataFiles.files(out, ".json")) {
      assertThat(DataFiles.json(json).isJsonObject()).as("%s", json).isTrue();
    }
    assertThat(fake.requests(Route.COMMIT_EXERCISE_TRANSACTION)).isNotEmpty();
    assertThat(fake.requests(Route.COMMIT_ACTIVITY_TRANSACTION)).isNotEmpty();
    assertThat(fake.requests(Route.COMMIT_PHYSICAL_INFO_TRANSACTION)).isNotEmpty();
    assertThat(notifications()).isEmpty();
    assertThat(first.out() + first.err()).doesNotContain(fake.clientSecret());

    Map<Path, String> before = DataFiles.snapshot(out);
    int itemReads = fake.requests(Route.GET_TRANSACTION_EXERCISE).size();
    Cli.Result second = sync();

    assertThat(second.exitCode()).isZero();
    assertThat(second.out()).containsPattern(": 0 written, \\d+ unchanged");
    assertThat(DataFiles.snapshot(out)).isEqualTo(before);
    assertThat(fake.requests(Route.GET_TRANSACTION_EXERCISE)).hasSize(itemReads);
    assertThat(second.lastLine()).matches("synced \\d+ items for 1 users");
  }

  @Test
  void faultsLoseNoItemCommitNothingUnwrittenAndARerunFinishesTheJob() throws Exception {
    fake.inject(
        Route.GET_TRANSACTION_EXERCISE, Fault.status(500)); // once: the SDK retries the read
    fake.inject(Route.GET_TRANSACTION_EXERCISE_FIT, Fault.drop(DropPoint.MID_BODY));
    fake.inject(
        Route.GET_TRANSACTION_ACTIVITY, Fault.status(500), 3); // more than the SDK's three attempts
    fake.inject(Route.LIST_SLEEP, Fault.status(429));

    Cli.Result first = sync();

    assertThat(first.exitCode()).isEqualTo(1);
    assertThat(first.err())
        .contains("user " + user.polarUserId() + " exercises: ")
        .contains("user " + user.polarUserId() + " activity-summaries: ")
        .contains("rate limit is spent (HTTP 429)");
    assertThat(first.lastLine()).matches("synced \\d+ items for 1 users");
    // the failed transactions were not committed, and AccessLink still announces their data
    assertThat(fake.requests(Route.COMMIT_EXERCISE_TRANSACTION)).isEmpty();
    assertThat(fake.requests(Route.COMMIT_ACTIVITY_TRANSACTION)).isEmpty();
    assertThat(notifications())
        .containsExactlyInAnyOrder(
            user.polarUserId() + ":EXERCISE", user.polarUserId() + ":ACTIVITY_SUMMARY");
    // the committed transaction's items were on disk before the commit
    List<ReceivedRequest> commits = fake.requests(Route.COMMIT_PHYSICAL_INFO_TRANSACTION);
    assertThat(commits).hasSize(1);
    assertWrittenBefore(
        itemIds(Route.GET_TRANSACTION_PHYSICAL_INFO),
        userDir("physical-info"),
        ".json",
        commits.get(0).receivedAt());
    // the exercise whose FIT download broke off left no file behind, not even a temporary one
    long broken =
        lastSegment(fake.requests(Route.GET_TRANSACTION_EXERCISE_FIT).get(0).path(), 1);
    assertThat(userDir("exercises").resolve(broken + ".fit")).doesNotExist();
    assertThat(userDir("exercises").resolve(broken + ".json")).doesNotExist();
    assertThat(DataFiles.files(out, ".part")).isEmpty();
    // the rate limit stopped the sync: nothing after it was requested
    assertThat(userDir("sleep")).doesNotExist();
    assertThat(fake.requests(Route.LIST_NIGHTLY_RECHARGE)).isEmpty();

    Cli.Result second = sync();

    assertThat(second.err()).isEmpty();
    assertThat(second.exitCode()).isZero();
    assertThat(second.lastLine()).matches("synced \\d+ items for 1 users");
    for (ExerciseIds exercise : user.exercises()) {
      assertValidFit(userDir("exercises").resolve(exercise.transactionalId() + ".fit"));
    }
    List<ReceivedRequest> exerciseCommits = fake.requests(Route.COMMIT_EXERCISE_TRANSACTION);
    assertThat(exerciseCommits).hasSize(1);
    Set<Long> exerciseIds =
        user.exercises().stream().map(ExerciseIds::transactionalId).collect(Collectors.toSet());
    for (String ext : List.of(".json", ".fit", ".tcx")) {
      assertWrittenBefore(
          exerciseIds, userDir("exercises"), ext, exerciseCommits.get(0).receivedAt());
    }
    assertThat(fake.requests(Route.COMMIT_ACTIVITY_TRANSACTION)).hasSize(1);
    assertThat(DataFiles.files(userDir("activity-summaries")))
        .hasSize(itemIds(Route.GET_TRANSACTION_ACTIVITY).size());
    assertThat(notifications()).isEmpty();
    assertThat(DataFiles.files(userDir("sleep"))).isNotEmpty();
    assertThat(DataFiles.files(userDir("spo2")).size()
            + DataFiles.files(userDir("ecg")).size())
        .isPositive();
  }

  @Test
  void aRevokedTokenIsReportedAndTheOtherUsersStillSync() throws Exception {
    FakeUser revoked = fake.addUser("member-2").seedDays(2);
    link(revoked, "member-2");
    revoked.revokeTokens();

    Cli.Result result = sync();

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(
            result.err().lines().filter(l -> l.startsWith("error: user " + revoked.polarUserId())))
        .containsExactly(
            "error: user " + revoked.polarUserId()
                + " exercises: the access token was revoked or has expired (HTTP 401): run 'link' again for this user");
    assertThat(result.lastLine()).matches("synced \\d+ items for 2 users");
    assertThat(DataFiles.files(userDir("sleep"))).isNotEmpty();
    assertThat(out.resolve(Long.toString(revoked.polarUserId()))).doesNotExist();
  }

  @Test
  void aWrongClientSecretIsReportedForTheNotificationsAndUserDataStillSyncs() throws Exception {
    Cli.Result result = Cli.run(
        Map.of("POLAR_CLIENT_SECRET", "wrong-secret-x9"),
        "sync",
        "--client-id",
        fake.clientId(),
        "--api-url",
        fake.baseUrl(),
        "--token-store",
        tokens.toString(),
        "--out",
        out.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err().lines().findFirst())
        .contains("error: notifications: AccessLink refused the client id or secret (HTTP 401)");
    assertThat(result.err()).doesNotContain("wrong-secret-x9");
    assertThat(DataFiles.files(userDir("sleep"))).isNotEmpty();
  }

  @Test
  void usageErrorsExitWithTwo() {
    Cli.Result noSecret = Cli.run("sync", "--client-id", "abc", "--token-store", tokens.toString());
    assertThat(noSecret.exitCode()).isEqualTo(2);
    assertThat(noSecret.err()).startsWith("error: --client-secret is required with --client-id");

    assertThat(Cli.run("sync", "--days", "0").exitCode()).isEqualTo(2);
    assertThat(Cli.run("sync", "--days", "many").exitCode()).isEqualTo(2);
    assertThat(Cli.run("sync", "--api-url", fake.baseUrl()).exitCode()).isEqualTo(2);
    assertThat(Cli.run("sync", "--no-such-option").exitCode()).isEqualTo(2);
    assertThat(Cli.run().exitCode()).isEqualTo(2);
    assertThat(Cli.run("frobnicate").exitCode()).isEqualTo(2);
  }

  @Test
  void anEmptyTokenStoreIsAnErrorWithOneLine() {
    Cli.Result result = Cli.run(
        Map.of("POLAR_CLIENT_ID", fake.clientId(), "POLAR_CLIENT_SECRET", fake.clientSecret()),
        "sync",
        "--api-url",
        fake.baseUrl(),
        "--token-store",
        dir.resolve("none.json").toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err().lines())
        .containsExactly(
            "error: no linked users in " + dir.resolve("none.json") + ": run 'link' first");
  }

  @Test
  void theStackTraceIsPrintedOnlyWithVerbose() throws Exception {
    Map<String, String> env =
        Map.of("POLAR_CLIENT_ID", fake.clientId(), "POLAR_CLIENT_SECRET", fake.clientSecret());
    String store = Files.writeString(dir.resolve("broken.json"), "{ not json").toString();

    Cli.Result quiet = Cli.run(env, "sync", "--api-url", fake.baseUrl(), "--token-store", store);
    Cli.Result verbose =
        Cli.run(env, "sync", "--verbose", "--api-url", fake.baseUrl(), "--token-store", store);

    assertThat(quiet.exitCode()).isEqualTo(1);
    assertThat(quiet.err().lines())
        .containsExactly(
            "error: token store " + store + " is unusable: it is not valid JSON; restore it from a"
                + " backup, or move it away to start with no linked users");
    assertThat(verbose.exitCode()).isEqualTo(1);
    assertThat(verbose.err().lines().findFirst()).contains(quiet.err().strip());
    assertThat(verbose.err()).contains("\tat dev.accesslink4j.");
  }

  @Test
  void helpExitsWithZeroAndNeverShowsTheSecretsFromTheEnvironment() {
    Cli.Result help = Cli.run(
        Map.of(
            "POLAR_CLIENT_SECRET", "env-secret-1234", "POLAR_WEBHOOK_SECRET", "hook-secret-5678"),
        "sync",
        "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("--days=N", "--out=DIR", "--client-id=ID", "POLAR_CLIENT_ID");
    assertThat(help.out()).doesNotContain("env-secret-1234");
    Cli.Result webhookHelp =
        Cli.run(Map.of("POLAR_WEBHOOK_SECRET", "hook-secret-5678"), "webhook", "--help");
    assertThat(webhookHelp.out()).contains("--secret=KEY").doesNotContain("hook-secret-5678");
  }

  /** Every file {@code <id><ext>} exists and was last modified before {@code commit}. */
  private static void assertWrittenBefore(Set<Long> ids, Path folder, String ext, Instant commit)
      throws Exception {
    assertThat(ids).isNotEmpty();
    for (long id : ids) {
      Path file = folder.resolve(id + ext);
      assertThat(file).exists();
      assertThat(Files.getLastModifiedTime(file).toInstant())
          .as("%s", file)
          .isBeforeOrEqualTo(commit);
    }
  }

  /** The item ids (last path segment) of every request to a transaction item route. */
  private Set<Long> itemIds(Route route) {
    Set<Long> ids = new TreeSet<>();
    for (ReceivedRequest request : fake.requests(route)) {
      ids.add(lastSegment(request.path(), 0));
    }
    return ids;
  }

  private static long lastSegment(String path, int fromEnd) {
    String[] segments = path.split("/");
    return Long.parseLong(segments[segments.length - 1 - fromEnd]);
  }

  /** What AccessLink's pull notifications announce, as {@code userId:TYPE}. */
  private Set<String> notifications() {
    try (AccessLink client = AccessLink.builder()
        .clientId(fake.clientId())
        .clientSecret(ClientSecret.of(fake.clientSecret()))
        .apiUrl(URI.create(fake.baseUrl()))
        .build()) {
      Set<String> found = new TreeSet<>();
      client.notifications().list().forEach(n -> found.add(n.getUserId() + ":" + n.getDataType()));
      return found;
    }
  }
}

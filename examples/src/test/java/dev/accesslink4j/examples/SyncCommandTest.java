package dev.accesslink4j.examples;

import static dev.accesslink4j.examples.DataFiles.assertValidFit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accesslink4j.AccessToken;
import dev.accesslink4j.examples.sync.FolderSync;
import dev.accesslink4j.oauth.FileTokenStore;
import dev.accesslink4j.sync.FileStateStore;
import dev.accesslink4j.testkit.ExerciseIds;
import dev.accesslink4j.testkit.FakeAccessLink;
import dev.accesslink4j.testkit.FakeAccessLinkExtension;
import dev.accesslink4j.testkit.FakeAccessLinkOptions;
import dev.accesslink4j.testkit.FakeUser;
import dev.accesslink4j.testkit.Fault;
import dev.accesslink4j.testkit.Fault.DropPoint;
import dev.accesslink4j.testkit.ReceivedRequest;
import dev.accesslink4j.testkit.Route;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code sync} end to end on the sync engine against the testkit's fake AccessLink, with and without faults. */
class SyncCommandTest {
  private static final int DAYS = 10;
  /** Every kind's folder but exercises and physical-info, which the seeded days fill. */
  static final List<String> DAILY = List.of(
      "activity",
      "sleep",
      "nightly-recharge",
      "continuous-heart-rate",
      "cardio-load",
      "sleepwise-alertness",
      "sleepwise-circadian-bedtime",
      "body-temperature",
      "skin-temperature",
      "skin-contacts");
  /** The number of kinds: a rerun with nothing new costs one request per kind. */
  private static final int KINDS = 14;

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
  Cli.Result sync(String... more) {
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
        "--days",
        Integer.toString(DAYS)));
    args.addAll(List.of(more));
    return Cli.run(Map.of("POLAR_CLIENT_SECRET", fake.clientSecret()), args.toArray(String[]::new));
  }

  private Path userDir(String kind) {
    return userDir(user, kind);
  }

  private Path userDir(FakeUser who, String kind) {
    return out.resolve(Long.toString(who.polarUserId())).resolve(kind);
  }

  @Test
  void syncsEveryKindAndARerunCostsOneRequestPerKindAndWritesNothing() throws Exception {
    Cli.Result first = sync();

    assertThat(first.err()).isEmpty();
    assertThat(first.exitCode()).isZero();
    assertThat(first.lastLine()).matches("synced \\d+ items for 1 users");
    assertThat(user.exercises()).isNotEmpty();
    for (ExerciseIds exercise : user.exercises()) {
      Path exercises = userDir("exercises");
      String id = exercise.hashedId();
      assertThat(DataFiles.json(exercises.resolve(id + ".json"))
              .getAsJsonObject()
              .get("id")
              .getAsString())
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
    assertThat(userDir("physical-info").resolve("current.json")).isRegularFile();
    for (String kind : DAILY) {
      assertThat(DataFiles.files(userDir(kind)))
          .as(kind)
          .isNotEmpty()
          .hasSizeLessThanOrEqualTo(DAYS + 1);
    }
    for (Path json : DataFiles.files(out, ".json")) {
      assertThat(DataFiles.json(json).isJsonObject()).as("%s", json).isTrue();
    }
    // the non-transactional API: one list, one request per exercise and format; no transaction
    assertThat(fake.requests(Route.LIST_EXERCISES)).hasSize(1);
    assertThat(fake.requests(Route.GET_EXERCISE_FIT)).hasSize(user.exercises().size());
    assertThat(fake.requests(Route.GET_EXERCISE_TCX)).hasSize(user.exercises().size());
    assertThat(fake.requests(Route.GET_EXERCISE)).isEmpty();
    assertThat(fake.requests(Route.CREATE_EXERCISE_TRANSACTION)).isEmpty();
    assertThat(fake.requests(Route.LIST_NOTIFICATIONS)).hasSize(1);
    assertThat(out.resolve(FolderSync.STATE_FILE)).isRegularFile();
    // plain progress: one line per kind of the user, nothing redrawn in place
    for (String kind : DAILY) {
      assertThat(first.outLines())
          .anyMatch(l -> l.matches("user " + user.polarUserId() + " " + kind + ": \\d+ items?"));
    }
    int files = DataFiles.files(userDir("exercises"), ".fit").size()
        + DataFiles.files(userDir("exercises"), ".tcx").size()
        + DataFiles.files(userDir("exercises"), ".gpx").size();
    assertThat(first.outLines())
        .contains(
            "user " + user.polarUserId() + " exercises: " + user.exercises().size()
                + (user.exercises().size() == 1 ? " item, " : " items, ") + files + " files");
    assertThat(first.out()).doesNotContain("\r").doesNotContain(fake.clientSecret());

    Map<Path, String> before = unchangeable(DataFiles.snapshot(out));
    fake.clearRequests();
    Cli.Result second = sync();

    assertThat(second.err()).isEmpty();
    assertThat(second.exitCode()).isZero();
    assertThat(second.out()).containsPattern("files in .*: \\d+ written, 0 unchanged");
    assertThat(second.lastLine()).matches("synced \\d+ items for 1 users");
    assertThat(unchangeable(DataFiles.snapshot(out))).isEqualTo(before);
    assertThat(fake.requests()).hasSize(1 + KINDS); // the notifications, then one per kind
    assertThat(fake.requests(Route.GET_EXERCISE_FIT)).isEmpty();
  }

  @Test
  void kindsAndFormatsChooseWhatIsRequested() throws Exception {
    Cli.Result result =
        sync("--kinds", "exercises,sleep", "--formats", "fit", "--concurrency", "1");

    assertThat(result.err()).isEmpty();
    assertThat(result.exitCode()).isZero();
    assertThat(fake.requests().stream()
            .map(r -> r.route().map(Route::name).orElse(r.path()))
            .distinct())
        .containsExactlyInAnyOrder(
            "LIST_NOTIFICATIONS", "LIST_EXERCISES", "GET_EXERCISE_FIT", "LIST_SLEEP");
    assertThat(DataFiles.files(userDir("exercises"), ".fit"))
        .hasSize(user.exercises().size());
    assertThat(DataFiles.files(userDir("exercises"), ".tcx")).isEmpty();
    assertThat(DataFiles.files(userDir("exercises"), ".gpx")).isEmpty();
    assertThat(out.resolve(Long.toString(user.polarUserId())))
        .isDirectoryContaining(p -> p.getFileName().toString().equals("sleep"))
        .isDirectoryNotContaining(p -> p.getFileName().toString().equals("activity"));

    fake.clearRequests();
    Cli.Result summaries = sync("--kinds", "exercises", "--formats", "none");
    assertThat(summaries.exitCode()).isZero();
    assertThat(fake.requests(Route.LIST_EXERCISES)).hasSize(1);
    assertThat(fake.requests()).hasSize(2); // the notifications and the list
  }

  @Test
  void concurrencyIsHowManyUsersAreSyncedAtOnce() throws Exception {
    Map<String, Long> byToken = new HashMap<>();
    AccessToken first = user.issueToken();
    FileTokenStore.of(tokens).save("member-1", first);
    byToken.put(first.reveal(), user.polarUserId());
    for (int i = 2; i <= 3; i++) {
      FakeUser other = fake.addUser("member-" + i);
      other.addExercise();
      AccessToken token = other.issueToken();
      FileTokenStore.of(tokens).save("member-" + i, token);
      byToken.put(token.reveal(), other.polarUserId());
    }
    fake.latency(Duration.ofMillis(100));

    assertThat(sync("--kinds", "exercises", "--concurrency", "1").exitCode()).isZero();
    List<Long> one = users(byToken);
    assertThat(one).hasSizeGreaterThan(3);
    // one user at a time: each user's requests arrive together, one user after the other
    assertThat(new ArrayList<>(new LinkedHashSet<>(one))).hasSize(3);
    assertThat(runs(one)).isEqualTo(3);

    fake.clearRequests();
    Files.delete(out.resolve(FolderSync.STATE_FILE));
    assertThat(sync("--kinds", "exercises", "--concurrency", "3").exitCode()).isZero();
    // three at once: the three users' lists are the first three requests
    assertThat(users(byToken).subList(0, 3)).containsExactlyInAnyOrderElementsOf(byToken.values());
  }

  /** The users of the fake's requests with a user token, in arrival order. */
  private List<Long> users(Map<String, Long> byToken) {
    List<Long> users = new ArrayList<>();
    for (ReceivedRequest r : fake.requests()) {
      r.header("Authorization")
          .map(h -> byToken.get(h.replaceFirst("(?i)^Bearer ", "")))
          .ifPresent(users::add);
    }
    return users;
  }

  /** How many runs of equal neighbours a list has. */
  private static int runs(List<Long> list) {
    int runs = 0;
    for (int i = 0; i < list.size(); i++) {
      if (i == 0 || !list.get(i).equals(list.get(i - 1))) {
        runs++;
      }
    }
    return runs;
  }

  @Test
  void faultsLoseNoItemAndARerunFinishesTheJob() throws Exception {
    fake.inject(Route.GET_EXERCISE_FIT, Fault.drop(DropPoint.MID_BODY));
    fake.inject(Route.LIST_SLEEP, Fault.status(500), 3); // more than the SDK's three attempts

    Cli.Result first = sync();

    assertThat(first.exitCode()).isEqualTo(1);
    assertThat(first.err().lines())
        .anyMatch(l -> l.startsWith("error: user " + user.polarUserId() + " exercises: "))
        .anyMatch(l -> l.startsWith("error: user " + user.polarUserId() + " sleep: "))
        .contains(
            "error: 2 kinds of 1 user(s) failed; run sync again to finish (what was not synced"
                + " is read again)");
    assertThat(first.lastLine()).matches("synced \\d+ items for 1 users");
    // the exercise whose FIT download broke off left no file behind, not even a temporary one
    String broken = segment(fake.requests(Route.GET_EXERCISE_FIT).get(0), 1);
    assertThat(userDir("exercises").resolve(broken + ".fit")).doesNotExist();
    assertThat(userDir("exercises").resolve(broken + ".json")).doesNotExist();
    assertThat(DataFiles.files(out, ".tmp")).isEmpty();
    // a failing kind does not stop the others
    assertThat(userDir("sleep")).doesNotExist();
    assertThat(DataFiles.files(userDir("nightly-recharge"))).isNotEmpty();

    fake.clearRequests();
    Cli.Result second = sync();

    assertThat(second.err()).isEmpty();
    assertThat(second.exitCode()).isZero();
    for (ExerciseIds exercise : user.exercises()) {
      assertValidFit(userDir("exercises").resolve(exercise.hashedId() + ".fit"));
      assertThat(userDir("exercises").resolve(exercise.hashedId() + ".json")).exists();
    }
    // only the exercise that failed is downloaded again
    assertThat(fake.requests(Route.GET_EXERCISE_FIT))
        .extracting(r -> segment(r, 1))
        .containsExactly(broken);
    assertThat(DataFiles.files(userDir("sleep"))).isNotEmpty();
  }

  @Test
  void aRevokedTokenIsReportedTheOtherUsersStillSyncAndTheNextRunSkipsIt() throws Exception {
    FakeUser revoked = fake.addUser("member-2").seedDays(2);
    link(revoked, "member-2");
    revoked.revokeTokens();

    Cli.Result result = sync();

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(
            result.err().lines().filter(l -> l.startsWith("error: user " + revoked.polarUserId())))
        .containsExactly("error: user " + revoked.polarUserId()
            + " exercises: the access token was revoked or has expired (HTTP 401): run 'link' again"
            + " for this user");
    assertThat(result.lastLine()).matches("synced \\d+ items for 2 users");
    assertThat(DataFiles.files(userDir("sleep"))).isNotEmpty();
    assertThat(out.resolve(Long.toString(revoked.polarUserId()))).doesNotExist();

    fake.clearRequests();
    Cli.Result again = sync("--kinds", "sleep");

    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err().lines())
        .containsExactly("error: user " + revoked.polarUserId() + " skipped: its token was refused"
            + " (HTTP 401) in an earlier run and has not changed; run 'link' again for this user");
    assertThat(fake.requests(Route.LIST_SLEEP)).hasSize(1); // the good user's only
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
    assertThat(result.err().lines())
        .containsExactly(
            "error: notifications: AccessLink refused the client id or secret (HTTP 401)");
    assertThat(result.err()).doesNotContain("wrong-secret-x9");
    assertThat(DataFiles.files(userDir("sleep"))).isNotEmpty();
  }

  @Test
  void aUserWithNewDataButNoTokenIsNamed() {
    FakeUser stranger = fake.addUser("member-3");
    stranger.addExercise();

    Cli.Result result = sync("--kinds", "sleep");

    assertThat(result.exitCode()).isZero();
    assertThat(result.outLines())
        .contains("notifications: new data for 2 users")
        .contains("user " + stranger.polarUserId() + " has new EXERCISE data but no token in the"
            + " token store: link the user to sync it");
  }

  @Test
  void aSecondSyncIntoTheSameFolderFailsAtOnceNamingTheStateFile() {
    try (FileStateStore held = FileStateStore.open(out.resolve(FolderSync.STATE_FILE))) {
      Cli.Result result = sync();

      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.err().lines()).hasSize(1);
      assertThat(result.err()).startsWith("error: ").contains(held.file().toString());
      assertThat(fake.requests(Route.LIST_EXERCISES)).isEmpty();
    }
  }

  @Test
  void usageErrorsExitWithTwo() {
    Cli.Result noSecret = Cli.run("sync", "--client-id", "abc", "--token-store", tokens.toString());
    assertThat(noSecret.exitCode()).isEqualTo(2);
    assertThat(noSecret.err()).startsWith("error: --client-secret is required with --client-id");

    Cli.Result kind = sync("--kinds", "exercises,naps");
    assertThat(kind.exitCode()).isEqualTo(2);
    assertThat(kind.err().lines().findFirst())
        .contains("error: --kinds: unknown kind 'naps'; the kinds are: exercises, activity, sleep,"
            + " nightly-recharge, continuous-heart-rate, cardio-load, sleepwise-alertness,"
            + " sleepwise-circadian-bedtime, body-temperature, skin-temperature, skin-contacts, ecg,"
            + " spo2, physical-info");
    Cli.Result format = sync("--formats", "fit,pdf");
    assertThat(format.exitCode()).isEqualTo(2);
    assertThat(format.err().lines().findFirst())
        .contains(
            "error: --formats: unknown format 'pdf'; the formats are: fit, tcx, gpx (or none)");
    assertThat(sync("--concurrency", "0").exitCode()).isEqualTo(2);
    assertThat(sync("--concurrency", "257").exitCode()).isEqualTo(2);
    assertThat(fake.requests()).isEmpty();

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
  void helpNamesTheOptionsTheStateFileAndTheExitCodesAndNeverShowsTheSecrets() {
    Cli.Result help = Cli.run(
        Map.of(
            "POLAR_CLIENT_SECRET", "env-secret-1234", "POLAR_WEBHOOK_SECRET", "hook-secret-5678"),
        "sync",
        "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out())
        .contains("--days=N", "--out=DIR", "--client-id=ID", "POLAR_CLIENT_ID")
        .contains("--kinds=LIST", "--formats=LIST", "--concurrency=N", "--json", "--transactions")
        .contains("DIR/" + FolderSync.STATE_FILE)
        .contains("one request")
        .contains("75 stopped by AccessLink's");
    assertThat(help.out()).doesNotContain("env-secret-1234");
    Cli.Result webhookHelp =
        Cli.run(Map.of("POLAR_WEBHOOK_SECRET", "hook-secret-5678"), "webhook", "--help");
    assertThat(webhookHelp.out()).contains("--secret=KEY").doesNotContain("hook-secret-5678");
  }

  /**
   * The files a rerun must leave alone: all but the state file. SleepWise periods are named by their start time, so
   * the rerun's shorter range (which lists fewer bedtimes than the first run's) names each one as before.
   */
  private static Map<Path, String> unchangeable(Map<Path, String> snapshot) {
    snapshot.keySet().removeIf(p -> p.equals(Path.of(FolderSync.STATE_FILE)));
    return snapshot;
  }

  /** The exercise id of a request for one of its files ({@code /v3/exercises/<id>/fit}). */
  static String exerciseOf(ReceivedRequest request) {
    return segment(request, 1);
  }

  /** A path segment of a request, counted from the end (0: the last). */
  static String segment(ReceivedRequest request, int fromEnd) {
    String[] segments = request.path().split("/");
    return segments[segments.length - 1 - fromEnd];
  }
}

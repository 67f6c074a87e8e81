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
import dev.accesslink4j.testkit.Route;
import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sync --transactions}: exercises, activity and physical information from the deprecated transactional API,
 * each transaction committed only after its items are on disk, in the same layout as without the option.
 */
class SyncTransactionsTest {
  @RegisterExtension
  final FakeAccessLinkExtension accessLink =
      new FakeAccessLinkExtension(FakeAccessLinkOptions.builder()
          .zone(ZoneId.systemDefault())
          .demoUserDays(0)
          .seed(13)
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
    user = fake.addUser("member-1").seedDays(3);
    user.addExercise();
    tokens = dir.resolve("tokens.json");
    FileTokenStore.of(tokens).save("member-1", user.issueToken());
    out = dir.resolve("data");
  }

  private Cli.Result sync() {
    return Cli.run(
        Map.of("ACCESSLINK_CLIENT_SECRET", fake.clientSecret()),
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
        "3",
        "--kinds",
        "exercises,activity,physical-info,sleep",
        "--transactions");
  }

  private Path exercises() {
    return out.resolve(Long.toString(user.polarUserId())).resolve("exercises");
  }

  @Test
  void theTransactionalKindsComeFromCommittedTransactionsInTheSameLayout() throws Exception {
    Cli.Result result = sync();

    assertThat(result.err()).isEmpty();
    assertThat(result.exitCode()).isZero();
    assertThat(fake.requests(Route.COMMIT_EXERCISE_TRANSACTION)).hasSize(1);
    assertThat(fake.requests(Route.COMMIT_ACTIVITY_TRANSACTION)).hasSize(1);
    assertThat(fake.requests(Route.GET_EXERCISE_FIT)).isEmpty(); // not the non-transactional files
    assertThat(fake.requests(Route.LIST_ACTIVITIES)).isEmpty();
    assertThat(fake.requests(Route.LIST_SLEEP)).hasSize(1); // sleep has no transactions
    for (ExerciseIds exercise : user.exercises()) {
      assertValidFit(exercises().resolve(exercise.hashedId() + ".fit"));
      assertThat(exercises().resolve(exercise.hashedId() + ".json")).exists();
    }
    assertThat(DataFiles.files(out.resolve(Long.toString(user.polarUserId())).resolve("activity")))
        .isNotEmpty();
    assertThat(notifications()).doesNotContain(user.polarUserId() + ":EXERCISE");
  }

  @Test
  void aFileCutShortLeavesItsTransactionUncommittedAndTheRerunCommits() throws Exception {
    fake.inject(Route.GET_TRANSACTION_EXERCISE_FIT, Fault.truncate());

    Cli.Result first = sync();

    assertThat(first.exitCode()).isEqualTo(1);
    assertThat(first.err())
        .contains("error: user " + user.polarUserId() + " exercises: ")
        .contains("with a damaged FIT file");
    assertThat(fake.requests(Route.COMMIT_EXERCISE_TRANSACTION)).isEmpty();
    assertThat(notifications()).contains(user.polarUserId() + ":EXERCISE"); // Polar offers it again
    assertThat(DataFiles.files(out, ".tmp")).isEmpty();

    Cli.Result second = sync();

    assertThat(second.err()).isEmpty();
    assertThat(second.exitCode()).isZero();
    assertThat(fake.requests(Route.COMMIT_EXERCISE_TRANSACTION)).hasSize(1);
    for (ExerciseIds exercise : user.exercises()) {
      assertValidFit(exercises().resolve(exercise.hashedId() + ".fit"));
    }
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

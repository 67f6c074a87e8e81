package dev.accesslink4j.examples;

import static dev.accesslink4j.examples.DataFiles.assertValidFit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accesslink4j.AccessLink;
import dev.accesslink4j.ClientSecret;
import dev.accesslink4j.oauth.FileTokenStore;
import dev.accesslink4j.testkit.ExerciseIds;
import dev.accesslink4j.testkit.ExerciseSpec;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code sync} never commits an exercise whose file arrived cut short or corrupted as a complete HTTP message (the
 * SDK verifies every download before the handler returns), and the rerun fetches the file whole and commits.
 */
class VerifiedDownloadsSyncTest {
  @RegisterExtension
  final FakeAccessLinkExtension accessLink =
      new FakeAccessLinkExtension(FakeAccessLinkOptions.builder()
          .zone(ZoneId.systemDefault())
          .demoUserDays(0)
          .seed(11)
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
    user = fake.addUser("member-1");
    // Every session has a route, so the first GPX request of the sync carries a file to cut.
    for (ExerciseSpec.Sport sport : new ExerciseSpec.Sport[] {
      ExerciseSpec.Sport.RUNNING, ExerciseSpec.Sport.ROAD_BIKING, ExerciseSpec.Sport.WALKING
    }) {
      user.addExercise(
          ExerciseSpec.builder().sport(sport).heartRate(true).route(true).build());
    }
    tokens = dir.resolve("tokens.json");
    FileTokenStore.of(tokens).save("member-1", user.issueToken());
    out = dir.resolve("data");
  }

  /** The file kinds, the route that serves each inside a transaction, and how the SDK names the defect. */
  enum Kind {
    FIT(Route.GET_TRANSACTION_EXERCISE_FIT, "with a damaged FIT file: FIT data size "),
    TCX(
        Route.GET_TRANSACTION_EXERCISE_TCX,
        "with a damaged TCX file: the TCX gzip stream is cut short"),
    GPX(Route.GET_TRANSACTION_EXERCISE_GPX, "with a damaged GPX file: GPX is not well-formed XML");

    final Route route;
    final String defect;

    Kind(Route route, String defect) {
      this.route = route;
      this.defect = defect;
    }

    String extension() {
      return "." + name().toLowerCase();
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aFileCutShortIsNotCommittedAndTheRerunFetchesItWhole(Kind kind) throws Exception {
    fake.inject(
        kind.route,
        Fault.truncate()); // a complete HTTP message whose content is the first half of the file

    Cli.Result first = sync(fake.baseUrl());

    assertThat(first.exitCode()).isEqualTo(1);
    assertThat(first.err())
        .contains("user " + user.polarUserId() + " exercises: ")
        .contains(kind.defect);
    assertNothingCommittedAndTheCutFileAbsent(kind, cutItem(kind));

    Cli.Result second = sync(fake.baseUrl());

    assertEverythingSyncedAndCommitted(second);
  }

  @Test
  void aFitFileWithAWrongCrcIsNotCommittedAndTheRerunFetchesItWhole() throws Exception {
    // One byte flipped in the middle of the first FIT file, its length kept: only its CRC can tell.
    fake.inject(Route.GET_TRANSACTION_EXERCISE_FIT, Fault.corrupt());

    Cli.Result first = sync(fake.baseUrl());

    assertThat(first.exitCode()).isEqualTo(1);
    assertThat(first.err())
        .contains("with a damaged FIT file: FIT file CRC 0x")
        .contains(" computed");
    assertNothingCommittedAndTheCutFileAbsent(Kind.FIT, cutItem(Kind.FIT));

    Cli.Result second = sync(fake.baseUrl());

    assertEverythingSyncedAndCommitted(second);
  }

  private void assertNothingCommittedAndTheCutFileAbsent(Kind kind, long item) throws Exception {
    assertThat(fake.requests(Route.COMMIT_EXERCISE_TRANSACTION)).isEmpty();
    assertThat(notifications())
        .contains(user.polarUserId() + ":EXERCISE"); // AccessLink still has them
    assertThat(exercises().resolve(item + kind.extension())).doesNotExist();
    assertThat(exercises().resolve(item + ".json"))
        .doesNotExist(); // the summary marks a complete exercise
    assertThat(DataFiles.files(out, ".part")).isEmpty();
  }

  private void assertEverythingSyncedAndCommitted(Cli.Result second) throws Exception {
    assertThat(second.err()).isEmpty();
    assertThat(second.exitCode()).isZero();
    for (ExerciseIds exercise : user.exercises()) {
      long id = exercise.transactionalId();
      assertValidFit(exercises().resolve(id + ".fit"));
      assertThat(DataFiles.xml(exercises().resolve(id + ".tcx"))
              .getDocumentElement()
              .getLocalName())
          .isEqualTo("TrainingCenterDatabase");
      assertThat(DataFiles.xml(exercises().resolve(id + ".gpx"))
              .getDocumentElement()
              .getLocalName())
          .isEqualTo("gpx");
      assertThat(exercises().resolve(id + ".json")).exists();
    }
    assertThat(fake.requests(Route.COMMIT_EXERCISE_TRANSACTION)).hasSize(1);
    assertThat(notifications()).isEmpty();
    assertThat(DataFiles.files(out, ".part")).isEmpty();
  }

  /** The exercise id of the first request to the kind's route: the one whose file was damaged. */
  private long cutItem(Kind kind) {
    String[] segments = fake.requests(kind.route).get(0).path().split("/");
    return Long.parseLong(segments[segments.length - 2]);
  }

  private Path exercises() {
    return out.resolve(Long.toString(user.polarUserId())).resolve("exercises");
  }

  private Cli.Result sync(String apiUrl) {
    return Cli.run(
        Map.of("POLAR_CLIENT_SECRET", fake.clientSecret()),
        "sync",
        "--client-id",
        fake.clientId(),
        "--api-url",
        apiUrl,
        "--token-store",
        tokens.toString(),
        "--out",
        out.toString(),
        "--days",
        "2");
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

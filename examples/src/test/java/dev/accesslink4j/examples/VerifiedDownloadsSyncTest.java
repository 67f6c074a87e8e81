package dev.accesslink4j.examples;

import static dev.accesslink4j.examples.DataFiles.assertValidFit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accesslink4j.oauth.FileTokenStore;
import dev.accesslink4j.testkit.ExerciseIds;
import dev.accesslink4j.testkit.ExerciseSpec;
import dev.accesslink4j.testkit.FakeAccessLink;
import dev.accesslink4j.testkit.FakeAccessLinkExtension;
import dev.accesslink4j.testkit.FakeAccessLinkOptions;
import dev.accesslink4j.testkit.FakeUser;
import dev.accesslink4j.testkit.Fault;
import dev.accesslink4j.testkit.Route;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code sync} never records an exercise whose file arrived cut short or corrupted as a complete HTTP message (the
 * SDK verifies every download while it streams, and the sink moves nothing into place that failed), and the rerun
 * fetches that exercise's file whole, and only that one.
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

  /** The file kinds, the route that serves each, and how the SDK names the defect. */
  enum Kind {
    FIT(Route.GET_EXERCISE_FIT, "with a damaged FIT file: FIT data size "),
    TCX(Route.GET_EXERCISE_TCX, "with a damaged TCX file: TCX is not well-formed XML"),
    GPX(Route.GET_EXERCISE_GPX, "with a damaged GPX file: GPX is not well-formed XML");

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
  void aFileCutShortIsNotRecordedAndTheRerunFetchesItWhole(Kind kind) throws Exception {
    fake.inject(
        kind.route,
        Fault.truncate()); // a complete HTTP message whose content is the first half of the file

    Cli.Result first = sync(fake.baseUrl());

    assertThat(first.exitCode()).isEqualTo(1);
    assertThat(first.err())
        .contains("user " + user.polarUserId() + " exercises: ")
        .contains(kind.defect);
    String cut = cutItem(kind);
    assertTheCutFileAbsent(kind, cut);

    fake.clearRequests();
    Cli.Result second = sync(fake.baseUrl());

    assertEverythingSynced(second);
    assertThat(fake.requests(kind.route))
        .extracting(SyncCommandTest::exerciseOf)
        .containsExactly(cut);
  }

  @Test
  void aFitFileWithAWrongCrcIsNotRecordedAndTheRerunFetchesItWhole() throws Exception {
    // One byte flipped in the middle of the first FIT file, its length kept: only its CRC can tell.
    fake.inject(Route.GET_EXERCISE_FIT, Fault.corrupt());

    Cli.Result first = sync(fake.baseUrl());

    assertThat(first.exitCode()).isEqualTo(1);
    assertThat(first.err())
        .contains("with a damaged FIT file: FIT file CRC 0x")
        .contains(" computed");
    String cut = cutItem(Kind.FIT);
    assertTheCutFileAbsent(Kind.FIT, cut);

    fake.clearRequests();
    Cli.Result second = sync(fake.baseUrl());

    assertEverythingSynced(second);
    assertThat(fake.requests(Route.GET_EXERCISE_FIT))
        .extracting(SyncCommandTest::exerciseOf)
        .containsExactly(cut);
  }

  private void assertTheCutFileAbsent(Kind kind, String item) throws Exception {
    assertThat(exercises().resolve(item + kind.extension())).doesNotExist();
    assertThat(exercises().resolve(item + ".json"))
        .doesNotExist(); // the summary comes after the files: it marks a complete exercise
    assertThat(DataFiles.files(out, ".tmp")).isEmpty();
  }

  private void assertEverythingSynced(Cli.Result second) throws Exception {
    assertThat(second.err()).isEmpty();
    assertThat(second.exitCode()).isZero();
    for (ExerciseIds exercise : user.exercises()) {
      String id = exercise.hashedId();
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
    assertThat(DataFiles.files(out, ".tmp")).isEmpty();
  }

  /** The exercise id of the first request to the kind's route: the one whose file was damaged. */
  private String cutItem(Kind kind) {
    return SyncCommandTest.exerciseOf(fake.requests(kind.route).get(0));
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
        "2",
        "--kinds",
        "exercises");
  }
}

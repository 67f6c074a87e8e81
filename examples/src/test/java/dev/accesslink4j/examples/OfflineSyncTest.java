package dev.accesslink4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.accesslink4j.examples.offline.OfflineDemo;
import dev.accesslink4j.examples.sync.FolderSync;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sync} without client credentials: the embedded fake, the demo user linked through the OAuth redirects, a
 * temporary token store, and real FIT, TCX, GPX and JSON files in the output folder.
 */
class OfflineSyncTest {
  private static final String DEMO_USER = "2278512";

  @TempDir
  Path dir;

  private String home;

  @BeforeEach
  void isolateHome() {
    home = System.getProperty("user.home");
    System.setProperty("user.home", dir.resolve("home").toString());
  }

  @AfterEach
  void restoreHome() {
    System.setProperty("user.home", home);
  }

  @Test
  void syncsTheDemoUserOfflineAndARerunWritesNothing() throws Exception {
    Path out = dir.resolve("accesslink-data");

    Cli.Result first = Cli.run(Map.of(), "sync", "--out", out.toString());

    assertThat(first.err()).isEmpty();
    assertThat(first.exitCode()).isZero();
    assertThat(first.outLines().get(0)).startsWith("No client credentials");
    assertThat(first.out())
        .contains("linked Polar user " + DEMO_USER + ", registered as " + OfflineDemo.DEMO_MEMBER_ID
            + " through the OAuth redirect flow");
    assertThat(first.lastLine()).matches("synced \\d+ items for 1 users");
    Path user = out.resolve(DEMO_USER);
    List<Path> fits = DataFiles.files(user.resolve("exercises"), ".fit");
    assertThat(fits).isNotEmpty();
    for (Path fit : fits) {
      DataFiles.assertValidFit(fit);
    }
    for (Path tcx : DataFiles.files(user.resolve("exercises"), ".tcx")) {
      assertThat(DataFiles.xml(tcx).getDocumentElement().getLocalName())
          .isEqualTo("TrainingCenterDatabase");
    }
    for (String kind : List.of(
        "exercises",
        "physical-info",
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
      assertThat(DataFiles.files(user.resolve(kind), ".json")).as(kind).isNotEmpty();
    }
    for (Path json : DataFiles.files(out, ".json")) {
      assertThat(DataFiles.json(json).isJsonObject()).as("%s", json).isTrue();
    }
    assertThat(dir.resolve("home")).doesNotExist(); // the user's home is not touched

    Map<Path, String> exercises = DataFiles.snapshot(user.resolve("exercises"));
    Cli.Result second = Cli.run(Map.of(), "sync", "--out", out.toString());

    assertThat(second.exitCode()).isZero();
    assertThat(second.err()).isEmpty();
    assertThat(second.out()).containsPattern(": \\d+ written, 0 unchanged");
    assertThat(second.lastLine()).matches("synced \\d+ items for 1 users");
    assertThat(out.resolve(FolderSync.STATE_FILE)).isRegularFile();
    // the state says what was delivered: no exercise is downloaded or written again
    assertThat(DataFiles.snapshot(user.resolve("exercises"))).isEqualTo(exercises);
    assertThat(second.outLines()).contains("user " + DEMO_USER + " exercises: 0 items, 0 files");
  }

  @Test
  void withJsonTheDemosLinesGoToStandardErrorAndStandardOutputIsOneLine() throws Exception {
    Cli.Result result = Cli.run(
        Map.of(),
        "sync",
        "--json",
        "--kinds",
        "exercises,sleep",
        "--out",
        dir.resolve("d").toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.outLines()).hasSize(1);
    JsonObject json = JsonParser.parseString(result.outLines().get(0)).getAsJsonObject();
    assertThat(json.get("users").getAsInt()).isEqualTo(1);
    assertThat(json.get("files").getAsLong())
        .isEqualTo(DataFiles.files(dir.resolve("d"), ".fit").size()
            + DataFiles.files(dir.resolve("d"), ".tcx").size()
            + DataFiles.files(dir.resolve("d"), ".gpx").size())
        .isPositive();
    assertThat(result.err().lines().findFirst())
        .hasValueSatisfying(l -> assertThat(l).startsWith("No client credentials"));
    assertThat(result.err()).contains("user " + DEMO_USER + " exercises: ");
  }
}

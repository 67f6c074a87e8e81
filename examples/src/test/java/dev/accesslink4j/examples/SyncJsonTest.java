package dev.accesslink4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.accesslink4j.oauth.FileTokenStore;
import dev.accesslink4j.testkit.FakeAccessLink;
import dev.accesslink4j.testkit.FakeAccessLinkExtension;
import dev.accesslink4j.testkit.FakeAccessLinkOptions;
import dev.accesslink4j.testkit.FakeUser;
import dev.accesslink4j.testkit.Fault;
import dev.accesslink4j.testkit.Route;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sync --json}: exactly one parseable line on standard output with the run's figures, progress on standard
 * error, and the exit codes (0, 1, and 75 when the rate limit's daily window stops the run).
 */
class SyncJsonTest {
  @RegisterExtension
  final FakeAccessLinkExtension accessLink =
      new FakeAccessLinkExtension(FakeAccessLinkOptions.builder()
          .zone(ZoneId.systemDefault())
          .demoUserDays(0)
          .seed(5)
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
    tokens = dir.resolve("tokens.json");
    FileTokenStore.of(tokens).save("member-1", user.issueToken());
    out = dir.resolve("data");
  }

  private Cli.Result sync(String... more) {
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
        "3",
        "--json"));
    args.addAll(List.of(more));
    return Cli.run(
        Map.of("ACCESSLINK_CLIENT_SECRET", fake.clientSecret()), args.toArray(String[]::new));
  }

  /** Standard output is one line, and that line is a JSON object. */
  private static JsonObject theOnlyLine(Cli.Result result) {
    assertThat(result.outLines()).hasSize(1);
    assertThat(result.out()).endsWith("\n");
    return JsonParser.parseString(result.outLines().get(0)).getAsJsonObject();
  }

  @Test
  void theOnlyLineOnStandardOutputIsTheSummaryAndItsFiguresMatchTheDiskAndTheFake()
      throws Exception {
    Cli.Result result = sync();

    assertThat(result.exitCode()).isZero();
    JsonObject json = theOnlyLine(result);
    List<Path> files = new ArrayList<>();
    for (String ext : List.of(".fit", ".tcx", ".gpx")) {
      files.addAll(DataFiles.files(out, ext));
    }
    long bytes = 0;
    for (Path file : files) {
      bytes += Files.size(file);
    }
    assertThat(json.get("users").getAsInt()).isEqualTo(1);
    assertThat(json.get("items").getAsLong())
        .isEqualTo(DataFiles.files(out, ".json").size());
    assertThat(json.get("files").getAsLong()).isEqualTo(files.size()).isPositive();
    assertThat(json.get("bytes").getAsLong()).isEqualTo(bytes);
    // every request but the notifications' is the engine's
    assertThat(json.get("requests").getAsLong()).isEqualTo(fake.requests().size() - 1);
    assertThat(json.get("rateLimitWaits").getAsLong()).isZero();
    assertThat(json.getAsJsonObject("failures").get("count").getAsInt()).isZero();
    assertThat(json.getAsJsonObject("failures").getAsJsonArray("list")).isEmpty();
    assertThat(json.getAsJsonArray("reLink")).isEmpty();
    assertThat(json.getAsJsonArray("consentRequired")).isEmpty();
    assertThat(json.getAsJsonArray("busy")).isEmpty();
    assertThat(json.get("stoppedUntil").isJsonNull()).isTrue();
    assertThat(json.get("seconds").getAsDouble()).isPositive();
    assertThat(json.getAsJsonObject("notifications").get("error").isJsonNull()).isTrue();
    // progress went to standard error, as plain lines
    assertThat(result.err().lines())
        .anyMatch(
            l -> l.matches("user " + user.polarUserId() + " exercises: \\d+ items?, \\d+ files?"))
        .noneMatch(l -> l.startsWith("error"));
    assertThat(result.err()).doesNotContain("\r");

    Cli.Result rerun = sync();
    assertThat(rerun.exitCode()).isZero();
    JsonObject again = theOnlyLine(rerun);
    assertThat(again.get("files").getAsLong()).isZero();
    assertThat(again.get("requests").getAsLong()).isEqualTo(14); // one per kind
  }

  @Test
  void failuresAreListedByUserKindAndReasonAndTheExitCodeIsOne() throws Exception {
    FakeUser revoked = fake.addUser("member-2");
    FileTokenStore.of(tokens).save("member-2", revoked.issueToken());
    revoked.revokeTokens();
    fake.inject(Route.LIST_SLEEP, Fault.status(503), 3); // more than the SDK's three attempts

    Cli.Result result = sync();

    assertThat(result.exitCode()).isEqualTo(1);
    JsonObject json = theOnlyLine(result);
    assertThat(json.get("users").getAsInt()).isEqualTo(2);
    JsonObject failures = json.getAsJsonObject("failures");
    assertThat(failures.get("count").getAsInt()).isEqualTo(2);
    List<String> listed = StreamSupport.stream(failures.getAsJsonArray("list").spliterator(), false)
        .map(JsonElement::getAsJsonObject)
        .map(f -> f.get("user").getAsLong() + " " + f.get("kind").getAsString() + " "
            + f.get("reason").getAsString())
        .toList();
    assertThat(listed)
        .containsExactlyInAnyOrder(
            revoked.polarUserId() + " exercises RELINK", user.polarUserId() + " sleep ERROR");
    for (JsonElement f : failures.getAsJsonArray("list")) {
      assertThat(f.getAsJsonObject().get("message").getAsString()).isNotBlank();
    }
    JsonArray reLink = json.getAsJsonArray("reLink");
    assertThat(reLink).hasSize(1);
    assertThat(reLink.get(0).getAsLong()).isEqualTo(revoked.polarUserId());
    assertThat(result.err().lines())
        .contains("error: user " + revoked.polarUserId() + " exercises: the access token was"
            + " revoked or has expired (HTTP 401): run 'link' again for this user");
  }

  @Test
  void aSpentDailyWindowStopsTheRunWithExitCode75AndTheRerunGoesOn() throws Exception {
    // the 24-hour window holds 8 requests: the notifications and 7 of the engine's, then the budget
    // stops the run
    fake.rateLimit(1000, 8);

    Cli.Result stopped = sync();

    assertThat(stopped.exitCode()).isEqualTo(75);
    JsonObject json = theOnlyLine(stopped);
    Instant until = Instant.parse(json.get("stoppedUntil").getAsString());
    assertThat(until).isAfter(Instant.now());
    assertThat(json.getAsJsonObject("failures").get("count").getAsInt()).isZero();
    assertThat(stopped.err().lines())
        .contains(
            "error: stopped by AccessLink's rate limit (the 24-hour window is spent); run sync"
                + " again after " + until);
    assertThat(fake.rateLimitRefusals()).isZero(); // the budget stopped before AccessLink refused
    assertThat(fake.requests()).hasSizeLessThanOrEqualTo(8);

    fake.rateLimit(1000, 1000); // the next day
    Cli.Result rerun = sync();

    assertThat(rerun.exitCode()).isZero();
    assertThat(theOnlyLine(rerun).get("stoppedUntil").isJsonNull()).isTrue();
  }
}

package dev.accesslink4j.examples;

import static dev.accesslink4j.examples.DataFiles.assertValidFit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accesslink4j.AccessLink;
import dev.accesslink4j.ClientSecret;
import dev.accesslink4j.generated.model.WebhookType;
import dev.accesslink4j.oauth.FileTokenStore;
import dev.accesslink4j.testkit.ExerciseIds;
import dev.accesslink4j.testkit.FakeAccessLink;
import dev.accesslink4j.testkit.FakeAccessLinkExtension;
import dev.accesslink4j.testkit.FakeAccessLinkOptions;
import dev.accesslink4j.testkit.FakeUser;
import dev.accesslink4j.testkit.FakeWebhookEvent;
import dev.accesslink4j.testkit.ReceivedRequest;
import dev.accesslink4j.testkit.Route;
import dev.accesslink4j.webhooks.CreatedWebhook;
import dev.accesslink4j.webhooks.WebhookSigner;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code webhook} end to end: the fake creates a webhook pointing at the running command (its PING must be
 * answered), then delivers events signed with the real algorithm; forged deliveries are refused with 401.
 */
class WebhookCommandTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @RegisterExtension
  final FakeAccessLinkExtension accessLink =
      new FakeAccessLinkExtension(FakeAccessLinkOptions.builder()
          .zone(ZoneId.systemDefault())
          .demoUserDays(0)
          .build());

  @TempDir
  Path dir;

  private final OkHttpClient http = new OkHttpClient();
  private final WebhookClient webhooks = new WebhookClient();
  private FakeAccessLink fake;
  private AccessLink client;
  private FakeUser user;
  private ExerciseIds exercise;
  private Path tokens;

  @BeforeEach
  void setUp() {
    fake = accessLink.fake();
    client = AccessLink.builder()
        .clientId(fake.clientId())
        .clientSecret(ClientSecret.of(fake.clientSecret()))
        .apiUrl(URI.create(fake.baseUrl()))
        .build();
    user = fake.addUser("member-1").seedDays(2);
    exercise = user.addExercise();
    tokens = dir.resolve("tokens.json");
    FileTokenStore.of(tokens).save("member-1", user.issueToken());
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private static int port(Cli.Background run) throws InterruptedException {
    return WebhookClient.port(run, WAIT);
  }

  @Test
  void answersPingsVerifiesSignaturesAndSyncsTheEventsUser() throws Exception {
    // 1. Without a key the receiver answers the PING of webhook creation, and refuses every
    // delivery.
    Cli.Background keyless = new Cli.Background(Map.of(), "webhook", "--port", "0");
    int keylessPort = port(keyless);
    CreatedWebhook webhook = client
        .webhooks()
        .create(URI.create("http://127.0.0.1:" + keylessPort + "/"), Set.of(WebhookType.EXERCISE));
    keyless.out.await(l -> l.equals("event PING (unsigned)"), WAIT);
    assertThat(
            fake.deliver(FakeWebhookEvent.exercise(user, exercise.hashedId())).responseCode())
        .isEqualTo(401);
    assertThat(keyless.err.text()).startsWith("warning: no --secret");
    assertThat(keyless.stop()).isZero();

    // 2. With the key (from the environment) and --sync, a delivery is verified, printed and its
    // user synced.
    String secret = webhook.secret().reveal();
    Path out = dir.resolve("data");
    Cli.Background receiver = syncingReceiver(secret, tokens, out);
    int port = port(receiver);
    client
        .webhooks()
        .updateUrl(webhook.id(), URI.create("http://127.0.0.1:" + port + "/hooks/polar"));
    receiver.out.await(l -> l.equals("event PING"), WAIT);
    fake.clearRequests();

    assertThat(
            fake.deliver(FakeWebhookEvent.exercise(user, exercise.hashedId())).responseCode())
        .isEqualTo(200);
    receiver.out.await(
        l -> l.equals(
            "event EXERCISE user " + user.polarUserId() + " exercise " + exercise.hashedId()),
        WAIT);
    awaitSynced(receiver, 1);
    assertValidFit(out.resolve(Long.toString(user.polarUserId()))
        .resolve("exercises")
        .resolve(exercise.hashedId() + ".fit"));
    // an EXERCISE event syncs the user's exercises and nothing else: the list, then the new one's
    // files
    assertThat(fake.requests(Route.LIST_EXERCISES)).hasSize(1);
    assertThat(fake.requests())
        .allSatisfy(r -> assertThat(r.route())
            .hasValueSatisfying(route ->
                assertThat(route.name()).matches("(LIST|GET)_EXERCISES?(_FIT|_TCX|_GPX)?")));
    assertThat(fake.requests(Route.GET_EXERCISE_FIT)).hasSize(1);
    fake.clearRequests();

    // the same event again is acknowledged but not processed twice
    assertThat(
            fake.deliver(FakeWebhookEvent.exercise(user, exercise.hashedId())).responseCode())
        .isEqualTo(200);
    receiver.out.await(l -> l.startsWith("duplicate EXERCISE user " + user.polarUserId()), WAIT);

    // 3. Forged deliveries: a wrong signature and none at all are refused, without echoing
    // anything.
    byte[] body = ("{\"event\":\"SLEEP\",\"user_id\":" + user.polarUserId()
            + ",\"date\":\"2025-01-01\"," + "\"timestamp\":\"2025-01-01T00:00:00Z\",\"url\":\""
            + fake.baseUrl() + "v3/users/sleep/2025-01-01\"}")
        .getBytes(StandardCharsets.UTF_8);
    String wrong = WebhookSigner.of("not-the-key").sign(body);
    try (Response forged = post(port, body, wrong)) {
      assertThat(forged.code()).isEqualTo(401);
      assertThat(forged.body().string()).isEqualTo("invalid signature\n");
    }
    try (Response unsigned = post(port, body, null)) {
      assertThat(unsigned.code()).isEqualTo(401);
    }
    try (Response signed = post(port, body, WebhookSigner.of(secret).sign(body))) {
      assertThat(signed.code()).isEqualTo(200);
    }
    receiver.out.await(
        l -> l.equals("event SLEEP user " + user.polarUserId() + " date 2025-01-01"), WAIT);
    awaitSynced(receiver, 2);
    // a SLEEP event syncs that night only: one request for its date
    assertThat(fake.requests())
        .extracting(ReceivedRequest::path)
        .containsExactly("/v3/users/sleep/2025-01-01");
    try (Response get = http.newCall(
            new Request.Builder().url("http://127.0.0.1:" + port + "/").build())
        .execute()) {
      assertThat(get.code()).isEqualTo(405);
    }

    assertThat(receiver.stop()).isZero();
    assertThat(receiver.out.text() + receiver.err.text())
        .doesNotContain(secret)
        .doesNotContain(fake.clientSecret());
  }

  @Test
  void refusedDeliveriesAreOneLineEachAndOutsideTextIsPrintedWithoutControlCharacters()
      throws Exception {
    String secret = "webhook-secret-key-for-this-test";
    Cli.Background receiver =
        new Cli.Background(Map.of("POLAR_WEBHOOK_SECRET", secret), "webhook", "--port", "0");
    int port = port(receiver);
    byte[] body = ("{\"event\":\"SLEEP\",\"user_id\":" + user.polarUserId()
            + ",\"date\":\"2025-01-01\"," + "\"timestamp\":\"2025-01-01T00:00:00Z\",\"url\":\""
            + fake.baseUrl() + "v3/users/sleep/2025-01-01\"}")
        .getBytes(StandardCharsets.UTF_8);
    String wrong = WebhookSigner.of("not-the-key").sign(body);

    try (Response forged = post(port, body, wrong)) {
      assertThat(forged.code()).isEqualTo(401);
    }
    try (Response unsigned = post(port, body, null)) {
      assertThat(unsigned.code()).isEqualTo(401);
    }
    byte[] notAPayload = "[1, 2, 3]".getBytes(StandardCharsets.UTF_8);
    try (Response garbage = post(port, notAPayload, WebhookSigner.of(secret).sign(notAPayload))) {
      assertThat(garbage.code()).isEqualTo(400);
    }
    // a signed event of a type this SDK does not know, whose type clears the screen and sets the
    // window title
    byte[] hostile = ("{\"event\":\"\\u001b[2J\\u001b]0;pwned\\u0007EVIL\\u202e\",\"user_id\":1,"
            + "\"timestamp\":\"2025-01-01T00:00:00Z\"}")
        .getBytes(StandardCharsets.UTF_8);
    try (Response signed = post(port, hostile, WebhookSigner.of(secret).sign(hostile))) {
      assertThat(signed.code()).isEqualTo(200);
    }
    String shown = receiver.out.await(l -> l.startsWith("event ") && l.contains("EVIL"), WAIT);
    receiver.err.await(l -> l.contains(": 400 "), WAIT);
    assertThat(receiver.stop()).isZero();

    assertThat(shown)
        .isEqualTo(
            "event \\u001B[2J\\u001B]0;pwned\\u0007EVIL\\u202E (an event type this SDK does not know)");
    List<String> refused = receiver.err.lines().stream()
        .filter(l -> l.startsWith("refused delivery"))
        .toList();
    assertThat(refused).hasSize(3);
    assertThat(refused.get(0))
        .matches("refused delivery from 127\\.0\\.0\\.1:\\d+: 401 wrong signature");
    assertThat(refused.get(1))
        .matches("refused delivery from 127\\.0\\.0\\.1:\\d+: 401 no signature");
    assertThat(refused.get(2))
        .matches(
            "refused delivery from 127\\.0\\.0\\.1:\\d+: 400 signed body is not an AccessLink payload");
    String printed = receiver.out.text() + receiver.err.text();
    assertThat(printed).doesNotContain(secret).doesNotContain(wrong).doesNotContain("pwned\u0007");
    assertThat(printed.chars().filter(c -> c != '\n' && TerminalText.isUnsafe((char) c)))
        .isEmpty();
  }

  @Test
  void syncFindsTheEventsUserByPolarIdUnderAnyKey() throws Exception {
    // linked under a member id that is not polar-<id>: the event only names the Polar user id
    Path store = dir.resolve("by-member.json");
    FileTokenStore.of(store).save("crm-0042", user.issueToken());
    String secret = "another-webhook-secret";
    Cli.Background receiver = syncingReceiver(secret, store, dir.resolve("data"));
    int port = port(receiver);
    byte[] body = ("{\"event\":\"EXERCISE\",\"user_id\":" + user.polarUserId() + ",\"entity_id\":\""
            + exercise.hashedId()
            + "\",\"timestamp\":\"2025-01-01T00:00:00Z\",\"url\":\"" + fake.baseUrl()
            + "v3/exercises/"
            + exercise.hashedId() + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    try (Response signed = post(port, body, WebhookSigner.of(secret).sign(body))) {
      assertThat(signed.code()).isEqualTo(200);
    }

    receiver.out.await(l -> l.matches("synced \\d+ items for 1 users"), WAIT);
    assertThat(receiver.out.text()).doesNotContain("has no token");
    assertThat(receiver.stop()).isZero();
  }

  @Test
  void aRevokedTokenIsReportedAndTheNextEventOfTheUserSendsNoRequest() throws Exception {
    user.revokeTokens();
    String secret = "a-third-webhook-secret";
    Cli.Background receiver = syncingReceiver(secret, tokens, dir.resolve("data"));
    int port = port(receiver);
    fake.clearRequests();
    for (int n = 1; n <= 2; n++) {
      byte[] body = ("{\"event\":\"SLEEP\",\"user_id\":" + user.polarUserId()
              + ",\"date\":\"2025-01-0" + n + "\",\"timestamp\":\"2025-01-01T00:00:00Z\",\"url\":\""
              + fake.baseUrl() + "v3/users/sleep/2025-01-0" + n + "\"}")
          .getBytes(StandardCharsets.UTF_8);
      try (Response signed = post(port, body, WebhookSigner.of(secret).sign(body))) {
        assertThat(signed.code()).isEqualTo(200);
      }
      awaitSynced(receiver, n);
    }

    assertThat(receiver.err.lines())
        .contains(
            "error: user " + user.polarUserId() + " sleep: the access token was revoked or has"
                + " expired (HTTP 401): run 'link' again for this user")
        .contains("error: user " + user.polarUserId() + " skipped: its token was refused (HTTP 401)"
            + " before; run 'link' again for this user");
    assertThat(fake.requests()).hasSize(1); // the first event's; the second sent none
    assertThat(receiver.stop()).isZero();
  }

  @Test
  void aDamagedTokenStoreStopsWebhookSyncAtStart() throws Exception {
    Path store = Files.writeString(dir.resolve("broken.json"), "null");

    Cli.Result result = Cli.run(
        Map.of(
            "POLAR_WEBHOOK_SECRET",
            "k",
            "POLAR_CLIENT_ID",
            fake.clientId(),
            "POLAR_CLIENT_SECRET",
            fake.clientSecret()),
        "webhook",
        "--port",
        "0",
        "--sync",
        "--api-url",
        fake.baseUrl(),
        "--token-store",
        store.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err().lines())
        .containsExactly("error: token store " + store
            + " is unusable: it holds JSON null, not a token store; restore it from a backup, or move it away to start"
            + " with no linked users");
    assertThat(result.out()).doesNotContain("listening");
  }

  /** Waits until the receiver has printed {@code n} lines {@code synced <items> items for 1 users}. */
  private static void awaitSynced(Cli.Background receiver, int n) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (receiver.out.lines().stream()
            .filter(l -> l.matches("synced \\d+ items for 1 users"))
            .count()
        < n) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not " + n + " syncs within " + WAIT + ":\n" + receiver.out.text()
            + receiver.err.text());
      }
      Thread.sleep(20);
    }
  }

  private Response post(int port, byte[] body, @Nullable String signature) throws Exception {
    return webhooks.post(port, "SLEEP", body, signature);
  }

  /**
   * A {@code webhook --sync} receiver on a free port, with the fake's client credentials and the webhook key in the
   * environment (the documented {@code POLAR_*} aliases), syncing two days into {@code out}.
   */
  private Cli.Background syncingReceiver(String secret, Path tokenStore, Path out)
      throws Exception {
    return new Cli.Background(
        Map.of(
            "POLAR_WEBHOOK_SECRET", secret,
            "POLAR_CLIENT_ID", fake.clientId(),
            "POLAR_CLIENT_SECRET", fake.clientSecret()),
        "webhook",
        "--port",
        "0",
        "--sync",
        "--api-url",
        fake.baseUrl(),
        "--token-store",
        tokenStore.toString(),
        "--out",
        out.toString(),
        "--days",
        "2");
  }
}

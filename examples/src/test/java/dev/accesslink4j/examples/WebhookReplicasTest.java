package dev.accesslink4j.examples;

import static dev.accesslink4j.examples.DataFiles.assertValidFit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accesslink4j.oauth.FileTokenStore;
import dev.accesslink4j.testkit.ExerciseIds;
import dev.accesslink4j.testkit.FakeAccessLink;
import dev.accesslink4j.testkit.FakeAccessLinkExtension;
import dev.accesslink4j.testkit.FakeAccessLinkOptions;
import dev.accesslink4j.testkit.FakeUser;
import dev.accesslink4j.testkit.Route;
import dev.accesslink4j.webhooks.WebhookSigner;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code webhook --sync --state JDBC_URL} as two replicas behind a load balancer, on a real PostgreSQL server: a
 * delivery that reached one replica is a duplicate for the other (AccessLink retries, or a balancer sends a repeat
 * elsewhere), so the data is synced once, and both record it in the same database.
 */
class WebhookReplicasTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String SECRET = "replicas-webhook-secret";
  private static EmbeddedPostgres server;

  @RegisterExtension
  final FakeAccessLinkExtension accessLink =
      new FakeAccessLinkExtension(FakeAccessLinkOptions.builder()
          .zone(ZoneId.systemDefault())
          .demoUserDays(0)
          .build());

  @TempDir
  Path dir;

  private final WebhookClient webhooks = new WebhookClient();

  @BeforeAll
  static void startServer() throws IOException {
    server = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopServer() throws IOException {
    server.close();
  }

  @Test
  void aDeliveryOneReplicaReceivedIsADuplicateForTheOtherAndIsSyncedOnce() throws Exception {
    FakeAccessLink fake = accessLink.fake();
    FakeUser user = fake.addUser("member-1");
    ExerciseIds exercise = user.addExercise();
    Path tokens = dir.resolve("tokens.json");
    FileTokenStore.of(tokens).save("member-1", user.issueToken());
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE replicas");
    }
    String url = server.getJdbcUrl("postgres", "replicas");

    Cli.Background first = replica(fake, tokens, dir.resolve("first"), url);
    Cli.Background second = replica(fake, tokens, dir.resolve("second"), url);
    int firstPort = WebhookClient.port(first, WAIT);
    int secondPort = WebhookClient.port(second, WAIT);
    fake.clearRequests();
    byte[] body = ("{\"event\":\"EXERCISE\",\"user_id\":" + user.polarUserId()
            + ",\"entity_id\":\"" + exercise.hashedId()
            + "\",\"timestamp\":\"2025-01-01T00:00:00Z\",\"url\":\"" + fake.baseUrl()
            + "v3/exercises/" + exercise.hashedId() + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    String signature = WebhookSigner.of(SECRET).sign(body);

    assertThat(post(firstPort, body, signature)).isEqualTo(200);
    first.out.await(l -> l.matches("synced \\d+ items for 1 users"), WAIT);
    assertThat(post(secondPort, body, signature)).isEqualTo(200);
    String event = "EXERCISE user " + user.polarUserId() + " exercise " + exercise.hashedId();
    second.out.await(l -> l.equals("duplicate " + event + " (already received; ignored)"), WAIT);

    assertThat(first.stop()).isZero();
    assertThat(second.stop()).isZero();
    assertThat(first.out.lines()).contains("event " + event);
    assertThat(second.out.text()).doesNotContain("synced");
    // synced once: one list, one download per format; the second replica asked AccessLink nothing
    assertThat(fake.requests(Route.LIST_EXERCISES)).hasSize(1);
    assertThat(fake.requests(Route.GET_EXERCISE_FIT)).hasSize(1);
    Path fit = dir.resolve("first")
        .resolve(Long.toString(user.polarUserId()))
        .resolve("exercises")
        .resolve(exercise.hashedId() + ".fit");
    assertValidFit(fit);
    assertThat(Files.exists(dir.resolve("second").resolve(Long.toString(user.polarUserId()))))
        .isFalse();
    // both recorded in the one database: the delivery, and the exercise in the shared state
    try (Connection c = server.getDatabase("postgres", "replicas").getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet r = s.executeQuery("SELECT count(*) FROM accesslink_webhook_deliveries")) {
        r.next();
        assertThat(r.getInt(1)).isEqualTo(1);
      }
      try (ResultSet r = s.executeQuery(
          "SELECT ids FROM accesslink_sync_state WHERE kind = 'EXERCISES' AND user_id = "
              + user.polarUserId())) {
        assertThat(r.next()).isTrue();
        assertThat(r.getString(1)).contains(exercise.hashedId());
      }
    }
  }

  /** A {@code webhook --sync --state} replica on a free port, the fake's credentials in the environment. */
  private static Cli.Background replica(FakeAccessLink fake, Path tokens, Path out, String url)
      throws Exception {
    return new Cli.Background(
        Map.of(
            "ACCESSLINK_WEBHOOK_SECRET", SECRET,
            "ACCESSLINK_CLIENT_ID", fake.clientId(),
            "ACCESSLINK_CLIENT_SECRET", fake.clientSecret()),
        "webhook",
        "--port",
        "0",
        "--sync",
        "--api-url",
        fake.baseUrl(),
        "--token-store",
        tokens.toString(),
        "--out",
        out.toString(),
        "--state",
        url);
  }

  private int post(int port, byte[] body, String signature) throws IOException {
    try (Response response = webhooks.post(port, "EXERCISE", body, signature)) {
      return response.code();
    }
  }
}

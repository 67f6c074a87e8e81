package dev.accesslink4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accesslink4j.errors.InvalidResponseException;
import dev.accesslink4j.errors.ServiceException;
import dev.accesslink4j.generated.api.NotificationsApi;
import dev.accesslink4j.generated.api.OAuthApi;
import dev.accesslink4j.generated.api.UsersApi;
import dev.accesslink4j.generated.model.RegisterUserRequest;
import dev.accesslink4j.internal.Transport.Replay;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

/**
 * Drives every failure path with recognizable credentials, against a server that echoes them back in every way it
 * can, and checks that no exception message, cause, diagnostic accessor, toString or log line reveals them.
 */
class SecretLeakTest {
  private static final String CLIENT_ID = "leak-client-id";
  private static final String SECRET = "SeCrEt-LEAK-7c1d9b";
  private static final String TOKEN = "ToKeN-LEAK-4e2a8f";
  private static final String BASIC = Base64.getEncoder()
      .encodeToString((CLIENT_ID + ":" + SECRET).getBytes(StandardCharsets.ISO_8859_1));

  private static final int[] STATUSES = {400, 401, 403, 404, 409, 418, 429, 500, 502, 503};

  /** What the server answers, given what it received (so it can echo the Authorization header). */
  private final BlockingQueue<Function<RecordedRequest, MockResponse>> answers =
      new LinkedBlockingQueue<>();

  private final List<String> seen = new ArrayList<>();
  private int failures;

  private static String auth(RecordedRequest request) {
    String value = request.getHeaders().get("Authorization");
    return value == null ? "" : value;
  }

  private static String credentialOf(RecordedRequest request) {
    String value = auth(request);
    return value.substring(value.indexOf(' ') + 1);
  }

  /** Error bodies that echo the credential the request carried, under known and unknown names. */
  private static List<Function<RecordedRequest, String>> errorBodies() {
    return List.of(
        r -> "{\"errorType\":\"INVALID\",\"message\":\"rejected " + auth(r)
            + "\",\"corrId\":\"c-1\"}",
        r -> "{\"error\":{\"error_type\":\"INVALID\",\"message\":\"header was " + auth(r) + "\","
            + "\"corr_id\":\"c-2\"}}",
        r -> "<html><body><pre>Authorization: " + auth(r) + "</pre></body></html>",
        r -> "",
        r -> "{\"error\":\"invalid_client\",\"error_description\":\"client_secret=" + SECRET
            + " rejected\"}",
        r -> "{\"error\":\"invalid_grant\",\"access_token\":\"" + TOKEN + "\",\"client_secret\":\""
            + SECRET + "\"}",
        r -> "access_token=" + TOKEN + "&client_secret=" + SECRET,
        r -> "{\"errorType\":\"INVALID\",\"message\":\"the credential " + credentialOf(r)
            + " is revoked\"}",
        r -> "{\"errorType\":\"" + credentialOf(r) + "\",\"corrId\":\"" + credentialOf(r) + "\"}",
        r -> "{\"message\":\"" + "x".repeat(16 * 1024 - 20) + credentialOf(r) + "\"}");
  }

  /** Success bodies that cannot be parsed and echo credentials. */
  private static List<Function<RecordedRequest, String>> unparseableBodies() {
    return List.of(
        r -> "{\"access_token\":\"" + TOKEN
            + "\",\"token_type\":\"bearer\",\"expires_in\":\"soon\"}",
        r -> "{\"x_user_id\": 1, \"access_token\": \"" + TOKEN,
        r -> "{\"access_token\": " + TOKEN + "}",
        r -> "{\"signature_secret_key\": \"" + SECRET + "\", \"data\": [}",
        r -> "<html>Authorization: " + auth(r) + "</html>",
        r -> "{\"polar-user-id\": \"" + credentialOf(r) + "\", \"expires_in\": \"" + credentialOf(r)
            + "\"}",
        r -> "{\"pad\":\"" + "p".repeat(480) + "\",\"whatever\":\"" + credentialOf(r));
  }

  private void capture(Supplier<?> call) {
    try {
      Object result = call.get();
      seen.add(String.valueOf(result));
    } catch (RuntimeException e) {
      record(e);
    }
  }

  private void record(Throwable e) {
    failures++;
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace)); // every message and cause, suppressed ones too
    seen.add(trace.toString());
    if (e instanceof ServiceException s) {
      seen.add(s.bodySnippet());
      seen.add(
          String.valueOf(s.errorType()) + s.polarMessage() + s.correlationId() + s.rateLimit());
    }
    if (e instanceof InvalidResponseException i) {
      seen.add(i.bodySnippet());
    }
  }

  @Test
  void noFailurePathRevealsTheTokenOrTheSecret() throws Exception {
    try (MockWebServer server = FastMockWebServer.create();
        LogCapture logs = LogCapture.sdkAndOkHttp()) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
          Function<RecordedRequest, MockResponse> answer = answers.poll(5, TimeUnit.SECONDS);
          return answer == null
              ? new MockResponse.Builder().code(599).build()
              : answer.apply(request);
        }
      });
      server.start();
      List<String> sentAuthorizations = new ArrayList<>();
      AccessToken token = AccessToken.of(
          TOKEN, "bearer", Duration.ofSeconds(31535999), Instant.parse("2025-01-01T00:00:00Z"), 7L);
      try (AccessLink client = AccessLink.builder()
          .clientId(CLIENT_ID)
          .clientSecret(ClientSecret.of(SECRET))
          .apiUrl(server.url("/").uri())
          .tokenUrl(server.url("/v2/oauth2/token").uri())
          .readTimeout(Duration.ofMillis(300))
          .retryPolicy(RetryPolicy.builder()
              .maxAttempts(2)
              .maxRateLimitWait(Duration.ofSeconds(5))
              .build())
          .sleeper(d -> {})
          .logRequests(true)
          .build()) {
        UserClient user = client.user(token);
        UsersApi users = user.context().create(UsersApi.class);
        NotificationsApi notifications =
            client.http().basic(CLIENT_ID, SECRET).create(NotificationsApi.class);
        OAuthApi oauth = client.http().tokenEndpoint(CLIENT_ID, SECRET).create(OAuthApi.class);
        var transport = client.http().transport();
        Map<String, Supplier<?>> calls = Map.of(
            "user read",
            () -> transport.execute(users.getUser(7L), Replay.SAFE),
            "user write",
            () -> transport.execute(
                users.registerUser(new RegisterUserRequest().memberId("m")), Replay.REFUSED_ONLY),
            "partner read",
            () -> transport.execute(notifications.listNotifications(), Replay.SAFE),
            "code exchange",
            () -> transport.execute(
                oauth.requestToken("authorization_code", "c", "https://x/cb"), Replay.NEVER));

        for (Supplier<?> call : calls.values()) {
          for (int status : STATUSES) {
            for (Function<RecordedRequest, String> body : errorBodies()) {
              // Enough answers for every retry the policy may make.
              for (int i = 0; i < 2; i++) {
                answers.add(r -> {
                  sentAuthorizations.add(auth(r));
                  return new MockResponse.Builder()
                      .code(status)
                      .setHeader("RateLimit-Usage", "600, 900")
                      .setHeader("RateLimit-Limit", "520, 5100")
                      .setHeader("RateLimit-Reset", "900, 80000")
                      .body(body.apply(r))
                      .build();
                });
              }
              capture(call);
              answers.clear();
            }
          }
          for (Function<RecordedRequest, String> body : unparseableBodies()) {
            answers.add(
                r -> new MockResponse.Builder().code(200).body(body.apply(r)).build());
            capture(call);
            answers.clear();
          }
          for (int i = 0; i < 2; i++) {
            answers.add(r -> new MockResponse.Builder()
                .headersDelay(1, TimeUnit.SECONDS)
                .body("{}")
                .build());
          }
          capture(call);
          answers.clear();
          for (int i = 0; i < 2; i++) {
            answers.add(r -> new MockResponse.Builder()
                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                .build());
          }
          capture(call);
          answers.clear();
        }

        answers.add(r -> new MockResponse.Builder()
            .code(401)
            .body("{\"message\":\"" + auth(r) + "\"}")
            .build());
        try {
          user.async()
              .call(u -> transport.execute(users.getUser(7L), Replay.SAFE))
              .get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          record(e);
        }

        answers.add(r ->
            new MockResponse.Builder().code(200).body("{\"polar-user-id\": 7}").build());
        seen.add(String.valueOf(transport.execute(users.getUser(7L), Replay.SAFE)));
        seen.add(client.toString());
        seen.add(user.toString());
        seen.add(user.async().toString());
        seen.add(token.toString());
        seen.add(AccessToken.of(TOKEN).toString());
        seen.add(ClientSecret.of(SECRET).toString());
        seen.add(RetryPolicy.defaults().toString());
        seen.add(client.http().toString());
        seen.add(user.context().retrofit().toString());
      }

      String everything = String.join("\n", seen) + "\n" + logs.everything();

      // The credentials were really in play: sent, echoed, and many failures were seen and logged.
      assertThat(sentAuthorizations).contains("Bearer " + TOKEN, "Basic " + BASIC);
      assertThat(failures).isGreaterThan(400);
      assertThat(logs.records()).hasSizeGreaterThan(400);
      assertThat(everything).contains("HTTP 401", "corr_id c-1", "timed out", "██");

      assertThat(everything)
          .doesNotContain(TOKEN)
          .doesNotContain(SECRET)
          .doesNotContain(BASIC)
          .doesNotContain(TOKEN.substring(0, 8))
          .doesNotContain(SECRET.substring(0, 8));
    }
  }
}

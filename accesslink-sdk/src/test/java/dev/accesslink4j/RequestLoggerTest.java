package dev.accesslink4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.accesslink4j.generated.api.CardioLoadApi;
import dev.accesslink4j.generated.api.UsersApi;
import dev.accesslink4j.generated.model.RegisterUserRequest;
import dev.accesslink4j.internal.RequestLogger;
import dev.accesslink4j.internal.Transport.Replay;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One log line per HTTP exchange through System.Logger "dev.accesslink4j", never a header, query or body. */
class RequestLoggerTest {
  private static final String TOKEN = "log-token-3f9a1c";
  private static final String SECRET = "log-secret-77d0e2";
  private static final String LINE =
      "(GET|POST) /v3/[a-z0-9/-]+ -> \\d{3} \\(\\d+ ms(, rate-limit usage \\d+, \\d+)?\\)";

  private MockWebServer server;
  private LogCapture logs;

  @BeforeEach
  void start() throws Exception {
    server = FastMockWebServer.create();
    server.start();
    logs = LogCapture.sdkAndOkHttp();
  }

  @AfterEach
  void stop() {
    logs.close();
    server.close();
  }

  private AccessLink client(boolean loudly, RetryPolicy policy) {
    return AccessLink.builder()
        .clientId("log-client")
        .clientSecret(ClientSecret.of(SECRET))
        .apiUrl(server.url("/").uri())
        .readTimeout(Duration.ofMillis(300))
        .retryPolicy(policy)
        .sleeper(d -> {})
        .logRequests(loudly)
        .build();
  }

  private List<LogRecord> sdkRecords() {
    return logs.records().stream()
        .filter(r -> r.getLoggerName().equals("dev.accesslink4j"))
        .toList();
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/json")
        .setHeader("RateLimit-Usage", "12, 345")
        .setHeader("RateLimit-Limit", "520, 5100")
        .setHeader("RateLimit-Reset", "600, 80000")
        .body(body)
        .build();
  }

  @Test
  void oneInfoLinePerRequestWithMethodPathStatusTimeAndUsage() {
    server.enqueue(json(200, "[]"));
    server.enqueue(json(200, "{\"polar-user-id\": 1, \"member-id\": \"member-body-value\"}"));
    server.enqueue(json(404, "{\"errorType\":\"NOT_FOUND\",\"message\":\"no such user\"}"));
    try (AccessLink client = client(true, RetryPolicy.disabled())) {
      UserClient user = client.user(AccessToken.of(TOKEN));
      var transport = user.context().transport();

      transport.execute(
          user.context()
              .retrofit()
              .create(CardioLoadApi.class)
              .listCardioLoadsByDateRange(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31)),
          Replay.SAFE);
      transport.execute(
          user.context()
              .create(UsersApi.class)
              .registerUser(new RegisterUserRequest().memberId("member-request-body")),
          Replay.REFUSED_ONLY);
      catchThrowable(
          () -> transport.execute(user.context().create(UsersApi.class).getUser(99L), Replay.SAFE));
    }

    List<LogRecord> records = sdkRecords();
    List<String> lines = records.stream().map(LogRecord::getMessage).toList();
    assertThat(lines).hasSize(3);
    assertThat(records).allSatisfy(r -> assertThat(r.getLevel()).isEqualTo(Level.INFO));
    assertThat(lines.get(0))
        .matches("GET /v3/users/cardio-load/date -> 200 \\(\\d+ ms, rate-limit usage 12, 345\\)");
    assertThat(lines.get(1))
        .matches("POST /v3/users -> 200 \\(\\d+ ms, rate-limit usage 12, 345\\)");
    assertThat(lines.get(2))
        .matches("GET /v3/users/99 -> 404 \\(\\d+ ms, rate-limit usage 12, 345\\)");
    assertThat(lines).allSatisfy(line -> assertThat(line).matches(LINE));
    String all = logs.everything();
    assertThat(all)
        .doesNotContain("from=", "2025-01-01", "?")
        .doesNotContain("Authorization", "Bearer", "Basic", TOKEN, SECRET)
        .doesNotContain("member-request-body", "member-body-value", "no such user", "NOT_FOUND")
        .doesNotContain("Content-Type", "application/json");
  }

  @Test
  void everyAttemptOfARetriedRequestIsItsOwnLine() {
    server.enqueue(json(503, ""));
    server.enqueue(json(200, "{\"polar-user-id\": 1}"));
    try (AccessLink client = client(true, RetryPolicy.defaults())) {
      UserClient user = client.user(AccessToken.of(TOKEN));
      user.context()
          .transport()
          .execute(user.context().create(UsersApi.class).getUser(1L), Replay.SAFE);
    }

    assertThat(sdkRecords())
        .extracting(LogRecord::getMessage)
        .hasSize(2)
        .satisfies(l -> assertThat(l.get(0)).startsWith("GET /v3/users/1 -> 503 ("))
        .satisfies(l -> assertThat(l.get(1)).startsWith("GET /v3/users/1 -> 200 ("));
  }

  @Test
  void aNetworkFailureIsLoggedByItsKindOnly() {
    server.enqueue(
        new MockResponse.Builder().headersDelay(1, TimeUnit.SECONDS).body("{}").build());
    try (AccessLink client = client(true, RetryPolicy.disabled())) {
      UserClient user = client.user(AccessToken.of(TOKEN));
      catchThrowable(() -> user.context()
          .transport()
          .execute(user.context().create(UsersApi.class).getUser(5L), Replay.SAFE));
    }

    assertThat(sdkRecords())
        .extracting(LogRecord::getMessage)
        .singleElement()
        .asString()
        .matches("GET /v3/users/5 -> SocketTimeoutException \\(\\d+ ms\\)");
  }

  @Test
  void quietByDefaultTheLinesAreDebug() {
    server.enqueue(json(200, "{\"polar-user-id\": 1}"));
    try (AccessLink client = client(false, RetryPolicy.disabled())) {
      UserClient user = client.user(AccessToken.of(TOKEN));
      user.context()
          .transport()
          .execute(user.context().create(UsersApi.class).getUser(1L), Replay.SAFE);
    }

    // System.Logger DEBUG is java.util.logging FINE: invisible under the default INFO threshold.
    assertThat(sdkRecords())
        .singleElement()
        .satisfies(r -> assertThat(r.getLevel()).isEqualTo(Level.FINE));
  }

  @Test
  void nothingIsLoggedWhenTheLoggerIsOff() {
    java.util.logging.Logger.getLogger("dev.accesslink4j").setLevel(Level.OFF);
    server.enqueue(json(200, "{\"polar-user-id\": 1}"));
    try (AccessLink client = client(true, RetryPolicy.disabled())) {
      UserClient user = client.user(AccessToken.of(TOKEN));
      user.context()
          .transport()
          .execute(user.context().create(UsersApi.class).getUser(1L), Replay.SAFE);
    }

    assertThat(sdkRecords()).isEmpty();
  }

  @Test
  void theSwitchAcceptsTheDocumentedValues() {
    assertThat(List.of("debug", "DEBUG", "info", "true", "1", " debug "))
        .allSatisfy(v -> assertThat(RequestLogger.enabledBy(v)).as(v).isTrue());
    assertThat(List.of("", "0", "false", "off", "trace", "verbose"))
        .allSatisfy(v -> assertThat(RequestLogger.enabledBy(v)).as(v).isFalse());
    assertThat(RequestLogger.enabledBy(null)).isFalse();
  }
}

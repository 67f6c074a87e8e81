package dev.accesslink4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.accesslink4j.errors.AccessLinkIOException;
import dev.accesslink4j.errors.RateLimitException;
import dev.accesslink4j.errors.ServerException;
import dev.accesslink4j.errors.ServiceException;
import dev.accesslink4j.generated.api.OAuthApi;
import dev.accesslink4j.generated.api.UsersApi;
import dev.accesslink4j.generated.model.OAuthToken;
import dev.accesslink4j.generated.model.RegisterUserRequest;
import dev.accesslink4j.generated.model.User;
import dev.accesslink4j.internal.Transport.Replay;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** When the client sends a request again, how long it waits, and when it gives up at once. */
class RetryTest {
  private static final String USER_JSON = "{\"polar-user-id\": 42, \"member-id\": \"m-1\"}";
  private static final Duration INITIAL = Duration.ofMillis(100);

  static final RetryPolicy POLICY = RetryPolicy.builder()
      .maxAttempts(4)
      .initialBackoff(INITIAL)
      .maxBackoff(Duration.ofSeconds(1))
      .jitter(0.25)
      .maxRateLimitWait(Duration.ofSeconds(30))
      .build();

  @RegisterExtension
  final MockAccessLink mock = MockAccessLink.withRetries(POLICY);

  private ApiResponse<User> read() {
    UserClient user = mock.user();
    return user.context()
        .transport()
        .execute(user.context().create(UsersApi.class).getUser(42L), Replay.SAFE);
  }

  private ApiResponse<User> register() {
    UserClient user = mock.user();
    return user.context()
        .transport()
        .execute(
            user.context()
                .create(UsersApi.class)
                .registerUser(new RegisterUserRequest().memberId("m-1")),
            Replay.REFUSED_ONLY);
  }

  private ApiResponse<OAuthToken> exchangeCode() {
    AccessLink client = mock.client();
    OAuthApi oauth = client
        .http()
        .tokenEndpoint(client.clientId(), client.clientSecret().reveal())
        .create(OAuthApi.class);
    return client
        .http()
        .transport()
        .execute(
            oauth.requestToken("authorization_code", "code-1", "https://app/cb"), Replay.NEVER);
  }

  private MockResponse rateLimited(String usage, String limit, String reset) {
    return new MockResponse.Builder()
        .code(429)
        .setHeader("RateLimit-Usage", usage)
        .setHeader("RateLimit-Limit", limit)
        .setHeader("RateLimit-Reset", reset)
        .build();
  }

  private static MockResponse dropped() {
    return new MockResponse.Builder()
        .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
        .build();
  }

  private static void assertJitteredBackoff(List<Duration> sleeps) {
    for (int i = 0; i < sleeps.size(); i++) {
      long base = Math.min(INITIAL.toMillis() << i, 1000);
      assertThat(sleeps.get(i).toMillis())
          .as("wait before retry %d", i + 1)
          .isBetween(Math.round(base * 0.75), Math.round(base * 1.25));
    }
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {500, 502, 503, 408})
  void safeReadIsRetriedOnTransientStatus(int status) {
    mock.enqueueStatus(status)
        .enqueueStatus(status)
        .enqueueStatus(status)
        .enqueueJson(200, USER_JSON);

    ApiResponse<User> response = read();

    assertThat(response.body().orElseThrow().getPolarUserId()).isEqualTo(42L);
    assertThat(mock.server().getRequestCount()).isEqualTo(4);
    assertThat(mock.sleeps()).hasSize(3);
    assertJitteredBackoff(mock.sleeps());
  }

  @Test
  void safeReadGivesUpAfterMaxAttempts() {
    for (int i = 0; i < 5; i++) {
      mock.enqueueJson(503, "{\"errorType\":\"UNAVAILABLE\",\"corrId\":\"c-" + i + "\"}");
    }

    Throwable thrown = catchThrowable(this::read);

    assertThat(thrown).isExactlyInstanceOf(ServerException.class);
    assertThat(((ServerException) thrown).correlationId()).contains("c-3");
    assertThat(mock.server().getRequestCount()).isEqualTo(4);
    assertThat(mock.sleeps()).hasSize(3);
  }

  @Test
  void safeReadIsRetriedOnADroppedConnection() {
    mock.enqueue(dropped()).enqueue(dropped()).enqueueJson(200, USER_JSON);

    ApiResponse<User> response = read();

    assertThat(response.status()).isEqualTo(200);
    assertThat(mock.sleeps()).hasSize(2);
    assertJitteredBackoff(mock.sleeps());
  }

  @Test
  void droppedConnectionsUpToMaxAttemptsSayHowManyAttemptsWereMade() {
    for (int i = 0; i < 8; i++) {
      mock.enqueue(dropped());
    }

    Throwable thrown = catchThrowable(this::read);

    assertThat(thrown)
        .isExactlyInstanceOf(AccessLinkIOException.class)
        .hasMessageEndingWith("after 4 attempts");
    assertThat(mock.sleeps()).hasSize(3);
  }

  @Test
  void backoffDoublesUpToTheCapWithoutJitter() {
    RetryPolicy exact = RetryPolicy.builder()
        .maxAttempts(6)
        .initialBackoff(Duration.ofMillis(100))
        .maxBackoff(Duration.ofMillis(500))
        .jitter(0)
        .build();

    assertThat(List.of(1, 2, 3, 4, 5).stream().map(exact::backoffBefore).toList())
        .containsExactly(
            Duration.ofMillis(100),
            Duration.ofMillis(200),
            Duration.ofMillis(400),
            Duration.ofMillis(500),
            Duration.ofMillis(500));
  }

  @Test
  void backoffIsJittered() {
    Set<Long> ratios = new HashSet<>();
    for (int round = 0; round < 4; round++) {
      mock.sleeps().clear();
      mock.enqueueStatus(503).enqueueStatus(503).enqueueStatus(503).enqueueJson(200, USER_JSON);
      read();
      assertJitteredBackoff(mock.sleeps());
      for (int i = 0; i < mock.sleeps().size(); i++) {
        ratios.add(mock.sleeps().get(i).toMillis() * 1000 / (INITIAL.toMillis() << i));
      }
    }
    // Twelve waits drawn from ±25 %: identical ratios would mean no jitter at all.
    assertThat(ratios).hasSizeGreaterThan(1);
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {400, 401, 403, 404, 409})
  void clientErrorsAreNeverRetried(int status) {
    mock.enqueueStatus(status).enqueueJson(200, USER_JSON);

    Throwable thrown = catchThrowable(this::read);

    assertThat(thrown).isInstanceOf(ServiceException.class);
    assertThat(((ServiceException) thrown).status()).isEqualTo(status);
    assertThat(mock.server().getRequestCount()).isEqualTo(1);
    assertThat(mock.sleeps()).isEmpty();
  }

  @Test
  void shortRateLimitIsWaitedOutThenTheRequestSucceeds() {
    mock.enqueue(rateLimited("520, 800", "520, 5100", "7, 80000")).enqueueJson(200, USER_JSON);

    ApiResponse<User> response = read();

    assertThat(response.status()).isEqualTo(200);
    assertThat(mock.sleeps()).hasSize(1);
    assertThat(mock.sleeps().get(0)).isBetween(Duration.ofSeconds(7), Duration.ofSeconds(8));
    assertThat(mock.server().getRequestCount()).isEqualTo(2);
  }

  @Test
  void longShortWindowResetIsThrownAtOnceNamingTheWindow() {
    mock.enqueue(rateLimited("520, 800", "520, 5100", "840, 80000")).enqueueJson(200, USER_JSON);

    Throwable thrown = catchThrowable(this::read);

    assertThat(thrown).isExactlyInstanceOf(RateLimitException.class);
    RateLimitException e = (RateLimitException) thrown;
    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(840));
    assertThat(e.getMessage()).contains("15-minute window").contains("resets in 840 s");
    assertThat(e.rateLimit().orElseThrow().shortWindow().isExhausted()).isTrue();
    assertThat(mock.server().getRequestCount()).isEqualTo(1);
    assertThat(mock.sleeps()).isEmpty();
  }

  @Test
  void spentDailyWindowIsThrownAtOnceEvenWhenTheShortWindowResetsSoon() {
    mock.enqueue(rateLimited("12, 5100", "520, 5100", "5, 43000")).enqueueJson(200, USER_JSON);

    Throwable thrown = catchThrowable(this::read);

    assertThat(thrown).isExactlyInstanceOf(RateLimitException.class);
    RateLimitException e = (RateLimitException) thrown;
    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(43000));
    assertThat(e.getMessage()).contains("24-hour window").contains("resets in 43000 s");
    assertThat(mock.server().getRequestCount()).isEqualTo(1);
    assertThat(mock.sleeps()).isEmpty();
  }

  @Test
  void rateLimitWithoutHeadersIsThrownAtOnce() {
    mock.enqueueStatus(429).enqueueJson(200, USER_JSON);

    Throwable thrown = catchThrowable(this::read);

    assertThat(thrown).isExactlyInstanceOf(RateLimitException.class);
    assertThat(((RateLimitException) thrown).retryAfter()).isZero();
    assertThat(mock.server().getRequestCount()).isEqualTo(1);
  }

  @Test
  void stateChangingCallIsNotRetriedOnServerError() {
    mock.enqueueStatus(500).enqueueJson(200, USER_JSON);

    assertThatThrownBy(this::register).isExactlyInstanceOf(ServerException.class);
    assertThat(mock.server().getRequestCount()).isEqualTo(1);
    assertThat(mock.takeRequest().getMethod()).isEqualTo("POST");
  }

  @Test
  void stateChangingCallIsNotRetriedOnIoFailure() {
    mock.enqueue(dropped()).enqueue(dropped()).enqueueJson(200, USER_JSON);

    Throwable thrown = catchThrowable(this::register);

    assertThat(thrown)
        .isExactlyInstanceOf(AccessLinkIOException.class)
        .hasMessageStartingWith("POST /v3/users ");
    assertThat(mock.sleeps()).isEmpty();
  }

  @Test
  void stateChangingCallIsRetriedAfterAShortRateLimit() {
    mock.enqueue(rateLimited("520, 800", "520, 5100", "3, 80000")).enqueueJson(200, USER_JSON);

    ApiResponse<User> response = register();

    assertThat(response.body().orElseThrow().getMemberId()).isEqualTo("m-1");
    assertThat(mock.server().getRequestCount()).isEqualTo(2);
    assertThat(mock.takeRequest().getBody().utf8())
        .isEqualTo(mock.takeRequest().getBody().utf8());
    assertThat(mock.sleeps()).hasSize(1);
  }

  @Test
  void codeExchangeIsNeverRetried() {
    mock.enqueueStatus(503)
        .enqueue(rateLimited("520, 800", "520, 5100", "1, 80000"))
        .enqueue(dropped());

    assertThatThrownBy(this::exchangeCode).isExactlyInstanceOf(ServerException.class);
    assertThatThrownBy(this::exchangeCode).isExactlyInstanceOf(RateLimitException.class);
    assertThatThrownBy(this::exchangeCode).isExactlyInstanceOf(AccessLinkIOException.class);
    assertThat(mock.server().getRequestCount()).isEqualTo(3);
    assertThat(mock.sleeps()).isEmpty();
    assertThat(mock.takeRequest().getTarget()).isEqualTo("/v2/oauth2/token");
  }

  @Nested
  class Disabled {
    @RegisterExtension
    final MockAccessLink none = MockAccessLink.withRetries(RetryPolicy.disabled());

    private ApiResponse<User> read() {
      UserClient user = none.user();
      return user.context()
          .transport()
          .execute(user.context().create(UsersApi.class).getUser(42L), Replay.SAFE);
    }

    @Test
    void disabledPolicyNeverRetries() {
      none.enqueueStatus(503)
          .enqueue(rateLimited("520, 800", "520, 5100", "1, 80000"))
          .enqueue(dropped())
          .enqueueJson(200, USER_JSON);

      assertThatThrownBy(this::read).isExactlyInstanceOf(ServerException.class);
      assertThatThrownBy(this::read).isExactlyInstanceOf(RateLimitException.class);
      assertThatThrownBy(this::read).isExactlyInstanceOf(AccessLinkIOException.class);
      assertThat(none.sleeps()).isEmpty();
      assertThat(RetryPolicy.disabled().maxAttempts()).isEqualTo(1);
      assertThat(RetryPolicy.disabled().maxRateLimitWait()).isZero();
    }
  }

  @Test
  void defaultsAreDocumentedValues() {
    RetryPolicy defaults = RetryPolicy.defaults();

    assertThat(defaults.maxAttempts()).isEqualTo(3);
    assertThat(defaults.initialBackoff()).isEqualTo(Duration.ofMillis(500));
    assertThat(defaults.maxBackoff()).isEqualTo(Duration.ofSeconds(8));
    assertThat(defaults.jitter()).isEqualTo(0.25);
    assertThat(defaults.maxRateLimitWait()).isEqualTo(Duration.ofSeconds(60));
    assertThat(defaults.toString()).contains("maxAttempts=3");
  }

  @Test
  void builderRejectsNonsense() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("initialBackoff");
    assertThatThrownBy(() -> RetryPolicy.builder().maxBackoff(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().maxRateLimitWait(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().jitter(-0.1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().jitter(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(null))
        .isInstanceOf(NullPointerException.class);
  }
}

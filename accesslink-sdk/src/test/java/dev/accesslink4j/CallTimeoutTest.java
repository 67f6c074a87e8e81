package dev.accesslink4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.accesslink4j.errors.AccessLinkIOException;
import dev.accesslink4j.errors.RateLimitException;
import dev.accesslink4j.generated.api.ExercisesApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole-call deadline of non-streaming calls: it ends a trickling answer, it is one budget for all attempts and
 * waits, and it never applies to downloads, which have the read timeout and an optional download timeout.
 */
class CallTimeoutTest {
  private static final String SLEEP_PATH = "GET /v3/users/sleep/2025-01-01";
  private static final byte[] FIT = TestFiles.garminFit();

  @TempDir
  Path dir;

  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = FastMockWebServer.create();
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private AccessLink client(UnaryOperator<AccessLinkBuilder> options) {
    return options
        .apply(AccessLink.builder()
            .clientId("id")
            .clientSecret(ClientSecret.of("secret"))
            .apiUrl(server.url("/").uri())
            .sleeper(sleeps::add))
        .build();
  }

  /** A JSON body that takes about 20 s to arrive: one byte every 100 ms, never a silence near the read timeout. */
  private static MockResponse trickling() {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/json")
        .body(
            "{\"polar_user\":\"https://www.polaraccesslink.com/v3/users/1\",\"date\":\"2025-01-01\","
                + "\"device_id\":\"1111AAAA\",\"sleep_score\":80,\"sleep_charge\":3,\"continuity\":2.1,\"x\":\"...\"}")
        .throttleBody(1, 100, TimeUnit.MILLISECONDS)
        .build();
  }

  @Test
  void aTricklingAnswerEndsAtTheCallTimeoutWithATypedTimeout() {
    server.enqueue(trickling());
    server.enqueue(trickling());
    long start = System.nanoTime();

    try (AccessLink client = client(b -> b.callTimeout(Duration.ofSeconds(1)))) {
      AccessLinkIOException e = catchThrowableOfType(
          AccessLinkIOException.class,
          () -> client.user(AccessToken.of("t")).sleep().get(java.time.LocalDate.of(2025, 1, 1)));

      assertThat(e).hasMessage(SLEEP_PATH + " did not complete within the call timeout of 1 s");
      assertThat(e.isTimeout()).isTrue();
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    assertThat(server.getRequestCount()).isEqualTo(1); // the budget was spent: no retry
    assertThat(sleeps).isEmpty();
  }

  @Test
  void allAttemptsShareOneBudget() {
    server.enqueue(new MockResponse.Builder()
        .code(503)
        .headersDelay(600, TimeUnit.MILLISECONDS)
        .build());
    server.enqueue(trickling());
    long start = System.nanoTime();

    try (AccessLink client = client(b -> b.callTimeout(Duration.ofSeconds(1))
        .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(50)).build()))) {
      assertThatThrownBy(() ->
              client.user(AccessToken.of("t")).sleep().get(java.time.LocalDate.of(2025, 1, 1)))
          .isInstanceOf(AccessLinkIOException.class)
          .hasMessage(SLEEP_PATH + " did not complete within the call timeout of 1 s (2 attempts)");
    }
    // The second attempt got what the first left (about 400 ms), not a second full second.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1800));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aRetryWaitThatWouldEndAfterTheDeadlineIsNotStarted() {
    server.enqueue(MockAccessLink.shortWindowExhausted(30));

    try (AccessLink client = client(b -> b.callTimeout(Duration.ofSeconds(5))
        .retryPolicy(
            RetryPolicy.builder().maxRateLimitWait(Duration.ofSeconds(60)).build()))) {
      assertThatThrownBy(() ->
              client.user(AccessToken.of("t")).sleep().get(java.time.LocalDate.of(2025, 1, 1)))
          .isInstanceOf(RateLimitException.class);
    }
    assertThat(sleeps)
        .isEmpty(); // without the deadline it would have waited 30 s for the window to reset
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aDownloadIsNeverCutByTheCallTimeout() throws IOException {
    // 1,292 bytes in 100-byte steps every 100 ms: about 1.3 s, more than four times the call
    // timeout.
    server.enqueue(fit().throttleBody(100, 100, TimeUnit.MILLISECONDS).build());
    Path target = dir.resolve("a.fit");

    try (AccessLink client = client(b -> b.callTimeout(Duration.ofMillis(300)))) {
      client.user(AccessToken.of("t")).exercises().fit("a", target);
    }

    assertThat(Files.readAllBytes(target)).isEqualTo(FIT);
  }

  @Test
  void aRawCallOfAStreamedFileIsNotCutByTheCallTimeoutEither() throws IOException {
    server.enqueue(fit().throttleBody(100, 100, TimeUnit.MILLISECONDS).build());

    try (AccessLink client = client(b -> b.callTimeout(Duration.ofMillis(300)));
        ResponseBody body = client
            .user(AccessToken.of("t"))
            .call(ExercisesApi.class, api -> api.getExerciseFit("a"))
            .body()
            .orElseThrow()) {
      assertThat(body.bytes()).isEqualTo(FIT);
    }
  }

  @Test
  void theDownloadTimeoutEndsASlowDownloadAndLeavesNothing() throws IOException {
    server.enqueue(fit().throttleBody(100, 100, TimeUnit.MILLISECONDS).build());
    server.enqueue(fit().build());
    long start = System.nanoTime();

    try (AccessLink client = client(b -> b.downloadTimeout(Duration.ofMillis(500)))) {
      AccessLinkIOException e = catchThrowableOfType(
          AccessLinkIOException.class,
          () -> client.user(AccessToken.of("t")).exercises().fit("a", dir.resolve("a.fit")));

      assertThat(e)
          .hasMessage(
              "GET /v3/exercises/a/fit did not complete within the download timeout of 500 ms");
      assertThat(e.isTimeout()).isTrue();
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1200));
    assertThat(server.getRequestCount())
        .isEqualTo(1); // the budget covers the retries too: none was started
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void zeroSwitchesTheCallTimeoutOffAndNegativeValuesAreRefused() {
    server.enqueue(new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/json")
        .body("{\"date\":\"2025-01-01\"}")
        .throttleBody(4, 100, TimeUnit.MILLISECONDS) // about 0.5 s
        .build());

    try (AccessLink client =
        client(b -> b.callTimeout(Duration.ZERO).readTimeout(Duration.ofSeconds(5)))) {
      assertThat(client.user(AccessToken.of("t")).sleep().get(java.time.LocalDate.of(2025, 1, 1)))
          .isPresent();
    }
    assertThatThrownBy(() -> AccessLink.builder().callTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AccessLink.builder().downloadTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(AccessLink.DEFAULT_CALL_TIMEOUT).isEqualTo(Duration.ofMinutes(2));
  }

  private static MockResponse.Builder fit() {
    return new MockResponse.Builder().code(200).body(new Buffer().write(FIT));
  }
}

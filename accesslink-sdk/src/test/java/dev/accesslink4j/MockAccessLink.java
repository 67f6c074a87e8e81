package dev.accesslink4j;

import dev.accesslink4j.internal.ServiceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A MockWebServer with an {@link AccessLink} client pointed at it (API and token URLs), retries without real sleeps
 * (waits are recorded in {@link #sleeps()}), for one test at a time. Use with {@code @RegisterExtension}.
 */
public final class MockAccessLink implements BeforeEachCallback, AfterEachCallback {
  public static final String CLIENT_ID = "test-client";
  public static final String CLIENT_SECRET = "test-secret-9f8e7d6c5b4a";
  public static final String TOKEN = "test-token-1a2b3c4d5e6f";

  private final RetryPolicy retryPolicy;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private MockWebServer server;
  private AccessLink client;

  private MockAccessLink(RetryPolicy retryPolicy) {
    this.retryPolicy = retryPolicy;
  }

  /** A fixture whose client has retries disabled: every enqueued response is seen by exactly one call. */
  public static MockAccessLink withoutRetries() {
    return new MockAccessLink(RetryPolicy.disabled());
  }

  /** A fixture whose client uses the given retry policy (waits are recorded, not slept). */
  public static MockAccessLink withRetries(RetryPolicy policy) {
    return new MockAccessLink(policy);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    server = FastMockWebServer.create();
    server.start();
    sleeps.clear();
    client = AccessLink.builder()
        .clientId(CLIENT_ID)
        .clientSecret(ClientSecret.of(CLIENT_SECRET))
        .apiUrl(server.url("/").uri())
        .authorizationUrl(server.url("/oauth2/authorization").uri())
        .tokenUrl(server.url("/v2/oauth2/token").uri())
        .redirectUri(URI.create("https://app.example.com/oauth2_callback"))
        .retryPolicy(retryPolicy)
        .sleeper(sleeps::add)
        .build();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    client.close();
    server.close();
  }

  /** The client under test. */
  public AccessLink client() {
    return client;
  }

  /** A user view authenticated with {@link #TOKEN}. */
  public UserClient user() {
    return client.user(AccessToken.of(TOKEN));
  }

  /** The server, for enqueueing anything the helpers below do not cover. */
  /** The user view's internals, for tests in other packages that build a service themselves. */
  public ServiceContext userContext() {
    return user().context();
  }

  public MockWebServer server() {
    return server;
  }

  /** The waits the client asked for between retries. */
  public List<Duration> sleeps() {
    return sleeps;
  }

  /** Enqueues a JSON response with rate-limit headers. */
  public MockAccessLink enqueueJson(int status, String json) {
    server.enqueue(new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/json")
        .setHeader("RateLimit-Usage", "3, 40")
        .setHeader("RateLimit-Limit", "520, 5100")
        .setHeader("RateLimit-Reset", "600, 80000")
        .body(json)
        .build());
    return this;
  }

  /** Enqueues a JSON fixture from {@code src/test/resources/fixtures/NAME}. */
  public MockAccessLink enqueueFixture(int status, String name) {
    return enqueueJson(status, fixture(name));
  }

  /** Enqueues a response with a status and no body (204, or an error without body). */
  public MockAccessLink enqueueStatus(int status) {
    server.enqueue(new MockResponse.Builder().code(status).build());
    return this;
  }

  /**
   * A 429 whose short window (15 minutes) is exhausted and resets in {@code resetSeconds}; the long window has
   * room. A retrying client waits such a limit out when the reset is within its policy.
   */
  public static MockResponse shortWindowExhausted(int resetSeconds) {
    return new MockResponse.Builder()
        .code(429)
        .setHeader("RateLimit-Usage", "520, 900")
        .setHeader("RateLimit-Limit", "520, 5100")
        .setHeader("RateLimit-Reset", resetSeconds + ", 80000")
        .build();
  }

  /** Enqueues any response. */
  public MockAccessLink enqueue(MockResponse response) {
    server.enqueue(response);
    return this;
  }

  /** The next request the server received (fails the test after 5 s without one). */
  public RecordedRequest takeRequest() {
    try {
      RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
      if (request == null) {
        throw new AssertionError("no request reached the server");
      }
      return request;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Reads a fixture file from {@code src/test/resources/fixtures/}. */
  public static String fixture(String name) {
    try (InputStream in = MockAccessLink.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

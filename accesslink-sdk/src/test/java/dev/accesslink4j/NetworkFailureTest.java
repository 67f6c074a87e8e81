package dev.accesslink4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.accesslink4j.errors.AccessLinkIOException;
import dev.accesslink4j.generated.api.UsersApi;
import dev.accesslink4j.generated.model.User;
import dev.accesslink4j.internal.Transport.Replay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a caller sees when the exchange itself fails: slow headers and stalled bodies are timeouts, dropped and reset
 * connections and a port nothing listens on are I/O failures, and every outcome releases its connection.
 */
class NetworkFailureTest {
  @RegisterExtension
  final MockAccessLink mock = MockAccessLink.withoutRetries();

  private static final String PATH = "/v3/users/42";

  private ApiResponse<User> getUser() {
    UserClient user = mock.user();
    return user.context()
        .transport()
        .execute(user.context().create(UsersApi.class).getUser(42L), Replay.SAFE);
  }

  @Test
  void everyOutcomeReleasesItsConnection() {
    ProbeApi probe = mock.user().context().create(ProbeApi.class);
    UsersApi users = mock.user().context().create(UsersApi.class);
    var transport = mock.user().context().transport();
    mock.enqueueJson(200, "{\"ignored\": \"a body nobody reads\"}"); // Void with a body
    mock.enqueueStatus(204);
    mock.enqueueJson(404, "{\"errorType\":\"NOT_FOUND\"}");
    mock.enqueueJson(200, "{\"polar-user-id\": \"bad\", \"rest\": \"" + "r".repeat(10_000) + "\"}");
    mock.enqueueJson(200, "{\"polar-user-id\": 1}");
    mock.enqueueJson(200, "{\"polar-user-id\": 2}");

    transport.execute(probe.readVoid(), Replay.SAFE);
    transport.execute(probe.readVoid(), Replay.SAFE);
    catchThrowable(() -> transport.execute(users.getUser(1L), Replay.SAFE));
    catchThrowable(() -> transport.execute(users.getUser(1L), Replay.SAFE));
    transport.execute(users.getUser(1L), Replay.SAFE);
    transport.execute(users.getUser(1L), Replay.SAFE);

    // A body left open pins its connection, and the next call would need a new one.
    for (int i = 0; i < 6; i++) {
      RecordedRequest request = mock.takeRequest();
      assertThat(request.getConnectionIndex()).as("connection of request %d", i).isZero();
      assertThat(request.getExchangeIndex()).isEqualTo(i);
    }
  }

  private AccessLink clientWithReadTimeout(MockWebServer server, Duration readTimeout) {
    return AccessLink.builder()
        .clientId(MockAccessLink.CLIENT_ID)
        .clientSecret(ClientSecret.of(MockAccessLink.CLIENT_SECRET))
        .apiUrl(server.url("/").uri())
        .readTimeout(readTimeout)
        .retryPolicy(RetryPolicy.disabled())
        .build();
  }

  private static ApiResponse<User> getUser(AccessLink client) {
    UserClient user = client.user(AccessToken.of(MockAccessLink.TOKEN));
    return user.context()
        .transport()
        .execute(user.context().create(UsersApi.class).getUser(42L), Replay.SAFE);
  }

  @Test
  void slowHeadersAreATimeout() {
    mock.enqueue(new MockResponse.Builder()
        .headersDelay(2, TimeUnit.SECONDS)
        .body("{\"polar-user-id\": 1}")
        .build());
    try (AccessLink client = clientWithReadTimeout(mock.server(), Duration.ofMillis(200))) {
      long start = System.nanoTime();

      Throwable thrown = catchThrowable(() -> getUser(client));

      assertThat(thrown).isExactlyInstanceOf(AccessLinkIOException.class);
      AccessLinkIOException e = (AccessLinkIOException) thrown;
      assertThat(e.isTimeout()).isTrue();
      assertThat(e.getMessage()).isEqualTo("GET " + PATH + " timed out");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
    }
  }

  @Test
  void aBodyThatStallsMidwayIsATimeout() {
    mock.enqueue(new MockResponse.Builder()
        .setHeader("Content-Type", "application/json")
        .body("{\"polar-user-id\": 1, \"member-id\": \"" + "m".repeat(200) + "\"}")
        .throttleBody(20, 2, TimeUnit.SECONDS)
        .build());
    try (AccessLink client = clientWithReadTimeout(mock.server(), Duration.ofMillis(200))) {
      Throwable thrown = catchThrowable(() -> getUser(client));

      assertThat(thrown).isExactlyInstanceOf(AccessLinkIOException.class);
      assertThat(((AccessLinkIOException) thrown).isTimeout()).isTrue();
    }
  }

  @Test
  void aDroppedConnectionIsAnIoFailure() {
    mock.enqueue(new MockResponse.Builder()
        .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
        .build());
    mock.enqueueJson(200, "{\"polar-user-id\": 1}");

    Throwable thrown = catchThrowable(this::getUser);

    assertThat(thrown).isExactlyInstanceOf(AccessLinkIOException.class);
    assertThat(mock.server().getRequestCount())
        .as("OkHttp must not replay it by itself")
        .isEqualTo(1);
    AccessLinkIOException e = (AccessLinkIOException) thrown;
    assertThat(e.isTimeout()).isFalse();
    assertThat(e.getMessage()).startsWith("GET " + PATH + " failed on the network (");
    assertThat(e.getCause()).isInstanceOf(java.io.IOException.class);
  }

  @Test
  void aConnectionResetMidBodyIsAnIoFailureNotAnInvalidResponse() {
    Buffer body = new Buffer()
        .writeUtf8("{\"polar-user-id\": 1, \"member-id\": \"" + "m".repeat(5000) + "\"}");
    mock.enqueue(new MockResponse.Builder()
        .setHeader("Content-Type", "application/json")
        .body(body)
        .onResponseBody(new SocketEffect.CloseSocket(true, false, false))
        .build());

    Throwable thrown = catchThrowable(this::getUser);

    assertThat(thrown).isExactlyInstanceOf(AccessLinkIOException.class);
    assertThat(((AccessLinkIOException) thrown).isTimeout()).isFalse();
  }

  @Test
  void nothingListeningIsAnIoFailure() throws Exception {
    MockWebServer closed = new MockWebServer();
    closed.start();
    var url = closed.url("/").uri();
    closed.close();
    try (AccessLink client = AccessLink.builder()
        .clientId("id")
        .clientSecret(ClientSecret.of("secret"))
        .apiUrl(url)
        .retryPolicy(RetryPolicy.disabled())
        .build()) {
      Throwable thrown = catchThrowable(() -> getUser(client));

      assertThat(thrown).isExactlyInstanceOf(AccessLinkIOException.class);
      assertThat(((AccessLinkIOException) thrown).isTimeout()).isFalse();
    }
  }
}

package dev.accesslink4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accesslink4j.errors.BadRequestException;
import dev.accesslink4j.errors.RedirectRefusedException;
import dev.accesslink4j.generated.api.NotificationsApi;
import dev.accesslink4j.generated.api.OAuthApi;
import dev.accesslink4j.generated.api.UsersApi;
import dev.accesslink4j.internal.Transport.Replay;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Building, configuring and closing the client, and which credential goes where. */
class AccessLinkTest {
  @RegisterExtension
  final MockAccessLink mock = MockAccessLink.withoutRetries();

  private static final String BASIC = "Basic "
      + Base64.getEncoder()
          .encodeToString((MockAccessLink.CLIENT_ID + ":" + MockAccessLink.CLIENT_SECRET)
              .getBytes(StandardCharsets.UTF_8));

  private static AccessLinkBuilder minimal() {
    return AccessLink.builder().clientId("id").clientSecret(ClientSecret.of("secret"));
  }

  @Test
  void clientIdAndSecretAreRequired() {
    assertThatThrownBy(
            () -> AccessLink.builder().clientSecret(ClientSecret.of("s")).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("clientId");
    assertThatThrownBy(() -> AccessLink.builder().clientId("id").build())
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("clientSecret");
    assertThatThrownBy(() -> AccessLink.builder().clientId(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clientId");
    assertThatThrownBy(() -> ClientSecret.of("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AccessToken.of(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void urlsMustBeAbsoluteHttpUrls() {
    assertThatThrownBy(() -> minimal()
            .tokenUrl(URI.create("https://polarremote.com/v2/oauth2/authorize"))
            .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/oauth2/token");
    assertThatThrownBy(() -> minimal()
            .tokenUrl(URI.create("ftp://polarremote.com/v2/oauth2/token"))
            .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("token URL");
    assertThatThrownBy(() -> minimal().apiUrl(URI.create("/v3/")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("API URL");
    assertThatThrownBy(() ->
            minimal().authorizationUrl(URI.create("mailto:someone@example.com")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("authorization URL");
  }

  @Test
  void defaultsPointAtPolarsProduction() {
    try (AccessLink client = minimal().build()) {
      assertThat(client.apiUrl()).isEqualTo(URI.create("https://www.polaraccesslink.com/"));
      assertThat(client.tokenUrl())
          .isEqualTo(URI.create("https://polarremote.com/v2/oauth2/token"));
      assertThat(client.authorizationUrl())
          .isEqualTo(URI.create("https://flow.polar.com/oauth2/authorization"));
      assertThat(client.redirectUri()).isEmpty();
      assertThat(client.clientId()).isEqualTo("id");
    }
  }

  @Test
  void apiUrlIsABaseEvenWithoutATrailingSlash() {
    try (AccessLink client =
        minimal().apiUrl(URI.create("http://localhost:8080/polar")).build()) {
      assertThat(client.apiUrl()).isEqualTo(URI.create("http://localhost:8080/polar/"));
    }
  }

  @Test
  void everyRequestNamesTheSdkInItsUserAgent() {
    mock.enqueueJson(200, "{\"polar-user-id\": 1}");
    UserClient user = mock.user();
    user.context()
        .transport()
        .execute(user.context().create(UsersApi.class).getUser(1L), Replay.SAFE);

    assertThat(mock.takeRequest().getHeaders().get("User-Agent"))
        .matches("accesslink4j/\\S+ \\(Java \\d+\\)");
  }

  @Test
  void userAgentSuffixIsAppended() {
    mock.enqueueJson(200, "{}");
    try (AccessLink client = minimal()
        .apiUrl(mock.server().url("/").uri())
        .userAgentSuffix("my-app/2.1")
        .build()) {
      UserClient user = client.user(AccessToken.of("t"));
      user.context()
          .transport()
          .execute(user.context().create(UsersApi.class).getUser(1L), Replay.SAFE);
    }

    assertThat(mock.takeRequest().getHeaders().get("User-Agent"))
        .startsWith("accesslink4j/")
        .endsWith(" my-app/2.1");
  }

  @Test
  void fromEnvReadsTheDocumentedVariables() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("ACCESSLINK_CLIENT_ID", MockAccessLink.CLIENT_ID);
    env.put("ACCESSLINK_CLIENT_SECRET", MockAccessLink.CLIENT_SECRET);
    env.put("ACCESSLINK_BASE_URL", mock.server().url("/").toString());
    env.put("ACCESSLINK_TOKEN_URL", mock.server().url("/v2/oauth2/token").toString());
    env.put("ACCESSLINK_AUTH_URL", "https://auth.example.com/oauth2/authorization");
    env.put("ACCESSLINK_REDIRECT_URI", "https://app.example.com/callback");
    env.put("ACCESSLINK_LOG", "debug");
    mock.enqueueJson(204, "");

    try (LogCapture logs = LogCapture.sdkAndOkHttp();
        AccessLink client = AccessLink.fromEnv(env::get)) {
      assertThat(client.clientId()).isEqualTo(MockAccessLink.CLIENT_ID);
      assertThat(client.apiUrl()).isEqualTo(mock.server().url("/").uri());
      assertThat(client.tokenUrl())
          .isEqualTo(mock.server().url("/v2/oauth2/token").uri());
      assertThat(client.authorizationUrl())
          .isEqualTo(URI.create("https://auth.example.com/oauth2/authorization"));
      assertThat(client.redirectUri()).contains(URI.create("https://app.example.com/callback"));

      NotificationsApi api = client
          .http()
          .basic(client.clientId(), client.clientSecret().reveal())
          .create(NotificationsApi.class);
      client.http().transport().execute(api.listNotifications(), Replay.SAFE);

      assertThat(mock.takeRequest().getHeaders().get("Authorization")).isEqualTo(BASIC);
      assertThat(logs.records())
          .filteredOn(r -> r.getLoggerName().equals("dev.accesslink4j"))
          .extracting(LogRecord::getLevel)
          .containsExactly(Level.INFO);
    }
  }

  @Test
  void fromEnvBaseUrlAlonePointsOAuthAtTheSameServer() {
    Map<String, String> env = Map.of(
        "ACCESSLINK_CLIENT_ID", MockAccessLink.CLIENT_ID,
        "ACCESSLINK_CLIENT_SECRET", MockAccessLink.CLIENT_SECRET,
        "ACCESSLINK_BASE_URL", "http://127.0.0.1:8765");

    try (AccessLink client = AccessLink.fromEnv(env::get)) {
      assertThat(client.apiUrl()).isEqualTo(URI.create("http://127.0.0.1:8765/"));
      assertThat(client.authorizationUrl())
          .isEqualTo(URI.create("http://127.0.0.1:8765/oauth2/authorization"));
      assertThat(client.tokenUrl()).isEqualTo(URI.create("http://127.0.0.1:8765/v2/oauth2/token"));
    }
  }

  @Test
  void fromEnvNamesTheMissingVariable() {
    Map<String, String> env = Map.of("ACCESSLINK_CLIENT_ID", "id");

    assertThatThrownBy(() -> AccessLink.fromEnv(env::get))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("environment variable ACCESSLINK_CLIENT_SECRET is not set");
    assertThatThrownBy(() -> AccessLink.fromEnv(Map.of("ACCESSLINK_CLIENT_ID", " ")::get))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ACCESSLINK_CLIENT_ID");
  }

  @Test
  void closeReleasesTheThreads() throws Exception {
    AccessLink client = minimal().apiUrl(mock.server().url("/").uri()).build();
    UserClient user = client.user(AccessToken.of("t"));
    Thread worker = user.async().call(u -> Thread.currentThread()).get(5, TimeUnit.SECONDS);
    OkHttpClient okHttp = (OkHttpClient) user.context().retrofit().callFactory();
    mock.enqueueJson(200, "{\"polar-user-id\": 1}");
    user.context()
        .transport()
        .execute(user.context().create(UsersApi.class).getUser(1L), Replay.SAFE);
    assertThat(worker.isAlive()).isTrue();
    assertThat(okHttp.connectionPool().connectionCount()).isEqualTo(1);

    client.close();

    worker.join(5_000);
    assertThat(worker.isAlive()).as("async worker thread after close()").isFalse();
    assertThat(okHttp.dispatcher().executorService().isShutdown()).isTrue();
    assertThat(okHttp.connectionPool().connectionCount()).isZero();
  }

  @Test
  void aSuppliedOkHttpClientAndExecutorAreNotShutDown() throws Exception {
    OkHttpClient supplied = new OkHttpClient();
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      AccessLink client = minimal()
          .apiUrl(mock.server().url("/").uri())
          .httpClient(supplied)
          .asyncExecutor(executor)
          .build();
      client.close();

      assertThat(supplied.dispatcher().executorService().isShutdown()).isFalse();
      assertThat(executor.isShutdown()).isFalse();
      mock.enqueueStatus(204);
      try (Response response = supplied
          .newCall(new Request.Builder().url(mock.server().url("/ping")).build())
          .execute()) {
        assertThat(response.code()).isEqualTo(204);
      }
    } finally {
      executor.shutdown();
      supplied.dispatcher().executorService().shutdown();
      supplied.connectionPool().evictAll();
    }
  }

  @Test
  void aSuppliedOkHttpClientKeepsItsSettingsButNeverReplaysByItself() {
    OkHttpClient supplied =
        new OkHttpClient.Builder().readTimeout(7, TimeUnit.SECONDS).build();
    try (AccessLink client = minimal().httpClient(supplied).build()) {
      OkHttpClient derived =
          (OkHttpClient) client.user(AccessToken.of("t")).context().retrofit().callFactory();

      assertThat(derived.readTimeoutMillis()).isEqualTo(7_000);
      assertThat(derived.connectionPool()).isSameAs(supplied.connectionPool());
      assertThat(derived.retryOnConnectionFailure()).isFalse();
      assertThat(supplied.retryOnConnectionFailure()).isTrue();
    }
  }

  @Test
  void userDataCarriesTheBearerTokenAndPartnerCallsTheClientCredentials() {
    mock.enqueueJson(200, "{\"polar-user-id\": 1}")
        .enqueueStatus(204)
        .enqueueJson(400, "{\"error\":\"x\"}");
    AccessLink client = mock.client();
    UserClient user = mock.user();
    var transport = client.http().transport();

    transport.execute(user.context().create(UsersApi.class).getUser(1L), Replay.SAFE);
    transport.execute(
        client
            .http()
            .basic(client.clientId(), client.clientSecret().reveal())
            .create(NotificationsApi.class)
            .listNotifications(),
        Replay.SAFE);
    try {
      transport.execute(
          client
              .http()
              .tokenEndpoint(client.clientId(), client.clientSecret().reveal())
              .create(OAuthApi.class)
              .requestToken("authorization_code", "c", "https://app/cb"),
          Replay.NEVER);
    } catch (BadRequestException expected) {
      // the answer does not matter here
    }

    RecordedRequest userRead = mock.takeRequest();
    RecordedRequest partnerRead = mock.takeRequest();
    RecordedRequest tokenRequest = mock.takeRequest();
    assertThat(userRead.getHeaders().get("Authorization"))
        .isEqualTo("Bearer " + MockAccessLink.TOKEN);
    assertThat(partnerRead.getTarget()).isEqualTo("/v3/notifications");
    assertThat(partnerRead.getHeaders().get("Authorization")).isEqualTo(BASIC);
    assertThat(tokenRequest.getTarget()).isEqualTo("/v2/oauth2/token");
    assertThat(tokenRequest.getHeaders().get("Authorization")).isEqualTo(BASIC);
  }

  @Test
  void credentialsAreNotSentToAnotherHost() throws Exception {
    try (MockWebServer elsewhere = FastMockWebServer.create()) {
      elsewhere.start();
      elsewhere.enqueue(new MockResponse.Builder().body("x").build());
      elsewhere.enqueue(new MockResponse.Builder().body("y").build());
      AccessLink client = mock.client();
      var transport = client.http().transport();

      transport
          .execute(
              mock.user()
                  .context()
                  .create(ProbeApi.class)
                  .absolute(elsewhere.url("/v3/exercises/1").toString()),
              Replay.SAFE)
          .body()
          .orElseThrow()
          .close();
      transport
          .execute(
              client
                  .http()
                  .basic(client.clientId(), client.clientSecret().reveal())
                  .create(ProbeApi.class)
                  .absolute(elsewhere.url("/v3/users/1/activity-transactions").toString()),
              Replay.SAFE)
          .body()
          .orElseThrow()
          .close();

      RecordedRequest first = elsewhere.takeRequest(5, TimeUnit.SECONDS);
      RecordedRequest second = elsewhere.takeRequest(5, TimeUnit.SECONDS);
      assertThat(first.getHeaders().get("Authorization")).isNull();
      assertThat(second.getHeaders().get("Authorization")).isNull();
    }
  }

  @Test
  void aRedirectToAnotherHostIsRefusedAndNothingIsSentThere() throws Exception {
    try (MockWebServer elsewhere = FastMockWebServer.create()) {
      elsewhere.start();
      elsewhere.enqueue(
          new MockResponse.Builder().body("{\"polar-user-id\": 3}").build());
      mock.enqueue(new MockResponse.Builder()
          .code(302)
          .setHeader("Location", elsewhere.url("/v3/users/3"))
          .build());
      UserClient user = mock.user();

      assertThatThrownBy(() -> user.context()
              .transport()
              .execute(user.context().create(UsersApi.class).getUser(3L), Replay.SAFE))
          .isInstanceOf(RedirectRefusedException.class);

      assertThat(mock.takeRequest().getHeaders().get("Authorization")).startsWith("Bearer ");
      assertThat(elsewhere.getRequestCount()).isZero();
    }
  }

  @Test
  void theUserTokenIsNotSentToTheTokenEndpointsHost() throws Exception {
    try (MockWebServer tokenHost = FastMockWebServer.create()) {
      tokenHost.start();
      tokenHost.enqueue(new MockResponse.Builder().body("x").build());
      try (AccessLink client = minimal()
          .apiUrl(mock.server().url("/").uri())
          .tokenUrl(tokenHost.url("/v2/oauth2/token").uri())
          .build()) {
        UserClient user = client.user(AccessToken.of("user-token"));

        user.context()
            .transport()
            .execute(
                user.context()
                    .create(ProbeApi.class)
                    .absolute(tokenHost.url("/v3/x").toString()),
                Replay.SAFE)
            .body()
            .orElseThrow()
            .close();

        assertThat(tokenHost.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization"))
            .isNull();
      }
    }
  }

  @Test
  void toStringsHideTheSecret() {
    try (AccessLink client =
        minimal().apiUrl(URI.create("https://user:pass-word@api.example.com/")).build()) {
      assertThat(client.toString())
          .isEqualTo("AccessLink[clientId=id, clientSecret=██, apiUrl=https://api.example.com/]");
    }
    assertThat(ClientSecret.of("secret").toString()).isEqualTo("ClientSecret[██]");
    assertThat(mock.user().toString()).doesNotContain(MockAccessLink.TOKEN);
  }
}

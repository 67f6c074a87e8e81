package dev.accesslink4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.accesslink4j.errors.RedirectRefusedException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * API calls follow a redirect only for a GET within the origin they were sent to; a redirect to another origin
 * (another port, another host, plain HTTP after HTTPS) is a {@link RedirectRefusedException} naming the target's
 * origin, and the target is never contacted.
 */
class RedirectTest {
  private static final String SLEEP = "{\"date\":\"2025-01-01\",\"sleep_score\":80}";
  private static final LocalDate DAY = LocalDate.of(2025, 1, 1);

  @RegisterExtension
  final MockAccessLink mock =
      MockAccessLink.withRetries(RetryPolicy.defaults()); // refusals are never retried

  @TempDir
  Path dir;

  @Test
  void aGetRedirectedWithinItsOriginIsFollowedWithItsCredential() {
    mock.enqueue(new MockResponse.Builder()
        .code(301)
        .setHeader("Location", "/v3/users/sleep/moved")
        .build());
    mock.enqueueJson(200, SLEEP);

    assertThat(mock.user().sleep().get(DAY))
        .hasValueSatisfying(s -> assertThat(s.getSleepScore()).isEqualTo(80));

    mock.takeRequest();
    RecordedRequest followed = mock.takeRequest();
    assertThat(followed.getTarget()).isEqualTo("/v3/users/sleep/moved");
    assertThat(followed.getHeaders().get("Authorization"))
        .isEqualTo("Bearer " + MockAccessLink.TOKEN);
  }

  @Test
  void aRedirectToAnotherPortIsRefusedAndNothingIsSentThere() throws Exception {
    try (MockWebServer other = FastMockWebServer.create()) {
      other.start();
      other.enqueue(new MockResponse.Builder().body(SLEEP).build());
      mock.enqueue(
          redirect(other.url("/v3/users/sleep/2025-01-01?access_token=leaked").toString()));

      RedirectRefusedException e = catchThrowableOfType(
          RedirectRefusedException.class, () -> mock.user().sleep().get(DAY));

      URI target = URI.create("http://localhost:" + other.getPort());
      assertThat(e.target()).isEqualTo(target);
      assertThat(e.status()).isEqualTo(302);
      assertThat(e.path()).isEqualTo("/v3/users/sleep/2025-01-01");
      assertThat(e)
          .hasMessage(
              "GET /v3/users/sleep/2025-01-01 failed with HTTP 302. It redirects to " + target
                  + ", which the SDK does not follow: it leaves the origin http://localhost:"
                  + mock.server().getPort()
                  + " the request was sent to")
          .hasMessageNotContaining("leaked");
      assertThat(other.getRequestCount()).isZero();
      assertThat(mock.server().getRequestCount()).isEqualTo(1); // not retried
    }
  }

  @Test
  void aRedirectToAnotherHostOnTheSamePortIsRefused() {
    String otherHost = mock.server().getHostName().equals("localhost") ? "127.0.0.1" : "localhost";
    mock.enqueue(redirect(
        "http://" + otherHost + ":" + mock.server().getPort() + "/v3/users/sleep/2025-01-01"));
    mock.enqueueJson(200, SLEEP); // what the same server would answer if the redirect were followed

    RedirectRefusedException e = catchThrowableOfType(
        RedirectRefusedException.class, () -> mock.user().sleep().get(DAY));

    assertThat(e.target())
        .isEqualTo(URI.create("http://" + otherHost + ":" + mock.server().getPort()));
    assertThat(mock.server().getRequestCount()).isEqualTo(1);
  }

  @Test
  void anHttpsAnswerRedirectedToPlainHttpIsRefused() throws Exception {
    LocalTls tls = LocalTls.create(dir);
    OkHttpClient trusting = tls.trustingClient();
    try (MockWebServer https = new MockWebServer();
        MockWebServer plain = FastMockWebServer.create()) {
      https.useHttps(tls.serverSocketFactory());
      https.start();
      plain.start();
      plain.enqueue(new MockResponse.Builder().body(SLEEP).build());
      https.enqueue(
          redirect("/v3/users/sleep/moved")); // within the origin: followed, so TLS itself works
      https.enqueue(new MockResponse.Builder()
          .setHeader("Content-Type", "application/json")
          .body(SLEEP)
          .build());
      https.enqueue(redirect("http://localhost:" + plain.getPort() + "/v3/users/sleep/2025-01-01"));
      https.enqueue(redirect("http://localhost:" + https.getPort() + "/v3/users/sleep/2025-01-01"));

      try (AccessLink client = AccessLink.builder()
          .clientId("id")
          .clientSecret(ClientSecret.of("secret"))
          .apiUrl(https.url("/").uri())
          .httpClient(trusting)
          .build()) {
        UserClient user = client.user(AccessToken.of("t"));
        assertThat(user.sleep().get(DAY)).isPresent();

        RedirectRefusedException toOtherPort = catchThrowableOfType(
            RedirectRefusedException.class, () -> user.sleep().get(DAY));
        RedirectRefusedException samePort = catchThrowableOfType(
            RedirectRefusedException.class, () -> user.sleep().get(DAY));

        assertThat(toOtherPort.target())
            .isEqualTo(URI.create("http://localhost:" + plain.getPort()));
        assertThat(toOtherPort)
            .hasMessageEndingWith(
                "it downgrades https://localhost:" + https.getPort() + " to plain HTTP");
        assertThat(samePort.target().getScheme()).isEqualTo("http");
        assertThat(samePort).hasMessageEndingWith("to plain HTTP");
      }
      assertThat(plain.getRequestCount()).isZero();
      assertThat(https.getRequestCount()).isEqualTo(4);
    } finally {
      trusting.dispatcher().executorService().shutdown();
      trusting.connectionPool().evictAll();
    }
  }

  @Test
  void aDownloadRedirectedToAnotherHostIsRefusedAndLeavesNoFile() throws Exception {
    try (MockWebServer cdn = FastMockWebServer.create()) {
      cdn.start();
      cdn.enqueue(new MockResponse.Builder()
          .body(new Buffer().write(TestFiles.garminFit()))
          .build());
      mock.enqueue(redirect(cdn.url("/files/abc.fit").toString()));

      RedirectRefusedException e = catchThrowableOfType(
          RedirectRefusedException.class,
          () -> mock.user().exercises().fit("abc", dir.resolve("abc.fit")));

      assertThat(e.target()).isEqualTo(URI.create("http://localhost:" + cdn.getPort()));
      assertThat(cdn.getRequestCount()).isZero();
      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files).isEmpty();
      }
    }
  }

  @Test
  void aRequestOtherThanGetDoesNotFollowEvenWithinItsOrigin() {
    mock.enqueue(new MockResponse.Builder()
        .code(307)
        .setHeader("Location", "/v3/users/again")
        .build());

    RedirectRefusedException e = catchThrowableOfType(
        RedirectRefusedException.class, () -> mock.user().users().register("member-1"));

    assertThat(e).hasMessageEndingWith("only a GET follows a redirect, and this is a POST");
    assertThat(mock.server().getRequestCount()).isEqualTo(1);
  }

  @Test
  void atMostFiveRedirectsAreFollowed() {
    for (int i = 1; i <= 6; i++) {
      mock.enqueue(redirect("/v3/users/sleep/hop-" + i));
    }

    RedirectRefusedException e = catchThrowableOfType(
        RedirectRefusedException.class, () -> mock.user().sleep().get(DAY));

    assertThat(e).hasMessageEndingWith("it is redirect number 6, and at most 5 are followed");
    assertThat(mock.server().getRequestCount()).isEqualTo(6);
  }

  private static MockResponse redirect(String location) {
    return new MockResponse.Builder().code(302).setHeader("Location", location).build();
  }
}

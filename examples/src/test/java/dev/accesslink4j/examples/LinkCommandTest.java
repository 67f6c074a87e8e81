package dev.accesslink4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accesslink4j.AccessToken;
import dev.accesslink4j.oauth.FileTokenStore;
import dev.accesslink4j.testkit.FakeAccessLink;
import dev.accesslink4j.testkit.FakeAccessLinkOptions;
import dev.accesslink4j.testkit.FakeUser;
import dev.accesslink4j.testkit.Route;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code link} end to end: the printed authorization URL is opened by a "browser" (OkHttp following redirects), the
 * fake answers 302 to the command's callback server, and the command exchanges the code, registers the user and
 * saves the token.
 */
class LinkCommandTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;

  private final OkHttpClient browser = new OkHttpClient.Builder().followRedirects(true).build();
  private FakeAccessLink fake;
  private int port;
  private Path tokens;

  @BeforeEach
  void setUp() throws IOException {
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    fake =
        FakeAccessLink.start(
            FakeAccessLinkOptions.builder()
                .demoUserDays(0)
                .redirectUris("http://localhost:" + port + "/oauth2_callback")
                .build());
    tokens = dir.resolve("secrets").resolve("tokens.json");
  }

  @AfterEach
  void tearDown() {
    fake.close();
  }

  private Cli.Background link(String... extra) {
    String[] base = {
      "link",
      "--client-id", fake.clientId(),
      "--auth-url", fake.authorizationUrl(),
      "--token-url", fake.tokenUrl(),
      "--api-url", fake.baseUrl(),
      "--callback-port", Integer.toString(port),
      "--token-store", tokens.toString(),
      "--timeout", "20"
    };
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return new Cli.Background(Map.of("POLAR_CLIENT_SECRET", fake.clientSecret()), args);
  }

  @Test
  void linksTheUserThroughTheRedirects() throws Exception {
    FakeUser demo = fake.demoUser();
    Cli.Background run = link();
    String url = run.out.await(l -> l.startsWith(fake.authorizationUrl()), WAIT);

    // a callback that does not answer this authorization is refused, and the command keeps waiting
    try (Response forged = get("http://localhost:" + port + "/oauth2_callback?code=stolen&state=forged")) {
      assertThat(forged.code()).isEqualTo(400);
    }
    try (Response page = get(url)) {
      assertThat(page.priorResponse()).isNotNull();
      assertThat(page.priorResponse().code()).isEqualTo(302);
      assertThat(page.request().url().port()).isEqualTo(port);
      assertThat(page.code()).isEqualTo(200);
      assertThat(page.body().string()).contains("Polar user " + demo.polarUserId() + " is linked");
    }

    assertThat(run.exitCode()).isZero();
    assertThat(run.out.lines())
        .contains("linked Polar user " + demo.polarUserId() + ", registered as polar-" + demo.polarUserId()
            + "; token saved in " + tokens);
    assertThat(demo.registered()).isTrue();
    assertThat(demo.memberId()).contains("polar-" + demo.polarUserId());
    assertThat(fake.requests(Route.OAUTH_TOKEN)).hasSize(1);
    assertThat(fake.requests(Route.REGISTER_USER)).hasSize(1);
    AccessToken saved = FileTokenStore.of(tokens).load("polar-" + demo.polarUserId()).orElseThrow();
    assertThat(saved.userId()).hasValue(demo.polarUserId());
    assertThat(Files.getPosixFilePermissions(tokens)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(run.out.text() + run.err.text()).doesNotContain(saved.reveal()).doesNotContain(fake.clientSecret());
  }

  @Test
  void anAlreadyRegisteredUserIsLinkedUnderTheGivenMemberId() throws Exception {
    FakeUser member = fake.addUser("crm-7");
    fake.nextAuthorizationFor(member);
    Cli.Background run = link("--member-id", "crm-7");
    try (Response page = get(run.out.await(l -> l.startsWith(fake.authorizationUrl()), WAIT))) {
      assertThat(page.code()).isEqualTo(200);
    }

    assertThat(run.exitCode()).isZero();
    assertThat(run.out.text()).contains("linked Polar user " + member.polarUserId() + ", already registered as crm-7");
    assertThat(FileTokenStore.of(tokens).load("crm-7")).isPresent();
  }

  @Test
  void aDeclinedAuthorizationExitsWithOneLineAndSavesNothing() throws Exception {
    fake.denyNextAuthorization();
    Cli.Background run = link();
    try (Response page = get(run.out.await(l -> l.startsWith(fake.authorizationUrl()), WAIT))) {
      assertThat(page.code()).isEqualTo(400);
    }

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err.lines()).hasSize(1);
    assertThat(run.err.lines().get(0)).startsWith("error: ").contains("access_denied");
    assertThat(tokens).doesNotExist();
    assertThat(fake.requests(Route.OAUTH_TOKEN)).isEmpty();
  }

  @Test
  void aBusyCallbackPortIsAnErrorNamingThePort() throws Exception {
    try (ServerSocket busy = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
      assertThat(busy.isBound()).isTrue();
      Cli.Background run = link();
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.err.text()).startsWith("error: cannot listen on port " + port);
    }
  }

  private Response get(String url) throws IOException {
    return browser.newCall(new Request.Builder().url(url).build()).execute();
  }
}

package dev.accesslink4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accesslink4j.AccessToken;
import dev.accesslink4j.oauth.FileTokenStore;
import dev.accesslink4j.testkit.FakeAccessLink;
import dev.accesslink4j.testkit.FakeAccessLinkOptions;
import dev.accesslink4j.testkit.FakeUser;
import dev.accesslink4j.testkit.Route;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code link} end to end: the printed authorization URL is opened by a "browser" (OkHttp following redirects), the
 * fake answers 302 to the command's callback server, and the command exchanges the code, registers the user and
 * saves the token.
 */
class LinkCommandTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir
  Path dir;

  private final OkHttpClient browser =
      new OkHttpClient.Builder().followRedirects(true).build();
  private FakeAccessLink fake;
  private int port;
  private Path tokens;

  @BeforeEach
  void setUp() throws IOException {
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    fake = FakeAccessLink.start(FakeAccessLinkOptions.builder()
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
      "--client-id",
      fake.clientId(),
      "--auth-url",
      fake.authorizationUrl(),
      "--token-url",
      fake.tokenUrl(),
      "--api-url",
      fake.baseUrl(),
      "--callback-port",
      Integer.toString(port),
      "--token-store",
      tokens.toString(),
      "--timeout",
      "20"
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
    try (Response forged =
        get("http://localhost:" + port + "/oauth2_callback?code=stolen&state=forged")) {
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
        .contains("linked Polar user " + demo.polarUserId() + ", registered as polar-"
            + demo.polarUserId() + "; token saved in " + tokens);
    assertThat(demo.registered()).isTrue();
    assertThat(demo.memberId()).contains("polar-" + demo.polarUserId());
    assertThat(fake.requests(Route.OAUTH_TOKEN)).hasSize(1);
    assertThat(fake.requests(Route.REGISTER_USER)).hasSize(1);
    AccessToken saved =
        FileTokenStore.of(tokens).load("polar-" + demo.polarUserId()).orElseThrow();
    assertThat(saved.userId()).hasValue(demo.polarUserId());
    assertThat(Files.getPosixFilePermissions(tokens))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(run.out.text() + run.err.text())
        .doesNotContain(saved.reveal())
        .doesNotContain(fake.clientSecret());
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
    assertThat(run.out.text())
        .contains("linked Polar user " + member.polarUserId() + ", already registered as crm-7");
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

  @Test
  void anErrorCallbackWithoutTheStateIsRefusedAndLinkWaitsForTheRealOne() throws Exception {
    FakeUser demo = fake.demoUser();
    Cli.Background run = link();
    String url = run.out.await(l -> l.startsWith(fake.authorizationUrl()), WAIT);
    String callback = "http://localhost:" + port + "/oauth2_callback";

    // a forged "the user declined" link: without the state, or with another one, it ends nothing
    try (Response forged =
        get(callback + "?error=access_denied&error_description=%1B%5B2Jgo+away")) {
      assertThat(forged.code()).isEqualTo(400);
      assertThat(forged.body().string()).contains("carries no state").doesNotContain("\u001b");
    }
    try (Response forged = get(callback + "?error=access_denied&state=forged")) {
      assertThat(forged.code()).isEqualTo(400);
    }
    assertThat(run.out.text()).doesNotContain("linked");

    try (Response page = get(url)) {
      assertThat(page.code()).isEqualTo(200);
    }
    assertThat(run.exitCode()).isZero();
    assertThat(run.err.text()).isEmpty();
    assertThat(FileTokenStore.of(tokens).findByUserId(demo.polarUserId())).isPresent();
  }

  @Test
  void polarsErrorTextReachesTheTerminalWithoutItsControlCharacters() throws Exception {
    Cli.Background run = link();
    String url = run.out.await(l -> l.startsWith(fake.authorizationUrl()), WAIT);
    String state = url.replaceAll(".*[?&]state=([^&]*).*", "$1");
    // clear screen and home, red, and a window title, as an error code and description with the
    // right state
    String query =
        "error=%1B%5B2J%1B%5BHaccess_denied%1B%5B31m&error_description=%1B%5D0%3Bpwned%07%C2%9B2J%E2%80%AE"
            + "txt.exe&state=" + state;
    try (Response page = get("http://localhost:" + port + "/oauth2_callback?" + query)) {
      assertThat(page.code()).isEqualTo(400);
    }

    assertThat(run.exitCode()).isEqualTo(1);
    String printed = run.out.text() + run.err.text();
    assertThat(printed.chars().filter(c -> c != '\n' && TerminalText.isUnsafe((char) c)))
        .isEmpty();
    assertThat(run.err.lines()).hasSize(1);
    assertThat(run.err.lines().get(0))
        .startsWith("error: Authorization failed (\\u001B[2J\\u001B[Haccess_denied\\u001B[31m)")
        .contains("\\u001B]0;pwned\\u0007\\u009B2J\\u202Etxt.exe");
    assertThat(tokens).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "null", "{\"version\": 99, \"tokens\": {}}"})
  void aDamagedTokenStoreStopsLinkBeforeTheUserIsSentToPolar(String content) throws Exception {
    Files.createDirectories(tokens.getParent());
    Files.writeString(tokens, content);

    Cli.Background run = link();

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err.lines()).hasSize(1);
    assertThat(run.err.lines().get(0))
        .startsWith("error: token store " + tokens + " is unusable: ");
    assertThat(run.out.text()).doesNotContain(fake.authorizationUrl());
    assertThat(fake.requests(Route.OAUTH_TOKEN)).isEmpty();
    assertThat(Files.readString(tokens)).isEqualTo(content);
  }

  @Test
  void aStalledConnectionOnTheCallbackPortDoesNotHoldUpTheRealCallback() throws Exception {
    Cli.Background run = link();
    String url = run.out.await(l -> l.startsWith(fake.authorizationUrl()), WAIT);
    try (Socket stalled = new Socket(InetAddress.getLoopbackAddress(), port)) {
      stalled
          .getOutputStream()
          .write("GET /oauth2_callback?code=".getBytes(StandardCharsets.US_ASCII));
      stalled.getOutputStream().flush();

      try (Response page = get(url)) {
        assertThat(page.code()).isEqualTo(200);
      }
      // the real callback did not wait for the stalled one to be dropped (408 after 5 s): that has
      // not happened yet
      assertThat(stalled.getInputStream().available()).isZero();
      assertThat(stalled.isClosed()).isFalse();
    }
    assertThat(run.exitCode()).isZero();
  }

  private Response get(String url) throws IOException {
    return browser.newCall(new Request.Builder().url(url).build()).execute();
  }
}

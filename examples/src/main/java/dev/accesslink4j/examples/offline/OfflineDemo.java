package dev.accesslink4j.examples.offline;

import dev.accesslink4j.AccessLink;
import dev.accesslink4j.ClientSecret;
import dev.accesslink4j.RateBudget;
import dev.accesslink4j.examples.link.CallbackServer;
import dev.accesslink4j.examples.link.LinkFlow;
import dev.accesslink4j.examples.link.LinkResult;
import dev.accesslink4j.oauth.FileTokenStore;
import dev.accesslink4j.testkit.FakeAccessLink;
import dev.accesslink4j.testkit.FakeAccessLinkOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The offline demo behind {@code sync} without client credentials: starts the testkit's fake AccessLink with a demo
 * user who has two weeks of data, links that user through the real OAuth2 redirect flow (authorization URL, the
 * fake's 302, a local callback server on a free port, code exchange, registration), with the token in a temporary
 * token store, and hands out a client pointed at the fake. Closing it stops the fake and deletes the token store.
 */
public final class OfflineDemo implements AutoCloseable {
  /** How many days of data the demo user has. */
  public static final int DEMO_DAYS = 14;
  /** The member id the demo user is registered under. */
  public static final String DEMO_MEMBER_ID = "demo-member";

  private static final long SEED = 42;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final FakeAccessLink fake;
  private final AccessLink client;
  private final Path tempDir;
  private final FileTokenStore tokens;
  private final LinkResult linked;

  private OfflineDemo(
      FakeAccessLink fake,
      AccessLink client,
      Path tempDir,
      FileTokenStore tokens,
      LinkResult linked) {
    this.fake = fake;
    this.client = client;
    this.tempDir = tempDir;
    this.tokens = tokens;
    this.linked = linked;
  }

  /**
   * Starts the fake and links its demo user. The fake's "today" is this machine's today, so the data covers the
   * last {@link #DEMO_DAYS} days and a rerun on the same day sees the same data.
   *
   * @return the running demo
   * @throws InterruptedException when interrupted while linking
   * @throws UncheckedIOException when a server cannot start or the temporary token store cannot be created
   */
  public static OfflineDemo start() throws InterruptedException {
    ZoneId zone = ZoneId.systemDefault();
    FakeAccessLink fake = null;
    AccessLink client = null;
    Path tempDir = null;
    try (CallbackServer callback =
        CallbackServer.start(InetAddress.getLoopbackAddress(), 0, CallbackServer.DEFAULT_PATH)) {
      URI redirect = callback.uri(InetAddress.getLoopbackAddress().getHostAddress());
      FakeAccessLinkOptions.Builder options = FakeAccessLinkOptions.builder()
          .seed(SEED)
          .zone(zone)
          .today(LocalDate.now(zone))
          .demoUserDays(DEMO_DAYS)
          .redirectUris(redirect.toString());
      fake = startFake(options);
      client = AccessLink.builder()
          .clientId(fake.clientId())
          .clientSecret(ClientSecret.of(fake.clientSecret()))
          .apiUrl(URI.create(fake.baseUrl()))
          .authorizationUrl(URI.create(fake.authorizationUrl()))
          .tokenUrl(URI.create(fake.tokenUrl()))
          .rateBudget(RateBudget.inProcess(1)) // as the CLI paces a real client
          .build();
      tempDir = Files.createTempDirectory("accesslink-demo-");
      FileTokenStore tokens = FileTokenStore.of(tempDir.resolve("tokens.json"));
      LinkResult linked = new LinkFlow(client, tokens)
          .link(callback, redirect, DEMO_MEMBER_ID, OfflineDemo::follow, TIMEOUT);
      return new OfflineDemo(fake, client, tempDir, tokens, linked);
    } catch (IOException e) {
      close(fake, client, tempDir);
      throw new UncheckedIOException("cannot start the offline demo", e);
    } catch (RuntimeException | InterruptedException e) {
      close(fake, client, tempDir);
      throw e;
    }
  }

  /** Any free port: the fake's data does not depend on it, so a rerun's files stay byte-identical. */
  private static FakeAccessLink startFake(FakeAccessLinkOptions.Builder options) {
    return FakeAccessLink.start(options.port(0).build());
  }

  /** Plays the browser: opens the authorization URL and follows the fake's redirect to the callback server. */
  private static void follow(URI authorizationUrl) {
    HttpClient browser = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
    try {
      browser.send(
          HttpRequest.newBuilder(authorizationUrl).timeout(TIMEOUT).GET().build(),
          HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new UncheckedIOException("the demo browser could not follow the authorization URL", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while following the authorization URL", e);
    }
  }

  /**
   * The client, pointed at the fake with its client credentials.
   *
   * @return the client
   */
  public AccessLink client() {
    return client;
  }

  /**
   * The temporary token store holding the demo user's token.
   *
   * @return the store
   */
  public FileTokenStore tokens() {
    return tokens;
  }

  /**
   * The linked demo user.
   *
   * @return the result of the link flow
   */
  public LinkResult linked() {
    return linked;
  }

  /**
   * The fake's base URL.
   *
   * @return for example {@code http://127.0.0.1:53211/}
   */
  public String baseUrl() {
    return fake.baseUrl();
  }

  /** Stops the client and the fake and deletes the temporary token store. */
  @Override
  public void close() {
    close(fake, client, tempDir);
  }

  private static void close(
      @Nullable FakeAccessLink fake, @Nullable AccessLink client, @Nullable Path tempDir) {
    if (client != null) {
      client.close();
    }
    if (fake != null) {
      fake.close();
    }
    if (tempDir != null) {
      try (Stream<Path> files = Files.walk(tempDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // best effort: the directory is in the system's temporary folder
      }
    }
  }
}

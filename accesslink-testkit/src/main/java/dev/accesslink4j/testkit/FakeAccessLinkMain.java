package dev.accesslink4j.testkit;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link FakeAccessLink} on its own, on loopback, until the process is stopped:
 * {@code java -cp <classpath> dev.accesslink4j.testkit.FakeAccessLinkMain [port [seed]]} (default port 8765).
 *
 * <p>It registers and seeds the demo user, then prints what a client needs: the base URL, the OAuth URLs, the client
 * id and secret (the fake's own test credentials, not secrets of anyone's), the registered redirect URIs, and the
 * demo user's access token. Besides {@link FakeAccessLinkOptions#DEFAULT_REDIRECT_URI} it registers
 * {@link #CLI_REDIRECT_URI}, the default of the examples' {@code accesslink link} command, so that command works
 * against it with only the printed URLs and credentials.
 */
public final class FakeAccessLinkMain {
  /** The port the standalone fake listens on when none is given. */
  public static final int DEFAULT_PORT = 8765;

  /**
   * The redirect URI {@code accesslink link} uses by default: its callback server on {@code --callback-port}
   * 5000, path {@code /oauth2_callback}.
   */
  public static final String CLI_REDIRECT_URI = "http://localhost:5000/oauth2_callback";

  private FakeAccessLinkMain() {}

  /**
   * Starts the fake and waits until the process is stopped (Ctrl-C closes it).
   *
   * @param args {@code [port [seed]]}: the port (default {@value #DEFAULT_PORT}, 0 for any free port) and the
   *     generator seed
   * @throws InterruptedException when interrupted while waiting
   */
  public static void main(String[] args) throws InterruptedException {
    FakeAccessLink fake = start(args, System.out);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(
            () -> {
              fake.close();
              stopped.countDown();
            },
            "fake-accesslink-shutdown"));
    stopped.await();
  }

  /**
   * Starts the standalone fake and prints how to reach it.
   *
   * @param args {@code [port [seed]]}
   * @param out where the connection details go
   * @return the running fake; the caller closes it
   * @throws NumberFormatException when the port or the seed is not a number
   */
  static FakeAccessLink start(String[] args, PrintStream out) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
    FakeAccessLinkOptions.Builder options = FakeAccessLinkOptions.builder()
        .port(port)
        .demoUserDays(14)
        .redirectUris(CLI_REDIRECT_URI, FakeAccessLinkOptions.DEFAULT_REDIRECT_URI);
    if (args.length > 1) {
      options.seed(Long.parseLong(args[1]));
    }
    FakeAccessLink fake = FakeAccessLink.start(options.build());
    FakeUser demo = fake.demoUser();
    demo.register("demo-member");
    String token = fake.issueToken(demo).reveal();
    out.println("Fake Polar AccessLink running (Ctrl-C to stop)");
    out.println("  base URL:          " + fake.baseUrl());
    out.println("  authorization URL: " + fake.authorizationUrl());
    out.println("  token URL:         " + fake.tokenUrl());
    out.println("  client id:         " + fake.clientId());
    out.println("  client secret:     " + fake.clientSecret());
    out.println("  redirect URIs:     " + String.join(", ", fake.redirectUris()));
    out.println("  demo user:         " + demo.polarUserId() + ", registered, 14 days of data");
    out.println("  demo access token: " + token);
    out.println(
        "  try: curl -H 'Authorization: Bearer " + token + "' " + fake.baseUrl() + "v3/exercises");
    out.println("  or:  accesslink link --client-id " + fake.clientId() + " --client-secret "
        + fake.clientSecret()
        + " --api-url " + fake.baseUrl() + " --auth-url " + fake.authorizationUrl()
        + " --token-url "
        + fake.tokenUrl());
    out.flush();
    return fake;
  }
}

package dev.accesslink4j.examples;

import dev.accesslink4j.AccessLink;
import dev.accesslink4j.examples.link.CallbackServer;
import dev.accesslink4j.examples.link.LinkFlow;
import dev.accesslink4j.examples.link.LinkResult;
import dev.accesslink4j.oauth.FileTokenStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code link}: checks the token store, sends a Polar user through the OAuth2 authorization, receives the redirect
 * on a local callback server, registers the user with the client and saves the token in the token store. A callback
 * without the authorization's state (a forged {@code ?error=} link, a stale tab) is answered 400 and the command
 * keeps waiting for the real one.
 */
@Command(
    name = "link",
    mixinStandardHelpOptions = true,
    header = "Links a Polar user and saves the access token.",
    description = {
      "Prints the authorization URL, waits for the browser's redirect on a local callback server, exchanges the"
          + " code, registers the user with the client (unless already registered) and saves the token in the"
          + " token store.",
      "The redirect URI (default http://localhost:<callback-port>/oauth2_callback) must be registered for the"
          + " client at https://admin.polaraccesslink.com."
    })
final class LinkCommand implements Callable<Integer> {
  @Spec
  private @Nullable CommandSpec spec;

  @Mixin
  private ClientOptions client = new ClientOptions();

  @Mixin
  private TokenStoreOption tokenStore = new TokenStoreOption();

  @Option(
      names = "--callback-port",
      paramLabel = "PORT",
      defaultValue = "5000",
      description = "The local port of the callback server (default: ${DEFAULT-VALUE}).")
  private int callbackPort;

  @Option(
      names = "--redirect-uri",
      paramLabel = "URI",
      description =
          "The redirect URI registered for the client (default: http://localhost:PORT/oauth2_callback);"
              + " the callback server listens on its path.")
  private @Nullable URI redirectUri;

  @Option(
      names = "--member-id",
      paramLabel = "ID",
      description =
          "Your own id for the user, the token store key (default: polar-<Polar user id>).")
  private @Nullable String memberId;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "600",
      description =
          "How long to wait for the callback (default: ${DEFAULT-VALUE}; a code is valid 10 minutes).")
  private long timeoutSeconds;

  @Override
  public Integer call() throws InterruptedException {
    CommandSpec command = Objects.requireNonNull(spec);
    if (callbackPort < 0 || callbackPort > 65535) {
      throw new ParameterException(
          command.commandLine(), "--callback-port must be between 0 and 65535");
    }
    if (timeoutSeconds < 1) {
      throw new ParameterException(command.commandLine(), "--timeout must be at least 1 second");
    }
    String path = redirectUri == null
            || redirectUri.getPath() == null
            || redirectUri.getPath().isEmpty()
        ? CallbackServer.DEFAULT_PATH
        : redirectUri.getPath();
    PrintWriter out = command.commandLine().getOut();
    // before the user is sent to Polar: a code works once, so a store found unusable after the
    // exchange loses it
    FileTokenStore tokens = tokenStore.openChecked();
    try (AccessLink accessLink = client.build(command);
        CallbackServer server = listen(path)) {
      URI redirect = redirectUri != null ? redirectUri : server.uri("localhost");
      LinkResult linked = new LinkFlow(accessLink, tokens)
          .link(
              server,
              redirect,
              memberId,
              url -> {
                out.println("Open this URL in a browser and allow access (waiting on port "
                    + server.port() + "):");
                out.println(url);
                out.flush();
              },
              Duration.ofSeconds(timeoutSeconds));
      out.println(describe(linked) + "; token saved in "
          + TerminalText.clean(tokens.file().toString()));
      out.flush();
      return 0;
    }
  }

  static String describe(LinkResult linked) {
    String how = linked.newlyRegistered() ? "registered" : "already registered";
    String member = linked.memberIdMatches()
        ? " as " + linked.memberId()
        : " (under another member id; stored as " + linked.memberId() + ")";
    return TerminalText.clean("linked Polar user " + linked.userId() + ", " + how + member);
  }

  private CallbackServer listen(String path) {
    try {
      return CallbackServer.start(InetAddress.getLoopbackAddress(), callbackPort, path);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen on port " + callbackPort
              + " for the callback (choose another with --callback-port)",
          e);
    }
  }
}

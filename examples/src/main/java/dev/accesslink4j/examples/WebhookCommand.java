package dev.accesslink4j.examples;

import dev.accesslink4j.AccessLink;
import dev.accesslink4j.RateBudget;
import dev.accesslink4j.examples.receiver.ReceiverLimits;
import dev.accesslink4j.examples.sync.FolderSync;
import dev.accesslink4j.examples.sync.PlainProgress;
import dev.accesslink4j.examples.sync.SharedDatabase;
import dev.accesslink4j.examples.sync.SyncNames;
import dev.accesslink4j.examples.sync.SyncOptions;
import dev.accesslink4j.examples.webhook.EventLines;
import dev.accesslink4j.examples.webhook.WebhookReceiver;
import dev.accesslink4j.oauth.FileTokenStore;
import dev.accesslink4j.sync.SyncReport;
import dev.accesslink4j.sync.UserSource;
import dev.accesslink4j.sync.jdbc.JdbcRateBudget;
import dev.accesslink4j.webhooks.DataEvent;
import dev.accesslink4j.webhooks.DeliveryDeduplicator;
import dev.accesslink4j.webhooks.WebhookDeduplicator;
import dev.accesslink4j.webhooks.WebhookEvent;
import dev.accesslink4j.webhooks.WebhookVerifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code webhook}: receives AccessLink webhook deliveries, verifies their signatures, prints each event and, with
 * {@code --sync}, syncs what the event names on the sync engine (an exercise event the user's exercises, a sleep
 * event that night; the token found by Polar user id), with the same folder and state file as {@code sync}. Each refused delivery is
 * one line on standard error, without the body, a header or the key. Stalled and slow clients are dropped at the
 * request deadline and never delay another delivery (see {@link WebhookReceiver}).
 */
@Command(
    name = "webhook",
    mixinStandardHelpOptions = true,
    header = "Receives AccessLink webhooks and prints (or syncs) each event.",
    description = {
      "Listens on --port, answers PINGs, verifies each delivery's signature with --secret (401 when it is missing"
          + " or wrong), prints each event, and with --sync syncs what the event names into --out (an EXERCISE"
          + " event the user's new exercises, a SLEEP event that date, ...), recorded in the same state file as"
          + " sync's (DIR/" + FolderSync.STATE_FILE
          + ", locked while the command runs). Runs until stopped"
          + " (Ctrl-C).",
      "With --state JDBC_URL several receivers (replicas behind a load balancer) share one PostgreSQL database:"
          + " a delivery one of them received is a duplicate for the others, and with --sync they share sync's"
          + " state, user leases and rate budget, as 'sync --state' does.",
      "Each refused delivery is one line on standard error. A client that has not sent its whole request within"
          + " 5 s is dropped; up to 256 connections are open at once, and a slow one holds no thread."
    })
final class WebhookCommand implements Callable<Integer> {
  @Spec
  private @Nullable CommandSpec spec;

  @Mixin
  private ClientOptions client = new ClientOptions();

  @Mixin
  private TokenStoreOption tokenStore = new TokenStoreOption();

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "5001",
      description = "The port to listen on, 0 for any free port (default: ${DEFAULT-VALUE}).")
  private int port;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      description =
          "The address to listen on (default: the loopback address; put a tunnel or reverse proxy in"
              + " front, or pass 0.0.0.0).")
  private @Nullable String bind;

  @Option(
      names = "--secret",
      paramLabel = "KEY",
      description =
          "The webhook's signature_secret_key (default: env ACCESSLINK_WEBHOOK_SECRET, alias"
              + " POLAR_WEBHOOK_SECRET; prefer the variable). Without it only PINGs are accepted.")
  private @Nullable String secret;

  @Option(
      names = "--sync",
      description = "Sync what each data event names (needs client credentials).")
  private boolean sync;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "accesslink-data",
      description = "The output folder for --sync (default: ./${DEFAULT-VALUE}).")
  private Path out = Path.of("accesslink-data");

  @Option(
      names = "--state",
      paramLabel = "JDBC_URL",
      description =
          "Share deliveries seen (and with --sync the state, user leases and rate budget) with other"
              + " receivers and sync workers in this PostgreSQL database. Credentials in the URL or in"
              + " ACCESSLINK_STATE_USER and ACCESSLINK_STATE_PASSWORD. Tables are created when missing.")
  private @Nullable String state;

  @Option(
      names = "--lease-ttl",
      paramLabel = "DURATION",
      defaultValue = "1m",
      description = "With --state and --sync: how long a user's lease lives unrenewed (default:"
          + " ${DEFAULT-VALUE}).")
  private String leaseTtl = "1m";

  @Option(names = "--state-user", hidden = true, description = "ACCESSLINK_STATE_USER")
  private @Nullable String stateUser;

  @Option(names = "--state-password", hidden = true, description = "ACCESSLINK_STATE_PASSWORD")
  private @Nullable String statePassword;

  @Option(
      names = "--days",
      paramLabel = "N",
      defaultValue = "7",
      hidden = true,
      description =
          "Ignored: each event names the dates to sync (kept so that older command lines run).")
  private int days;

  @Override
  public Integer call() throws InterruptedException {
    CommandSpec command = Objects.requireNonNull(spec);
    if (port < 0 || port > 65535) {
      throw new ParameterException(command.commandLine(), "--port must be between 0 and 65535");
    }
    if (days < 1 || days > 365) {
      throw new ParameterException(command.commandLine(), "--days must be between 1 and 365");
    }
    PrintWriter stdout = command.commandLine().getOut();
    PrintWriter stderr = command.commandLine().getErr();
    if (secret == null || secret.isBlank()) {
      stderr.println(
          "warning: no --secret (or ACCESSLINK_WEBHOOK_SECRET): only PINGs are accepted, every other"
              + " delivery is answered 401");
      stderr.flush();
    }
    Duration ttl = leaseTtl(command);
    FileTokenStore tokens = tokenStore.open();
    if (sync) {
      tokens.keys(); // a damaged store is an error now, not at the first event
    }
    try (SharedDatabase shared = state == null ? null : database(command, state);
        JdbcRateBudget sharedBudget =
            shared == null || !sync ? null : shared.rateBudget(tokens.keys().size());
        AccessLink accessLink = sync
            ? client.build(
                command,
                sharedBudget != null
                    ? sharedBudget
                    : RateBudget.inProcess(tokens.keys().size()))
            : null;
        FolderSync folder = accessLink == null
            ? null
            : openFolder(accessLink, tokens, shared, ttl, stdout, stderr);
        WebhookReceiver receiver = listen(
            verifier(),
            new Printer(folder, tokens, stdout, stderr),
            shared == null ? WebhookDeduplicator.create() : shared.deduplicator())) {
      String host = bind == null ? InetAddress.getLoopbackAddress().getHostAddress() : bind;
      stdout.println("listening for AccessLink webhooks on http://" + host + ":" + receiver.port()
          + "/" + (sync ? " (syncing each event's user into " + out + ")" : "")
          + (shared == null ? "" : "; deliveries shared in " + shared));
      stdout.flush();
      awaitShutdown(receiver);
      return 0;
    } catch (InterruptedException e) {
      stdout.println("stopped");
      stdout.flush();
      return 0;
    }
  }

  private WebhookVerifier verifier() {
    if (secret != null && !secret.isBlank()) {
      return WebhookVerifier.of(secret);
    }
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    return WebhookVerifier.of(
        HexFormat.of().formatHex(random)); // no delivery can match: PINGs only
  }

  private FolderSync openFolder(
      AccessLink accessLink,
      FileTokenStore tokens,
      @Nullable SharedDatabase shared,
      Duration ttl,
      PrintWriter stdout,
      PrintWriter stderr) {
    UserSource users = UserSource.fromTokenStore(tokens);
    PlainProgress progress = new PlainProgress(stdout, stderr);
    return shared == null
        ? FolderSync.open(accessLink, users, out, SyncOptions.everything(days), progress)
        : FolderSync.open(
            accessLink,
            users,
            out,
            SyncOptions.everything(days),
            progress,
            shared.stateStore(),
            shared.leases(ttl));
  }

  private Duration leaseTtl(CommandSpec command) {
    try {
      return SyncNames.duration(leaseTtl);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(command.commandLine(), "--lease-ttl: " + e.getMessage());
    }
  }

  private SharedDatabase database(CommandSpec command, String url) {
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new ParameterException(
          command.commandLine(),
          "--state takes a jdbc:postgresql: URL, not " + SharedDatabase.withoutQuery(url));
    }
    return SharedDatabase.open(url, stateUser, statePassword, 4);
  }

  private WebhookReceiver listen(
      WebhookVerifier verifier,
      WebhookReceiver.Listener listener,
      DeliveryDeduplicator deduplicator) {
    InetAddress address;
    try {
      address = bind == null ? InetAddress.getLoopbackAddress() : InetAddress.getByName(bind);
      return WebhookReceiver.start(
          new InetSocketAddress(address, port),
          verifier,
          listener,
          ReceiverLimits.defaults(),
          deduplicator);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen on " + (bind == null ? "" : bind + ":") + port, e);
    }
  }

  /** Prints each event (and syncs its user with --sync) and one line per refused delivery. */
  private final class Printer implements WebhookReceiver.Listener {
    private final @Nullable FolderSync folder;
    private final FileTokenStore tokens;
    private final PrintWriter stdout;
    private final PrintWriter stderr;

    Printer(
        @Nullable FolderSync folder,
        FileTokenStore tokens,
        PrintWriter stdout,
        PrintWriter stderr) {
      this.folder = folder;
      this.tokens = tokens;
      this.stdout = stdout;
      this.stderr = stderr;
    }

    @Override
    public void onEvent(WebhookEvent event, boolean duplicate) {
      synchronized (stdout) {
        stdout.println(
            duplicate
                ? "duplicate " + EventLines.describe(event) + " (already received; ignored)"
                : "event " + EventLines.describe(event));
        stdout.flush();
      }
      if (folder != null && !duplicate) {
        syncEvent(folder, tokens, event, stdout, stderr);
      }
    }

    @Override
    public void onRefused(WebhookReceiver.RefusedDelivery refused) {
      synchronized (stderr) {
        stderr.println(
            TerminalText.clean(refused.line())); // ids and fixed words only: no body, header or key
        stderr.flush();
      }
    }
  }

  /** Syncs what a data event names: its kind of its user (and its date, when it has one). */
  private static void syncEvent(
      FolderSync folder,
      FileTokenStore tokens,
      WebhookEvent event,
      PrintWriter stdout,
      PrintWriter err) {
    if (!(event instanceof DataEvent<?> data)) {
      return;
    }
    try {
      if (tokens.findByUserId(data.userId()).isEmpty()) {
        stdout.println("user " + data.userId() + " has no token in "
            + TerminalText.clean(tokens.file().toString()) + ": link the user to sync");
      } else {
        SyncReport report = folder.sync(data); // failures were printed as they happened
        report
            .stoppedUntil()
            .ifPresent(until -> err.println(
                "error: AccessLink's rate limit (the 24-hour" + " window) is spent until " + until
                    + ": this event's data was not synced; run sync after it"));
        for (long skipped : report.skipped()) {
          err.println(
              "error: user " + skipped + " skipped: its token was refused (HTTP 401) before;"
                  + " run 'link' again for this user");
        }
        stdout.println("synced " + report.items() + " items for " + report.users() + " users");
      }
    } catch (RuntimeException e) {
      err.println("error: sync of user " + data.userId() + " failed: " + Messages.oneLine(e));
    }
    stdout.flush();
    err.flush();
  }

  /** Blocks until the JVM shuts down (Ctrl-C) or this thread is interrupted. */
  private static void awaitShutdown(WebhookReceiver receiver) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(
        () -> {
          receiver.close();
          stopped.countDown();
        },
        "webhook-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      stopped.await();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down: the hook is running
      }
    }
  }
}

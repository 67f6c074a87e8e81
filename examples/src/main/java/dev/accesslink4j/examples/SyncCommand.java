package dev.accesslink4j.examples;

import dev.accesslink4j.AccessLink;
import dev.accesslink4j.RateBudget;
import dev.accesslink4j.examples.offline.OfflineDemo;
import dev.accesslink4j.examples.sync.FolderSync;
import dev.accesslink4j.examples.sync.Listeners;
import dev.accesslink4j.examples.sync.PendingData;
import dev.accesslink4j.examples.sync.RateLimitWaits;
import dev.accesslink4j.examples.sync.RunSummary;
import dev.accesslink4j.examples.sync.SharedDatabase;
import dev.accesslink4j.examples.sync.SyncNames;
import dev.accesslink4j.examples.sync.SyncOptions;
import dev.accesslink4j.examples.sync.SyncProgress;
import dev.accesslink4j.oauth.FileTokenStore;
import dev.accesslink4j.oauth.TokenStore;
import dev.accesslink4j.sync.ExerciseFormat;
import dev.accesslink4j.sync.StateStore;
import dev.accesslink4j.sync.SyncKind;
import dev.accesslink4j.sync.SyncReport;
import dev.accesslink4j.sync.SyncUser;
import dev.accesslink4j.sync.UserLeases;
import dev.accesslink4j.sync.UserSource;
import dev.accesslink4j.sync.jdbc.JdbcRateBudget;
import dev.accesslink4j.sync.jdbc.TokenKey;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sync}: every linked user's new AccessLink data into a folder, on the {@code accesslink-sync} engine
 * (several users at once, state in the folder, so a rerun reads only what is new). Without client credentials it
 * runs the offline demo against the embedded fake AccessLink.
 */
@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    header = "Syncs every linked user's AccessLink data into a folder.",
    description = {
      "Reads each linked user's exercises (the summary as JSON, and FIT, TCX and GPX files) and daily data"
          + " (activity, sleep, Nightly Recharge, continuous heart rate, cardio load, SleepWise, biosensing) and"
          + " physical information, into DIR/<Polar user id>/<kind>/<id>.json and"
          + " DIR/<Polar user id>/exercises/<id>.fit|tcx|gpx, several users at once.",
      "What was synced is recorded in DIR/" + FolderSync.STATE_FILE
          + " (locked while a sync runs), so a rerun"
          + " reads only what is new: one request per user and kind when nothing is, and it rewrites no file whose"
          + " content is unchanged. Delete that file to read everything again.",
      "First it reads AccessLink's pull notifications (one request, with the client credentials) to name users"
          + " with new data but no token here.",
      "Without --client-id (or ACCESSLINK_CLIENT_ID) it starts an embedded fake AccessLink, links its demo user"
          + " through the OAuth redirect flow and syncs that user: an offline demo."
    },
    footer = {
      "",
      "Exit codes: 0 success; 1 a kind of a user failed, a user must be linked again, or the notifications"
          + " failed; 2 usage error; " + RunSummary.EXIT_RATE_LIMITED
          + " stopped by AccessLink's rate limit"
          + " (run again after the time printed on standard error)."
    })
final class SyncCommand implements Callable<Integer> {
  private static final int MAX_DAYS = 365;
  private static final int MAX_CONCURRENCY = 256;

  @Spec
  private @Nullable CommandSpec spec;

  @Mixin
  private ClientOptions client = new ClientOptions();

  @Mixin
  private TokenStoreOption tokenStore = new TokenStoreOption();

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "accesslink-data",
      description = "The output folder (default: ./${DEFAULT-VALUE}).")
  private Path out = Path.of("accesslink-data");

  @Option(
      names = "--days",
      paramLabel = "N",
      defaultValue = "7",
      description =
          "How many days the first sync of a daily kind reads, today included (default: ${DEFAULT-VALUE}, at most"
              + " 365); later syncs go on from the last date read (its last two days again: Polar may still"
              + " update them).")
  private int days;

  @Option(
      names = "--kinds",
      paramLabel = "LIST",
      description = "The kinds to sync, comma-separated (default: all): exercises, activity, sleep,"
          + " nightly-recharge, continuous-heart-rate, cardio-load, sleepwise-alertness,"
          + " sleepwise-circadian-bedtime, body-temperature, skin-temperature, skin-contacts, ecg, spo2,"
          + " physical-info.")
  private @Nullable String kinds;

  @Option(
      names = "--formats",
      paramLabel = "LIST",
      description =
          "The files downloaded for each new exercise, comma-separated among fit, tcx, gpx (default:"
              + " all three; one request each), or none for the summaries only.")
  private @Nullable String formats;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      description =
          "How many users are synced at once, 1 to 256 (default: the engine's, 16; each user also"
              + " downloads up to 4 exercises' files at once). Lower it for a small rate budget.")
  private @Nullable Integer concurrency;

  @Option(
      names = "--state",
      paramLabel = "JDBC_URL",
      description = "Keep the state in a PostgreSQL database instead of DIR/"
          + FolderSync.STATE_FILE + ", shared"
          + " by several sync workers: users are leased (one worker per user at a time; a held user is skipped,"
          + " busy) and the rate budget is shared. Credentials in the URL or in ACCESSLINK_STATE_USER and"
          + " ACCESSLINK_STATE_PASSWORD. Tables are created when missing.")
  private @Nullable String state;

  @Option(
      names = "--lease-ttl",
      paramLabel = "DURATION",
      defaultValue = "1m",
      description =
          "With --state: how long a user's lease lives unrenewed (default: ${DEFAULT-VALUE}; 90s, 2m,"
              + " PT1M): the users of a worker that died are taken over after it.")
  private String leaseTtl = "1m";

  @Option(names = "--state-user", hidden = true, description = "ACCESSLINK_STATE_USER")
  private @Nullable String stateUser;

  @Option(names = "--state-password", hidden = true, description = "ACCESSLINK_STATE_PASSWORD")
  private @Nullable String statePassword;

  @Option(names = "--token-key", hidden = true, description = "ACCESSLINK_TOKEN_KEY")
  private @Nullable String tokenKey;

  @Option(
      names = "--json",
      description =
          "Print one line of JSON on standard output at the end and nothing else there (users, items,"
              + " files, bytes, requests, rateLimitWaits, failures, reLink, consentRequired, busy, stoppedUntil,"
              + " seconds); progress goes to standard error.")
  private boolean json;

  @Override
  public Integer call() throws InterruptedException {
    CommandSpec command = Objects.requireNonNull(spec);
    SyncOptions options = options(command);
    PrintWriter stdout = command.commandLine().getOut();
    PrintWriter log = json ? command.commandLine().getErr() : stdout;
    if (!client.hasClientId()) {
      if (client.hasUrls() || tokenStore.given() || state != null) {
        throw new ParameterException(
            command.commandLine(),
            "--api-url, --auth-url, --token-url, --token-store and --state need --client-id (or"
                + " ACCESSLINK_CLIENT_ID); without them sync runs the offline demo");
      }
      return offline(log, options);
    }
    client.check(command);
    Duration ttl = leaseTtl(command);
    int connections = options.concurrency().orElse(16) + 4;
    try (SharedDatabase stateDb = state == null ? null : database(command, state, connections);
        SharedDatabase tokenDb = tokenStore.jdbc() && !Objects.equals(tokenStore.location, state)
            ? database(command, Objects.requireNonNull(tokenStore.location), 4)
            : null) {
      SharedDatabase tokensIn = tokenDb != null ? tokenDb : stateDb;
      List<SyncUser> users = tokensIn != null && tokenStore.jdbc()
          ? linkedUsers(tokensIn.tokenStore(key(command)), tokensIn.toString())
          : linkedUsers(tokenStore.open());
      // paced against Polar's windows: the formula for the users known here, then what the answers'
      // headers say; with --state summed over every worker in the database
      try (JdbcRateBudget shared = stateDb == null ? null : stateDb.rateBudget(users.size());
          AccessLink accessLink =
              client.build(command, shared != null ? shared : RateBudget.inProcess(users.size()))) {
        return sync(
            accessLink,
            users,
            options,
            stateDb == null ? null : new Shared(stateDb.stateStore(), stateDb.leases(ttl)));
      }
    }
  }

  /** A state and leases in a database, instead of the folder's state file. */
  private record Shared(StateStore state, UserLeases leases) {}

  private Duration leaseTtl(CommandSpec command) {
    try {
      return SyncNames.duration(leaseTtl);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(command.commandLine(), "--lease-ttl: " + e.getMessage());
    }
  }

  private SharedDatabase database(CommandSpec command, String url, int connections) {
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new ParameterException(
          command.commandLine(),
          "--state and --token-store take a jdbc:postgresql: URL, not "
              + SharedDatabase.withoutQuery(url));
    }
    return SharedDatabase.open(url, stateUser, statePassword, connections);
  }

  private TokenKey key(CommandSpec command) {
    if (tokenKey == null || tokenKey.isBlank()) {
      throw new ParameterException(
          command.commandLine(),
          "--token-store with a jdbc: URL needs the tokens' key in ACCESSLINK_TOKEN_KEY (base64 of 32"
              + " bytes)");
    }
    try {
      return TokenKey.fromBase64(tokenKey.strip());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          command.commandLine(), "ACCESSLINK_TOKEN_KEY is not base64 of a 32-byte key");
    }
  }

  /** The users of the token store; none is an error that says what to do. */
  private static List<SyncUser> linkedUsers(FileTokenStore tokens) {
    return linkedUsers(tokens, tokens.file().toString());
  }

  private static List<SyncUser> linkedUsers(TokenStore tokens, String shown) {
    List<SyncUser> users = UserSource.fromTokenStore(tokens).users();
    if (users.isEmpty()) {
      throw new IllegalStateException("no linked users in " + shown + ": run 'link' first");
    }
    return users;
  }

  private SyncOptions options(CommandSpec command) {
    if (days < 1 || days > MAX_DAYS) {
      throw new ParameterException(
          command.commandLine(), "--days must be between 1 and " + MAX_DAYS + ": " + days);
    }
    if (concurrency != null && (concurrency < 1 || concurrency > MAX_CONCURRENCY)) {
      throw new ParameterException(
          command.commandLine(),
          "--concurrency must be between 1 and " + MAX_CONCURRENCY + ": " + concurrency);
    }
    try {
      Set<SyncKind> chosenKinds =
          kinds == null ? EnumSet.allOf(SyncKind.class) : SyncNames.kinds(kinds);
      Set<ExerciseFormat> chosenFormats =
          formats == null ? EnumSet.allOf(ExerciseFormat.class) : SyncNames.formats(formats);
      return new SyncOptions(
          chosenKinds,
          chosenFormats,
          days,
          concurrency == null ? OptionalInt.empty() : OptionalInt.of(concurrency));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          command.commandLine(),
          (kinds != null && e.getMessage().startsWith("unknown kind") ? "--kinds: " : "--formats: ")
              + e.getMessage());
    }
  }

  private int offline(PrintWriter log, SyncOptions options) throws InterruptedException {
    log.println(
        "No client credentials (--client-id or ACCESSLINK_CLIENT_ID): offline demo against an embedded fake"
            + " AccessLink");
    log.flush();
    try (OfflineDemo demo = OfflineDemo.start()) {
      log.println("fake AccessLink at " + demo.baseUrl() + "; "
          + LinkCommand.describe(demo.linked()) + " through the OAuth redirect flow");
      log.flush();
      return sync(demo.client(), linkedUsers(demo.tokens()), options, null);
    }
  }

  private int sync(
      AccessLink accessLink, List<SyncUser> users, SyncOptions options, @Nullable Shared shared) {
    CommandSpec command = Objects.requireNonNull(spec);
    PrintWriter stdout = command.commandLine().getOut();
    PrintWriter stderr = command.commandLine().getErr();
    PrintWriter log = json ? stderr : stdout;
    PendingData pending =
        PendingData.read(accessLink, users.stream().map(SyncUser::userId).toList());
    pending.error().ifPresent(why -> println(stderr, "error: notifications: " + why));
    pending.lines().forEach(line -> println(log, line));

    RateLimitWaits waits = new RateLimitWaits();
    PrintStream barStream = json ? System.err : System.out;
    SyncReport report;
    long written;
    long unchanged;
    long start = System.nanoTime();
    try (SyncProgress progress = SyncProgress.of(
            System.console() != null,
            log,
            stderr,
            barStream,
            users.size(),
            options.kinds().size());
        FolderSync sync = shared == null
            ? FolderSync.open(
                accessLink, UserSource.of(users), out, options, Listeners.of(waits, progress))
            : FolderSync.open(
                accessLink,
                UserSource.of(users),
                out,
                options,
                Listeners.of(waits, progress),
                shared.state(),
                shared.leases())) {
      report = sync.run();
      written = sync.sink().written();
      unchanged = sync.sink().unchanged();
    }
    RunSummary summary = new RunSummary(
        report,
        waits.count(),
        Duration.ofNanos(System.nanoTime() - start),
        written,
        unchanged,
        pending);
    report(summary, stdout, stderr);
    return summary.exitCode();
  }

  /** The closing lines: problems on standard error, the summary (or the JSON line) on standard output. */
  private void report(RunSummary summary, PrintWriter stdout, PrintWriter stderr) {
    SyncReport report = summary.report();
    for (long userId : report.skipped()) {
      println(
          stderr,
          "error: user " + userId + " skipped: its token was refused (HTTP 401) in an"
              + " earlier run and has not changed; run 'link' again for this user");
    }
    for (long userId : report.busy()) {
      println(stderr, "warning: user " + userId + " skipped: another process is syncing it");
    }
    if (!report.failures().isEmpty()) {
      int n = report.failures().size();
      println(
          stderr,
          "error: " + n + (n == 1 ? " kind" : " kinds") + " of "
              + report.failures().stream().map(f -> f.userId()).distinct().count()
              + " user(s) failed; run sync again to finish (what was not synced is read again)");
    }
    report
        .stoppedUntil()
        .ifPresent(until -> println(
            stderr,
            "error: stopped by AccessLink's rate"
                + " limit (the 24-hour window is spent); run sync again after " + until));
    if (json) {
      println(stdout, summary.json());
    } else {
      println(
          stdout,
          "files in " + out + ": " + summary.written() + " written, " + summary.unchanged()
              + " unchanged");
      println(stdout, summary.lastLine());
    }
  }

  private static void println(PrintWriter out, String line) {
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }
}

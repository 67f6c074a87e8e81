package dev.accesslink4j.examples;

import dev.accesslink4j.AccessLink;
import dev.accesslink4j.examples.offline.OfflineDemo;
import dev.accesslink4j.examples.sync.DateWindow;
import dev.accesslink4j.examples.sync.LinkedUsers;
import dev.accesslink4j.examples.sync.ProgressReporter;
import dev.accesslink4j.examples.sync.SyncEngine;
import dev.accesslink4j.examples.sync.SyncReport;
import dev.accesslink4j.oauth.FileTokenStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
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
 * {@code sync}: downloads every linked user's data into a folder, resumably and idempotently. Without client
 * credentials it runs the offline demo against the embedded fake AccessLink.
 */
@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    header = "Syncs every linked user's AccessLink data into a folder.",
    description = {
      "Takes out the exercise (JSON, FIT, TCX, GPX), activity and physical information transactions, each"
          + " committed only once its items are on disk, then reads sleep, Nightly Recharge, continuous heart rate,"
          + " cardio load, SleepWise, biosensing and daily activity for the last --days days. Files go to"
          + " DIR/<Polar user id>/<kind>/<item id or date>. A rerun finishes what a failed run left and rewrites no"
          + " file whose content is unchanged.",
      "Without --client-id (or ACCESSLINK_CLIENT_ID) it starts an embedded fake AccessLink, links its demo user"
          + " through the OAuth redirect flow and syncs that user: an offline demo."
    })
final class SyncCommand implements Callable<Integer> {
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
          "How many days of non-transactional data to read, today included (default: ${DEFAULT-VALUE},"
              + " at most 365).")
  private int days;

  @Override
  public Integer call() throws InterruptedException {
    CommandSpec command = Objects.requireNonNull(spec);
    if (days < 1 || days > DateWindow.MAX_DAYS) {
      throw new ParameterException(
          command.commandLine(),
          "--days must be between 1 and " + DateWindow.MAX_DAYS + ": " + days);
    }
    PrintWriter stdout = command.commandLine().getOut();
    if (!client.hasClientId()) {
      if (client.hasUrls() || tokenStore.file != null) {
        throw new ParameterException(
            command.commandLine(),
            "--api-url, --auth-url, --token-url and --token-store need --client-id (or ACCESSLINK_CLIENT_ID);"
                + " without them sync runs the offline demo");
      }
      return offline(stdout);
    }
    FileTokenStore tokens = tokenStore.open();
    try (AccessLink accessLink = client.build(command)) {
      LinkedUsers linked = LinkedUsers.of(tokens);
      if (linked.users().isEmpty() && linked.problems().isEmpty()) {
        throw new IllegalStateException(
            "no linked users in " + tokens.file() + ": run 'link' first");
      }
      return sync(accessLink, linked);
    }
  }

  private int offline(PrintWriter stdout) throws InterruptedException {
    stdout.println(
        "No client credentials (--client-id or ACCESSLINK_CLIENT_ID): offline demo against an embedded fake"
            + " AccessLink");
    stdout.flush();
    try (OfflineDemo demo = OfflineDemo.start()) {
      stdout.println("fake AccessLink at " + demo.baseUrl() + "; "
          + LinkCommand.describe(demo.linked()) + " through the OAuth redirect flow");
      stdout.flush();
      return sync(demo.client(), LinkedUsers.of(demo.tokens()));
    }
  }

  private int sync(AccessLink accessLink, LinkedUsers linked) {
    CommandSpec command = Objects.requireNonNull(spec);
    PrintWriter stdout = command.commandLine().getOut();
    PrintWriter stderr = command.commandLine().getErr();
    ProgressReporter progress = ProgressReporter.of(stdout, stderr, System.console() != null);
    DateWindow window = DateWindow.lastDays(LocalDate.now(), days);
    SyncReport report = new SyncEngine(accessLink, out, window, progress).syncAll(linked);
    stdout.println("files in " + out + ": " + report.filesWritten() + " written, "
        + report.filesUnchanged() + " unchanged");
    if (!report.succeeded()) {
      stderr.println("error: " + report.failures().size()
          + (report.failures().size() == 1 ? " step" : " steps")
          + " failed; run sync again to finish (uncommitted transactions are offered again)");
      stderr.flush();
    }
    stdout.println(report.summary());
    stdout.flush();
    return report.succeeded() ? 0 : AccessLinkCli.EXIT_ERROR;
  }
}

package dev.accesslink4j.examples;

import dev.accesslink4j.AccessLink;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code accesslink} command line: {@code sync}, {@code link} and {@code webhook}. Run it with
 * {@code java -jar examples/target/accesslink-examples.jar sync}; without client credentials {@code sync} runs
 * against the embedded fake AccessLink, so it works offline.
 *
 * <p>Exit codes: 0 on success, 1 on an error (one line on standard error; the stack trace only with
 * {@code --verbose}), 2 on a usage error, and for {@code sync} 75 when AccessLink's rate limit stopped it.
 */
@Command(
    name = "accesslink",
    mixinStandardHelpOptions = true,
    versionProvider = AccessLinkCli.Version.class,
    synopsisSubcommandLabel = "COMMAND",
    description =
        "Links Polar users, syncs their AccessLink data to disk and receives AccessLink webhooks.",
    subcommands = {SyncCommand.class, LinkCommand.class, WebhookCommand.class},
    footer = {
      "",
      "Without --client-id (or ACCESSLINK_CLIENT_ID), sync runs offline against an embedded fake AccessLink.",
      "Exit codes: 0 success, 1 error, 2 usage error, 75 sync stopped by AccessLink's rate limit (run again"
          + " later)."
    })
public final class AccessLinkCli implements Runnable {
  /** Exit code of a failed command. */
  public static final int EXIT_ERROR = 1;
  /** Exit code of a command line that could not be parsed or is inconsistent. */
  public static final int EXIT_USAGE = 2;

  @Spec
  private @Nullable CommandSpec spec;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Print stack traces of errors.")
  private boolean verbose;

  private AccessLinkCli() {}

  /**
   * Runs the command line and exits the JVM with its exit code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(commandLine(System::getenv).execute(args));
  }

  /**
   * Builds the command line with its error handling; tests call {@link CommandLine#execute(String...)} on it.
   *
   * @param environment looks up environment variables ({@code ACCESSLINK_CLIENT_ID},
   *     {@code ACCESSLINK_CLIENT_SECRET}, {@code ACCESSLINK_WEBHOOK_SECRET}, or their {@code POLAR_} aliases); tests
   *     pass a map's {@code get}
   * @return the configured command line
   */
  public static CommandLine commandLine(Function<String, @Nullable String> environment) {
    Objects.requireNonNull(environment, "environment");
    CommandLine cmd = new CommandLine(new AccessLinkCli());
    cmd.setDefaultValueProvider(new EnvironmentDefaults(environment));
    cmd.setExecutionExceptionHandler(AccessLinkCli::handleError);
    cmd.setParameterExceptionHandler(AccessLinkCli::handleUsageError);
    return cmd;
  }

  @Override
  public void run() {
    throw new ParameterException(
        Objects.requireNonNull(spec).commandLine(), "Missing command: sync, link or webhook");
  }

  /** Prints the usage error, a suggestion for a mistyped option, and where to find help; answers exit code 2. */
  private static int handleUsageError(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("error: " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return EXIT_USAGE;
  }

  /** Prints one human line for a failure (the trace only with --verbose) and answers exit code 1. */
  private static int handleError(Exception e, CommandLine cmd, ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    err.println("error: " + Messages.oneLine(e));
    if (verbose(parsed)) {
      e.printStackTrace(TerminalText.safe(err)); // messages in a trace may quote a server
    }
    err.flush();
    return EXIT_ERROR;
  }

  private static boolean verbose(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }

  /** The version: the SDK jar's implementation version, or {@code dev} when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = AccessLink.class.getPackage().getImplementationVersion();
      return new String[] {"accesslink4j examples " + (version == null ? "dev" : version)};
    }
  }
}

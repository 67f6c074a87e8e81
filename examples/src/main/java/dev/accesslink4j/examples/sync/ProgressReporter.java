package dev.accesslink4j.examples.sync;

import java.io.PrintWriter;

/**
 * Tells the user how a sync is going: a progress bar on a terminal, one plain line per step otherwise (logs, pipes,
 * tests). Only ids, data kinds and counts are ever shown.
 */
public interface ProgressReporter {
  /**
   * A sync of {@code steps} steps (users times data kinds) begins.
   *
   * @param steps the total number of steps
   */
  void begin(int steps);

  /**
   * One step begins.
   *
   * @param userId the Polar user id
   * @param kind the data kind, for example {@code sleep}
   */
  void started(long userId, String kind);

  /**
   * One step finished.
   *
   * @param userId the Polar user id
   * @param kind the data kind
   * @param items how many items it synced
   */
  void finished(long userId, String kind, int items);

  /**
   * One step failed; the sync goes on with the next step unless the failure stops it.
   *
   * @param userId the Polar user id
   * @param kind the data kind
   * @param message a one-line description, without secrets
   */
  void failed(long userId, String kind, String message);

  /**
   * A failure that is not one user's step, such as an unusable token store entry.
   *
   * @param line a one-line description, without secrets
   */
  void error(String line);

  /**
   * An informational line, such as the notifications summary.
   *
   * @param line the line
   */
  void note(String line);

  /** The sync ended; a progress bar is completed and its line ended. */
  void end();

  /**
   * The reporter for a console: a progress bar when {@code terminal}, plain lines otherwise.
   *
   * @param out where progress goes
   * @param err where failures go
   * @param terminal whether {@code out} is an interactive terminal ({@code System.console() != null})
   * @return the reporter
   */
  static ProgressReporter of(PrintWriter out, PrintWriter err, boolean terminal) {
    return terminal ? new TerminalProgress(out, err) : new PlainProgress(out, err);
  }
}

package dev.accesslink4j.examples.sync;

import dev.accesslink4j.sync.SyncListener;
import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * What a user sees of a running sync, driven by the engine's {@link SyncListener} events: a progress bar on a
 * terminal ({@link BarProgress}), one plain line per event otherwise ({@link PlainProgress}), never both. Only ids,
 * kinds, counts and the engine's one-line failure reasons are shown, never a token.
 */
public interface SyncProgress extends SyncListener, AutoCloseable {
  /**
   * An informational line, such as a user with new data but no token.
   *
   * @param line the line (cleaned of control characters by the caller)
   */
  void note(String line);

  /**
   * A warning that is not a failed kind (on standard error, {@code warning: ...}).
   *
   * @param line the line
   */
  void warning(String line);

  /** Ends the display: the bar is completed and its line ended. */
  @Override
  void close();

  /**
   * The display for a run.
   *
   * @param terminal whether the output is an interactive terminal ({@code System.console() != null})
   * @param log where plain lines go (standard output, or standard error under {@code --json})
   * @param err where failures and warnings go
   * @param bar where a bar is drawn on a terminal (the stream behind {@code log})
   * @param users how many users the run has
   * @param kinds how many kinds each user has
   * @return the display
   */
  static SyncProgress of(
      boolean terminal, PrintWriter log, PrintWriter err, PrintStream bar, int users, int kinds) {
    return terminal
        ? BarProgress.start(bar, err, (long) users * kinds, -1, kinds)
        : new PlainProgress(log, err);
  }
}

package dev.accesslink4j.examples.sync;

import dev.accesslink4j.examples.TerminalText;
import java.io.PrintWriter;

/** Progress as plain lines, one per finished step: for logs, pipes and tests. */
final class PlainProgress implements ProgressReporter {
  private final PrintWriter out;
  private final PrintWriter err;

  PlainProgress(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public void begin(int steps) {}

  @Override
  public void started(long userId, String kind) {}

  @Override
  public void finished(long userId, String kind, int items) {
    out.println("user " + userId + " " + kind + ": " + items + (items == 1 ? " item" : " items"));
    out.flush();
  }

  @Override
  public void failed(long userId, String kind, String message) {
    err.println("error: user " + userId + " " + TerminalText.clean(kind) + ": "
        + TerminalText.clean(message));
    err.flush();
  }

  @Override
  public void error(String line) {
    err.println("error: " + TerminalText.clean(line));
    err.flush();
  }

  @Override
  public void note(String line) {
    out.println(TerminalText.clean(line));
    out.flush();
  }

  @Override
  public void end() {}
}

package dev.accesslink4j.examples.sync;

import dev.accesslink4j.examples.TerminalText;
import java.io.PrintWriter;

/**
 * A one-line progress bar redrawn in place with a carriage return: {@code [#######.......] 5/30 user 2278512 sleep
 * (41 items)}. Notes and failures are printed above it.
 */
final class TerminalProgress implements ProgressReporter {
  private static final int BAR_WIDTH = 24;

  private final PrintWriter out;
  private final PrintWriter err;
  private int steps;
  private int done;
  private int items;
  private String current = "starting";
  private int drawnLength;
  private boolean active;

  TerminalProgress(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public synchronized void begin(int steps) {
    this.steps = Math.max(steps, 1);
    active = true;
    draw();
  }

  @Override
  public synchronized void started(long userId, String kind) {
    current = "user " + userId + " " + kind;
    draw();
  }

  @Override
  public synchronized void finished(long userId, String kind, int count) {
    done++;
    items += count;
    draw();
  }

  @Override
  public synchronized void failed(long userId, String kind, String message) {
    clear();
    err.println("error: user " + userId + " " + TerminalText.clean(kind) + ": "
        + TerminalText.clean(message));
    err.flush();
    done++;
    draw();
  }

  @Override
  public synchronized void error(String line) {
    clear();
    err.println("error: " + TerminalText.clean(line));
    err.flush();
    draw();
  }

  @Override
  public synchronized void note(String line) {
    clear();
    out.println(TerminalText.clean(line));
    draw();
  }

  @Override
  public synchronized void end() {
    if (!active) {
      return;
    }
    current = "done";
    draw();
    out.println();
    out.flush();
    drawnLength = 0;
    active = false;
  }

  private void draw() {
    if (!active) {
      return;
    }
    int filled = Math.min(BAR_WIDTH, done * BAR_WIDTH / steps);
    String line = "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + done + "/"
        + steps + " " + current + " (" + items + (items == 1 ? " item)" : " items)");
    out.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
    out.flush();
    drawnLength = line.length();
  }

  private void clear() {
    if (drawnLength == 0) {
      return;
    }
    out.print("\r" + " ".repeat(drawnLength) + "\r");
    out.flush();
    drawnLength = 0;
  }
}

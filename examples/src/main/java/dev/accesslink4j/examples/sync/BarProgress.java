package dev.accesslink4j.examples.sync;

import dev.accesslink4j.RateBudget;
import dev.accesslink4j.examples.TerminalText;
import dev.accesslink4j.sync.SyncFailure;
import dev.accesslink4j.sync.SyncFile;
import dev.accesslink4j.sync.SyncItem;
import dev.accesslink4j.sync.SyncKind;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;

/**
 * A progress bar on a terminal (me.tongfei:progressbar): one line redrawn in place within the terminal's width, with
 * the user and kind pairs done, elapsed time, ETA, and the items, files and bytes delivered so far. Failures,
 * warnings and notes are printed above it (the bar's line is cleared first and redrawn after), so no stale text is
 * left on a narrow terminal.
 */
public final class BarProgress implements SyncProgress {
  private final ProgressBar bar;
  private final AboveBar consumer;
  private final PrintWriter err;
  private final int kindsPerUser;
  private final Map<Long, AtomicInteger> doneByUser = new ConcurrentHashMap<>();
  private final AtomicLong items = new AtomicLong();
  private final AtomicLong files = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();

  private BarProgress(ProgressBar bar, AboveBar consumer, PrintWriter err, int kindsPerUser) {
    this.bar = bar;
    this.consumer = consumer;
    this.err = err;
    this.kindsPerUser = kindsPerUser;
  }

  /**
   * Starts a bar that knows how many kinds each user has, so that a user stopped early (401, 403) still fills its
   * share.
   *
   * @param out the terminal stream the bar is drawn on
   * @param err where failures and warnings go (the bar's line is cleared first, as they may share the terminal)
   * @param steps the user and kind pairs of the run
   * @param width the bar's width in columns, or -1 for the terminal's width (read again at every redraw)
   * @param kindsPerUser how many kinds each user has
   * @return the running bar
   */
  public static BarProgress start(
      PrintStream out, PrintWriter err, long steps, int width, int kindsPerUser) {
    AboveBar consumer = new AboveBar(out, width);
    ProgressBar bar = new ProgressBarBuilder()
        .setTaskName("sync")
        .setInitialMax(Math.max(1, steps))
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(200)
        .continuousUpdate()
        .setConsumer(consumer)
        .build();
    return new BarProgress(bar, consumer, err, Math.max(1, kindsPerUser));
  }

  @Override
  public void kindFinished(long userId, SyncKind kind, int count) {
    step(userId);
  }

  @Override
  public void kindFailed(SyncFailure failure) {
    consumer.above(err, "error: " + FailureText.line(failure));
    step(failure.userId());
  }

  @Override
  public void userFinished(long userId, int failures) {
    AtomicInteger done = doneByUser.remove(userId);
    int left = kindsPerUser - (done == null ? 0 : done.get());
    if (left > 0) {
      bar.stepBy(left); // a 401 or 403 ended the user's kinds early
    }
  }

  @Override
  public void itemDelivered(SyncItem item) {
    items.incrementAndGet();
    message();
  }

  @Override
  public void fileDelivered(SyncFile file, long size) {
    files.incrementAndGet();
    bytes.addAndGet(size);
    message();
  }

  @Override
  public void budgetWaiting(RateBudget.Window window, Duration wait, Instant resumeAt) {
    bar.setExtraMessage(WaitText.line(window, wait, resumeAt));
  }

  @Override
  public void note(String line) {
    consumer.above(null, TerminalText.clean(line));
  }

  @Override
  public void warning(String line) {
    consumer.above(err, "warning: " + TerminalText.clean(line));
  }

  @Override
  public void close() {
    message();
    bar.stepTo(bar.getMax()); // users skipped without a request (401 earlier) have no events
    bar.close();
    consumer.close(); // the library skips it when the bar closes before its first redraw
  }

  private void step(long userId) {
    doneByUser.computeIfAbsent(userId, id -> new AtomicInteger()).incrementAndGet();
    bar.step();
  }

  private void message() {
    bar.setExtraMessage(String.format(
        Locale.ROOT,
        "%d items, %d files, %.1f MiB",
        items.get(),
        files.get(),
        bytes.get() / 1048576.0));
  }

  /**
   * Draws the bar through the library's console consumer (carriage return, the line trimmed to the width) and
   * prints other lines above it: clear the bar's line, print, redraw.
   */
  private static final class AboveBar implements ProgressBarConsumer {
    private final PrintStream out;
    private final ConsoleProgressBarConsumer console;
    private String last = "";
    private boolean closed;

    AboveBar(PrintStream out, int width) {
      this.out = out;
      this.console = width > 0
          ? new ConsoleProgressBarConsumer(out, width)
          : new ConsoleProgressBarConsumer(out);
    }

    @Override
    public int getMaxRenderedLength() {
      return console.getMaxRenderedLength();
    }

    @Override
    public synchronized void accept(String rendered) {
      if (closed) {
        return;
      }
      last = rendered;
      console.accept(rendered);
      out.flush();
    }

    /** Prints a line above the bar: on the bar's stream when {@code target} is null. */
    synchronized void above(@Nullable PrintWriter target, String line) {
      out.print("\r" + " ".repeat(Math.max(0, getMaxRenderedLength())) + "\r");
      out.flush();
      if (target == null) {
        out.println(line);
        out.flush();
      } else {
        target.println(line);
        target.flush();
      }
      if (!last.isEmpty()) {
        console.accept(last);
        out.flush();
      }
    }

    /** Ends the bar's line, once. */
    @Override
    public synchronized void close() {
      if (!closed) {
        closed = true;
        console.close();
      }
    }
  }
}

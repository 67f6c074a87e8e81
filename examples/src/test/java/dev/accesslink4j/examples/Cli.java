package dev.accesslink4j.examples;

import java.io.PrintWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import picocli.CommandLine;

/**
 * Runs the command line in-process, as {@code java -jar} would, with its output captured and a given environment
 * (never the real one, so a developer's POLAR_CLIENT_ID cannot change a test).
 */
final class Cli {
  private Cli() {}

  /** What a finished run printed and returned. */
  record Result(int exitCode, String out, String err) {
    List<String> outLines() {
      return out.lines().toList();
    }

    String lastLine() {
      List<String> lines = outLines();
      return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
  }

  static Result run(String... args) {
    return run(Map.of(), args);
  }

  static Result run(Map<String, String> env, String... args) {
    Lines out = new Lines();
    Lines err = new Lines();
    CommandLine cmd = AccessLinkCli.commandLine(env::get);
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int code = cmd.execute(args);
    return new Result(code, out.text(), err.text());
  }

  /** A run in the background, for the commands that wait (link, webhook). */
  static final class Background {
    final Lines out = new Lines();
    final Lines err = new Lines();
    private final Thread thread;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();

    Background(Map<String, String> env, String... args) {
      CommandLine cmd = AccessLinkCli.commandLine(env::get);
      cmd.setOut(new PrintWriter(out, true));
      cmd.setErr(new PrintWriter(err, true));
      thread = new Thread(() -> exit.complete(cmd.execute(args)), "cli-under-test");
      thread.setDaemon(true);
      thread.start();
    }

    /** Interrupts the command (as Ctrl-C would end it) and returns its exit code. */
    int stop() throws Exception {
      thread.interrupt();
      return exitCode();
    }

    int exitCode() throws Exception {
      return exit.get(30, TimeUnit.SECONDS);
    }
  }

  /** Collects printed text and lets a test wait for a line. */
  static final class Lines extends Writer {
    private final StringBuilder text = new StringBuilder();

    @Override
    public synchronized void write(char[] buf, int off, int len) {
      text.append(buf, off, len);
      notifyAll();
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    synchronized String text() {
      return text.toString();
    }

    synchronized List<String> lines() {
      return new ArrayList<>(text.toString().lines().toList());
    }

    synchronized String await(Predicate<String> line, Duration timeout)
        throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (true) {
        String complete = text.substring(0, text.lastIndexOf("\n") + 1);
        for (String l : complete.lines().toList()) {
          if (line.test(l)) {
            return l;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no such line within " + timeout + "; printed so far:\n" + text);
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    }
  }
}

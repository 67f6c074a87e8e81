package dev.accesslink4j.sync.jdbc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real JVMs running a test main ({@link BudgetDrawMain}, {@link BudgetSyncMain}) on one database: started with the
 * {@code java} of {@code java.home} and the test class path, released together once all are ready, and their
 * results read from the last line of their output.
 */
final class BudgetProcesses {
  private static final Pattern RESULT =
      Pattern.compile("granted=(\\d+) writes=(\\d+) millis=(\\d+)");

  private BudgetProcesses() {}

  /** What one process printed. */
  record Result(long granted, long writes, long millis) {}

  /**
   * Runs {@link BudgetDrawMain} processes and waits for them.
   *
   * @param count how many processes
   * @param args the arguments of {@link BudgetDrawMain}
   * @return each process's result
   */
  static List<Result> run(int count, String... args) throws IOException, InterruptedException {
    List<Result> results = new ArrayList<>();
    for (String line : run(BudgetDrawMain.class, count, args)) {
      Matcher m = RESULT.matcher(line);
      if (!m.matches()) {
        throw new IllegalStateException("not a result: " + line);
      }
      results.add(new Result(
          Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))));
    }
    return results;
  }

  /**
   * Runs processes of a main class and waits for them.
   *
   * @param main the main class, which prints {@code ready}, waits for a line on its input, and prints its result
   * @param count how many processes
   * @param args the main's arguments
   * @return each process's result line
   */
  static List<String> run(Class<?> main, int count, String... args)
      throws IOException, InterruptedException {
    List<Process> processes = new ArrayList<>();
    List<BufferedReader> outputs = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
        processes.add(p);
        outputs.add(
            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
      }
      for (BufferedReader out : outputs) {
        String line = out.readLine();
        if (!"ready".equals(line)) {
          throw new IllegalStateException("a process did not start: " + line);
        }
      }
      for (Process p : processes) {
        OutputStream in = p.getOutputStream();
        in.write("go\n".getBytes(StandardCharsets.UTF_8));
        in.flush();
      }
      List<String> results = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String line = outputs.get(i).readLine();
        if (!processes.get(i).waitFor(2, TimeUnit.MINUTES)
            || processes.get(i).exitValue() != 0
            || line == null) {
          throw new IllegalStateException("a process failed: " + line);
        }
        results.add(line);
      }
      return results;
    } finally {
      for (Process p : processes) {
        p.destroyForcibly();
      }
    }
  }
}

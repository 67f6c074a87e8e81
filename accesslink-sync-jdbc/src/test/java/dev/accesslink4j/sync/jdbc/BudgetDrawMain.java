package dev.accesslink4j.sync.jdbc;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One process of the shared-budget tests, started by {@link BudgetProcesses} in its own JVM: builds a
 * {@link JdbcRateBudget} on the database, prints {@code ready}, waits for a line on its standard input (so that all
 * processes start drawing at once), then draws permits on several threads, and prints
 * {@code granted=<n> writes=<w> millis=<t>}.
 *
 * <p>Arguments: JDBC URL, threads, short limit, long limit, slice size, and the mode: {@code until-refused} (each
 * thread draws until the budget refuses) or {@code for-ms:<n>} (each thread draws for n milliseconds).
 */
public final class BudgetDrawMain {
  private BudgetDrawMain() {}

  /**
   * Runs one process.
   *
   * @param args see the class comment
   * @throws Exception when anything fails (the exit status is then not zero)
   */
  public static void main(String[] args) throws Exception {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(args[0]);
    int threads = Integer.parseInt(args[1]);
    String mode = args[5];
    long forMillis = mode.startsWith("for-ms:") ? Long.parseLong(mode.substring(7)) : -1;
    AtomicLong granted = new AtomicLong();
    long millis;
    JdbcRateBudget budget = JdbcRateBudget.builder(ds)
        .limits(Long.parseLong(args[2]), Long.parseLong(args[3]))
        .sliceSize(Integer.parseInt(args[4]))
        .build();
    try {
      System.out.println("ready");
      System.out.flush();
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      long start = System.nanoTime();
      long end = start + forMillis * 1_000_000;
      List<Thread> drawing = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Thread thread = new Thread(() -> {
          long mine = 0;
          while (forMillis < 0 || System.nanoTime() < end) {
            if (!budget.tryAcquire().isGranted()) {
              break;
            }
            mine++;
          }
          granted.addAndGet(mine);
        });
        drawing.add(thread);
        thread.start();
      }
      for (Thread thread : drawing) {
        thread.join();
      }
      millis = (System.nanoTime() - start) / 1_000_000;
    } finally {
      budget.close();
    }
    System.out.println(
        "granted=" + granted.get() + " writes=" + budget.databaseWrites() + " millis=" + millis);
  }
}

package dev.accesslink4j.sync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The figures for BENCHMARKS.md, run by hand ({@code -Daccesslink.bench=true}; not timed in CI): permits per second
 * through one shared budget for 1, 3 and 6 processes (real JVMs, 4 threads each, drawing as fast as they can for 5 s
 * from a window far too large to bind, default slices of 50, and once with slices of 1 for comparison), and the database writes per 1,000 permits (every
 * INSERT and UPDATE the budgets sent: the row's creation, each slice, the hand-back on close).
 */
@EnabledIfSystemProperty(named = "accesslink.bench", matches = "true")
class JdbcRateBudgetBenchTest {
  @RegisterExtension
  final TestDatabase db = new TestDatabase();

  @Test
  void permitsPerSecondAndWritesPerThousandFor1And3And6Processes() throws Exception {
    StringBuilder table =
        new StringBuilder("processes | slice | permits/s | writes per 1,000 permits\n");
    // the last run leases one permit at a time: what a write per request would cost
    for (int[] run : new int[][] {{1, 50}, {3, 50}, {6, 50}, {3, 1}}) {
      int processes = run[0];
      int slice = run[1];
      // one row for all three runs: the window (10^12) never binds
      List<BudgetProcesses.Result> results = BudgetProcesses.run(
          processes,
          db.jdbcUrl(),
          "4",
          "1000000000000",
          "1000000000000",
          String.valueOf(slice),
          "for-ms:5000");
      long granted = results.stream().mapToLong(BudgetProcesses.Result::granted).sum();
      long writes = results.stream().mapToLong(BudgetProcesses.Result::writes).sum();
      long millis =
          results.stream().mapToLong(BudgetProcesses.Result::millis).max().orElseThrow();
      table.append(String.format(
          "%d | %d | %,.0f | %.1f%n",
          processes, slice, granted * 1000.0 / millis, writes * 1000.0 / granted));
      assertThat(granted).isPositive();
    }
    System.out.print(table);
  }
}

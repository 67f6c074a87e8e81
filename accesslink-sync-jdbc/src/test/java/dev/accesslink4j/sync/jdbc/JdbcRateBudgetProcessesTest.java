package dev.accesslink4j.sync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shared budget under contention between real JVMs on one database. */
class JdbcRateBudgetProcessesTest {
  @RegisterExtension
  final TestDatabase db = new TestDatabase();

  @Test
  void threeProcessesOfEightThreadsDrawingUntilRefusedGetExactlyTheWindowTogether()
      throws Exception {
    int window = 5000;
    // slices of 10 at most: 500 leases at least by the three processes racing for the row; how the
    // permits spread over the processes is the scheduler's choice, only their sum is fixed
    List<BudgetProcesses.Result> results = BudgetProcesses.run(
        3, db.jdbcUrl(), "8", String.valueOf(window), "1000000", "10", "until-refused");

    long total = results.stream().mapToLong(BudgetProcesses.Result::granted).sum();
    System.out.println("granted per process: " + results);
    assertThat(total).isEqualTo(window);
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT short_used, long_used FROM accesslink_rate_budget")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getLong(1)).isEqualTo(window);
      assertThat(r.getLong(2)).isEqualTo(window);
    }
  }
}

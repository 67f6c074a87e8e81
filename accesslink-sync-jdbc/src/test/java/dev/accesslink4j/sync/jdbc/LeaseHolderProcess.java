package dev.accesslink4j.sync.jdbc;

import dev.accesslink4j.sync.UserLease;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A worker process for {@link JdbcUserLeasesTest}: takes the leases of users 1 to N, prints {@code HELD <count>} and
 * renews them every {@code renewEvery} until it is killed. Arguments: JDBC URL, time to live in ms, N.
 */
final class LeaseHolderProcess {
  private LeaseHolderProcess() {}

  public static void main(String[] args) throws Exception {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(args[0]);
    JdbcUserLeases leases = JdbcUserLeases.builder(SyncSchema.of(dataSource))
        .holder("child-" + ProcessHandle.current().pid())
        .ttl(Duration.ofMillis(Long.parseLong(args[1])))
        .build();
    List<UserLease> held = new ArrayList<>();
    for (long user = 1; user <= Long.parseLong(args[2]); user++) {
      leases.tryAcquire(user).ifPresent(held::add);
    }
    System.out.println("HELD " + held.size());
    System.out.flush();
    while (true) {
      Thread.sleep(leases.renewEvery().toMillis());
      for (UserLease lease : held) {
        if (!lease.renew()) {
          System.out.println("LOST " + lease.userId());
          System.out.flush();
        }
      }
    }
  }
}

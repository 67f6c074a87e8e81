package dev.accesslink4j.sync.jdbc.internal;

import dev.accesslink4j.sync.jdbc.SyncDatabaseException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * One database call of a store: a connection borrowed from the application's data source for the call and given back
 * at once (no pool of our own), committed when the data source hands out connections outside auto-commit, and a
 * driver failure turned into a {@link SyncDatabaseException}.
 */
public final class StoreJdbc {
  private StoreJdbc() {}

  /**
   * The work done on the borrowed connection.
   *
   * @param <T> what it returns
   */
  @FunctionalInterface
  public interface Work<T> {
    /**
     * Does the work.
     *
     * @param connection the borrowed connection
     * @return the result
     * @throws SQLException when the driver fails
     */
    T run(Connection connection) throws SQLException;
  }

  /**
   * Runs one call in its own transaction.
   *
   * @param dataSource the application's database
   * @param what what is being done, for the error message
   * @param work the work
   * @param <T> what it returns
   * @return the work's result
   * @throws SyncDatabaseException when the driver fails
   */
  public static <T> T call(DataSource dataSource, Supplier<String> what, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      boolean auto = connection.getAutoCommit();
      try {
        T result = work.run(connection);
        if (!auto) {
          connection.commit();
        }
        return result;
      } catch (SQLException | RuntimeException e) {
        if (!auto) {
          rollback(connection, e);
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new SyncDatabaseException(what.get(), e);
    }
  }

  private static void rollback(Connection connection, Exception failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }
}

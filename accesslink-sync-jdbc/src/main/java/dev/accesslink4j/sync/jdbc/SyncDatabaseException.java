package dev.accesslink4j.sync.jdbc;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * A call to the sync database failed (the database is unreachable, a statement was refused): the unchecked form of
 * the driver's {@link SQLException}, which is kept as the cause. The message names the operation and the table and
 * never a stored value; whether to retry is the caller's choice (every operation of this module is a single
 * statement, so repeating one is safe).
 */
public final class SyncDatabaseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String sqlState;

  /**
   * Wraps a driver failure.
   *
   * @param message what was being done, for example {@code "saving the sync state of user 7 in accesslink_sync_state"}
   * @param cause the driver's exception
   */
  public SyncDatabaseException(String message, SQLException cause) {
    super(message + " (SQL state " + cause.getSQLState() + ")", cause);
    this.sqlState = cause.getSQLState();
  }

  /**
   * The SQL state the driver reported, to tell a lost connection ({@code 08...}) from a refused statement.
   *
   * @return the five-character SQL state, or null when the driver gave none
   */
  public @Nullable String sqlState() {
    return sqlState;
  }
}

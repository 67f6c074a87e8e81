package dev.accesslink4j.sync.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The SQL of the shared rate budget: one row per partner client in {@code <prefix>rate_budget}, read and written in
 * short transactions on one connection that the budget holds (every call runs under the budget's lock, so one is
 * enough; it is opened again after a failure). Counts the statements that write. Not thread-safe: the budget
 * serialises the calls.
 */
public final class BudgetTable implements AutoCloseable {
  private static final String COLUMNS = "short_generation, short_limit, short_used, short_reset_at,"
      + " short_from_headers, long_generation, long_limit, long_used, long_reset_at, long_from_headers";

  private final DataSource dataSource;
  private final String table;
  private final String budget;
  private final AtomicLong writes = new AtomicLong();
  private @Nullable Connection connection;

  /**
   * Creates the table's access for one budget.
   *
   * @param dataSource the database
   * @param table the table's full name, prefix included (a checked plain name)
   * @param budget the budget's name: the row's key
   */
  public BudgetTable(DataSource dataSource, String table, String budget) {
    this.dataSource = dataSource;
    this.table = table;
    this.budget = budget;
  }

  /**
   * Inserts the budget's row with these limits unless it exists.
   *
   * @param shortLimit the 15-minute window's starting limit
   * @param longLimit the 24-hour window's starting limit
   * @throws SQLException when the database fails
   */
  public void ensure(long shortLimit, long longLimit) throws SQLException {
    run(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO " + table
              + " (budget, short_limit, long_limit) VALUES (?, ?, ?) ON CONFLICT (budget) DO NOTHING")) {
        s.setString(1, budget);
        s.setLong(2, shortLimit);
        s.setLong(3, longLimit);
        writes.incrementAndGet();
        s.executeUpdate();
      }
      return null;
    });
  }

  /**
   * Reads the row locked, lets the plan change it, and writes it back when changed, in one transaction.
   *
   * @param plan the change, from the row as it stands
   * @return the row as written
   * @throws SQLException when the database fails or the row is missing
   */
  public BudgetRow update(UnaryOperator<BudgetRow> plan) throws SQLException {
    return run(c -> {
      c.setAutoCommit(false);
      try {
        BudgetRow row = lockedRow(c);
        BudgetRow next = plan.apply(row);
        if (!next.equals(row)) {
          write(c, next);
        }
        c.commit();
        return next;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    });
  }

  /**
   * Hands unspent permits back to the windows they were leased from, where those have not reset since.
   *
   * @param shortGeneration the short window's generation of the slice
   * @param longGeneration the long window's generation of the slice
   * @param permits how many
   * @throws SQLException when the database fails
   */
  public void giveBack(long shortGeneration, long longGeneration, long permits)
      throws SQLException {
    run(c -> {
      try (PreparedStatement s = c.prepareStatement("UPDATE " + table + " SET"
          + " short_used = CASE WHEN short_generation = ? THEN GREATEST(short_used - ?, 0) ELSE short_used END,"
          + " long_used = CASE WHEN long_generation = ? THEN GREATEST(long_used - ?, 0) ELSE long_used END"
          + " WHERE budget = ?")) {
        s.setLong(1, shortGeneration);
        s.setLong(2, permits);
        s.setLong(3, longGeneration);
        s.setLong(4, permits);
        s.setString(5, budget);
        writes.incrementAndGet();
        s.executeUpdate();
      }
      return null;
    });
  }

  /**
   * How many writing statements (INSERT, UPDATE) this table's access has sent.
   *
   * @return the count
   */
  public long writes() {
    return writes.get();
  }

  @Override
  public void close() throws SQLException {
    Connection c = connection;
    connection = null;
    if (c != null) {
      c.close();
    }
  }

  private BudgetRow lockedRow(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "SELECT " + COLUMNS + " FROM " + table + " WHERE budget = ? FOR UPDATE")) {
      s.setString(1, budget);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          throw new SQLException("the rate budget's row is missing: " + budget);
        }
        return new BudgetRow(window(r, 1), window(r, 6));
      }
    }
  }

  private static BudgetWindow window(ResultSet r, int first) throws SQLException {
    long reset = r.getLong(first + 3);
    Instant resetAt = r.wasNull() ? null : Instant.ofEpochMilli(reset);
    return new BudgetWindow(
        r.getLong(first),
        r.getLong(first + 1),
        r.getLong(first + 2),
        resetAt,
        r.getBoolean(first + 4));
  }

  private void write(Connection c, BudgetRow row) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "UPDATE " + table + " SET short_generation = ?,"
            + " short_limit = ?, short_used = ?, short_reset_at = ?, short_from_headers = ?, long_generation = ?,"
            + " long_limit = ?, long_used = ?, long_reset_at = ?, long_from_headers = ? WHERE budget = ?")) {
      bind(s, 1, row.shortWindow());
      bind(s, 6, row.longWindow());
      s.setString(11, budget);
      writes.incrementAndGet();
      s.executeUpdate();
    }
  }

  private static void bind(PreparedStatement s, int first, BudgetWindow w) throws SQLException {
    s.setLong(first, w.generation());
    s.setLong(first + 1, w.limit());
    s.setLong(first + 2, w.used());
    Instant reset = w.resetAt();
    if (reset == null) {
      s.setNull(first + 3, Types.BIGINT);
    } else {
      s.setLong(first + 3, reset.toEpochMilli());
    }
    s.setBoolean(first + 4, w.fromHeaders());
  }

  /** One piece of work on the held connection. */
  @FunctionalInterface
  private interface Work<T> {
    T on(Connection c) throws SQLException;
  }

  /** Runs work on the held connection, opening it when needed and dropping it after a failure. */
  private <T> T run(Work<T> work) throws SQLException {
    Connection c = connection;
    if (c == null) {
      c = dataSource.getConnection();
      connection = c;
    }
    try {
      return work.on(c);
    } catch (SQLException e) {
      connection = null;
      try {
        c.close();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }
}

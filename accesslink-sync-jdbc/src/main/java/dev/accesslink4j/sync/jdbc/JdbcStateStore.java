package dev.accesslink4j.sync.jdbc;

import dev.accesslink4j.sync.KindState;
import dev.accesslink4j.sync.StateStore;
import dev.accesslink4j.sync.SyncFailure;
import dev.accesslink4j.sync.SyncKind;
import dev.accesslink4j.sync.UserHold;
import dev.accesslink4j.sync.jdbc.internal.StoreJdbc;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The sync engine's {@link StateStore} in PostgreSQL, shared by every engine process of a partner client: what was
 * delivered per user and kind in {@code <prefix>sync_state}, one row per user and kind (the delivered ids and their
 * fingerprints as two parallel arrays, the last date read of a daily kind), and the {@link UserHold}s in
 * {@code <prefix>user_holds}, one row per held user.
 *
 * <p><b>Concurrency.</b> Each call borrows a connection from the application's data source (bring a pool such as
 * HikariCP) and gives it back: no state is cached in memory, so a second process sees a save as soon as it returns.
 * A save is one upsert of the whole row ({@code INSERT ... ON CONFLICT (user_id, kind) DO UPDATE}), so two processes
 * saving different users never block each other, and two saving the same user and kind (which the
 * {@link JdbcUserLeases lease} prevents) leave one whole state, never a mix. Thread-safe.
 *
 * <p><b>When a process dies.</b> A save is committed when it returns, or not at all: a process killed (even
 * {@code kill -9}) mid-save leaves the previous state, so the items it was saving are delivered again by the next
 * process to sync the user (at least once), never skipped. Nothing needs cleaning up. {@link #flush()} does nothing,
 * since every save is already durable.
 *
 * <pre>{@code
 * StateStore state = JdbcStateStore.create(SyncSchema.of(dataSource));
 * }</pre>
 */
public final class JdbcStateStore implements StateStore {
  private final DataSource dataSource;
  private final String stateTable;
  private final String holdTable;
  private final String loadSql;
  private final String saveSql;

  private JdbcStateStore(SyncSchema schema) {
    this.dataSource = schema.dataSource();
    this.stateTable = schema.table("sync_state");
    this.holdTable = schema.table("user_holds");
    this.loadSql = "SELECT ids, fingerprints, read_through FROM " + stateTable
        + " WHERE user_id = ? AND kind = ?";
    this.saveSql = "INSERT INTO " + stateTable
        + " (user_id, kind, ids, fingerprints, read_through, updated_at) VALUES (?, ?, ?, ?, ?, now())"
        + " ON CONFLICT (user_id, kind) DO UPDATE SET ids = EXCLUDED.ids,"
        + " fingerprints = EXCLUDED.fingerprints, read_through = EXCLUDED.read_through,"
        + " updated_at = EXCLUDED.updated_at";
  }

  /**
   * A store on a schema, creating or migrating its tables first ({@link SyncSchema#migrate()}).
   *
   * @param schema the database and table prefix
   * @return the store
   * @throws org.flywaydb.core.api.FlywayException when the tables cannot be created or migrated
   */
  public static JdbcStateStore create(SyncSchema schema) {
    Objects.requireNonNull(schema, "schema").migrate();
    return new JdbcStateStore(schema);
  }

  /**
   * {@inheritDoc}
   *
   * <p>One query by primary key.
   *
   * @throws SyncDatabaseException when the database call fails
   */
  @Override
  public KindState load(long userId, SyncKind kind) {
    Objects.requireNonNull(kind, "kind");
    return StoreJdbc.call(
        dataSource, () -> "loading the sync state of user " + userId + " from " + stateTable, c -> {
          try (PreparedStatement s = c.prepareStatement(loadSql)) {
            s.setLong(1, userId);
            s.setString(2, kind.name());
            try (ResultSet r = s.executeQuery()) {
              if (!r.next()) {
                return KindState.empty();
              }
              String[] ids = (String[]) r.getArray(1).getArray();
              Long[] fingerprints = (Long[]) r.getArray(2).getArray();
              Date readThrough = r.getDate(3);
              KindState state = KindState.empty();
              for (int i = 0; i < ids.length; i++) {
                state = state.with(ids[i], fingerprints[i]);
              }
              return readThrough == null ? state : state.withReadThrough(readThrough.toLocalDate());
            }
          }
        });
  }

  /**
   * {@inheritDoc}
   *
   * <p>One upsert of the whole row, committed when this returns.
   *
   * @throws SyncDatabaseException when the database call fails
   */
  @Override
  public void save(long userId, SyncKind kind, KindState state) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(state, "state");
    List<String> ids = state.ids();
    Long[] fingerprints = new Long[ids.size()];
    for (int i = 0; i < fingerprints.length; i++) {
      fingerprints[i] = state.fingerprint(ids.get(i)).orElseThrow();
    }
    StoreJdbc.call(
        dataSource, () -> "saving the sync state of user " + userId + " in " + stateTable, c -> {
          try (PreparedStatement s = c.prepareStatement(saveSql)) {
            s.setLong(1, userId);
            s.setString(2, kind.name());
            s.setArray(3, array(c, "text", ids.toArray(new String[0])));
            s.setArray(4, array(c, "bigint", fingerprints));
            if (state.readThrough().isPresent()) {
              s.setDate(5, Date.valueOf(state.readThrough().get()));
            } else {
              s.setNull(5, Types.DATE);
            }
            return s.executeUpdate();
          }
        });
  }

  private static Array array(Connection c, String type, Object[] values) throws SQLException {
    return c.createArrayOf(type, values);
  }

  /**
   * {@inheritDoc}
   *
   * @throws SyncDatabaseException when the database call fails
   */
  @Override
  public Optional<UserHold> loadHold(long userId) {
    return StoreJdbc.call(
        dataSource, () -> "loading the hold of user " + userId + " from " + holdTable, c -> {
          try (PreparedStatement s = c.prepareStatement(
              "SELECT reason, token_sha256 FROM " + holdTable + " WHERE user_id = ?")) {
            s.setLong(1, userId);
            try (ResultSet r = s.executeQuery()) {
              if (!r.next()) {
                return Optional.<UserHold>empty();
              }
              SyncFailure.Reason reason = r.getString(1).equals("relink")
                  ? SyncFailure.Reason.RELINK
                  : SyncFailure.Reason.CONSENT_REQUIRED;
              return Optional.of(new UserHold(reason, r.getString(2)));
            }
          }
        });
  }

  /**
   * {@inheritDoc}
   *
   * <p>One upsert, committed when this returns.
   *
   * @throws SyncDatabaseException when the database call fails
   */
  @Override
  public void saveHold(long userId, UserHold hold) {
    Objects.requireNonNull(hold, "hold");
    String reason = hold.reason() == SyncFailure.Reason.RELINK ? "relink" : "consent";
    StoreJdbc.call(
        dataSource, () -> "saving the hold of user " + userId + " in " + holdTable, c -> {
          try (PreparedStatement s = c.prepareStatement("INSERT INTO " + holdTable
              + " (user_id, reason, token_sha256, held_at) VALUES (?, ?, ?, now())"
              + " ON CONFLICT (user_id) DO UPDATE SET reason = EXCLUDED.reason,"
              + " token_sha256 = EXCLUDED.token_sha256, held_at = EXCLUDED.held_at")) {
            s.setLong(1, userId);
            s.setString(2, reason);
            s.setString(3, hold.tokenFingerprint());
            return s.executeUpdate();
          }
        });
  }

  /**
   * {@inheritDoc}
   *
   * @throws SyncDatabaseException when the database call fails
   */
  @Override
  public void clearHold(long userId) {
    StoreJdbc.call(
        dataSource, () -> "clearing the hold of user " + userId + " in " + holdTable, c -> {
          try (PreparedStatement s =
              c.prepareStatement("DELETE FROM " + holdTable + " WHERE user_id = ?")) {
            s.setLong(1, userId);
            return s.executeUpdate();
          }
        });
  }

  /** Does nothing: every save was committed when it returned. */
  @Override
  public void flush() {}

  @Override
  public String toString() {
    return "JdbcStateStore[" + stateTable + ", " + holdTable + "]";
  }
}

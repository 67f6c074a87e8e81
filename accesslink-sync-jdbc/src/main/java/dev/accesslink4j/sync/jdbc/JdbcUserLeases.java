package dev.accesslink4j.sync.jdbc;

import dev.accesslink4j.sync.UserLease;
import dev.accesslink4j.sync.UserLeases;
import dev.accesslink4j.sync.jdbc.internal.HolderIds;
import dev.accesslink4j.sync.jdbc.internal.StoreJdbc;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * Per-user leases in PostgreSQL for several engine processes: at most one process syncs a user at a time. A lease is
 * a row of {@code <prefix>user_leases} (user id, a new lease id per acquisition, the holder's name, when it was
 * taken, when it expires), live while {@code expires_at} is in the future by the <em>database's</em> clock
 * ({@code now()} in SQL), so the processes' own clocks do not matter.
 *
 * <ul>
 *   <li>{@link #tryAcquire(long)} is one statement: {@code INSERT ... ON CONFLICT (user_id) DO UPDATE ... WHERE
 *       expires_at <= now() RETURNING lease_id}. It inserts a row for a free user or takes over an expired one; the
 *       row lock makes two processes racing for one user serialize, and the second sees the first's fresh row and
 *       gets nothing back. It never waits for a live lease.
 *   <li>{@link UserLease#renew()} sets {@code expires_at = now() + ttl} where the row still carries its lease id: true
 *       while this process holds the user (even if the time to live ran out but nobody took it: nobody else held it
 *       in between), false once another process took it over.
 *   <li>{@link UserLease#close()} deletes the row where it still carries its lease id, so the user is free at once
 *       and a successor's row is never touched.
 * </ul>
 *
 * <p><b>When a process dies.</b> Its rows stay until they expire: a killed process ({@code kill -9}, a lost machine)
 * keeps its users for at most the time to live after its last renewal, and then the first process to
 * {@link #tryAcquire} each user takes it over. A process that stops cleanly gives its users back at once through
 * {@link UserLease#close()}. Nothing else needs cleaning: an expired row is simply overwritten. A process that
 * lives but whose sync of a user hangs (a sink that never returns) stops renewing that user after the
 * {@linkplain Builder#stallLimit stall limit} without progress, so the user is taken over one time to live later.
 *
 * <p><b>Why a row with a time to live,</b> and not the alternatives the database or a library offers: a row lock
 * ({@code SELECT ... FOR UPDATE SKIP LOCKED}) or an advisory lock ({@code pg_try_advisory_lock}) lives as long as a
 * transaction or a session, so each held user would pin one connection of the application's pool for the whole sync
 * of the user (16 users at once, 16 connections held), a pool's connection reused with a lock still held would leak
 * it, and a process that hangs (not dies) keeps its users forever. A lease row needs a connection only for the
 * moment of each statement, expires by itself, and shows in SQL who holds which user. db-scheduler (which runs each
 * task instance on one node, with heartbeats in a table) is built for scheduled tasks that it picks up and runs on
 * its own threads; here the engine decides what runs and when and only needs a non-blocking "may I take this user
 * now", so a library of its scale would add a polling scheduler and a dependency for one statement. The upsert gives
 * the exact semantics (one holder, take-over after expiry, fenced renewal by lease id) with no extra dependency.
 *
 * <p>Thread-safe; a connection is borrowed from the data source for each statement.
 *
 * <pre>{@code
 * UserLeases leases = JdbcUserLeases.builder(SyncSchema.of(dataSource)).ttl(Duration.ofMinutes(2)).build();
 * }</pre>
 */
public final class JdbcUserLeases implements UserLeases {
  /** The default time to live of a lease. */
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(2);

  private final DataSource dataSource;
  private final String table;
  private final Duration ttl;
  private final Duration stallLimit;
  private final String holder;
  private final String acquireSql;
  private final String renewSql;
  private final String releaseSql;

  private JdbcUserLeases(Builder b) {
    this.dataSource = b.schema.dataSource();
    this.table = b.schema.table("user_leases");
    this.ttl = b.ttl;
    this.stallLimit = b.stallLimit;
    this.holder = b.holder;
    this.acquireSql =
        "INSERT INTO " + table + " AS l (user_id, lease_id, holder, acquired_at, expires_at)"
            + " VALUES (?, ?, ?, now(), now() + ? * interval '1 millisecond')"
            + " ON CONFLICT (user_id) DO UPDATE SET lease_id = EXCLUDED.lease_id, holder = EXCLUDED.holder,"
            + " acquired_at = EXCLUDED.acquired_at, expires_at = EXCLUDED.expires_at"
            + " WHERE l.expires_at <= now() RETURNING l.lease_id";
    this.renewSql = "UPDATE " + table + " SET expires_at = now() + ? * interval '1 millisecond'"
        + " WHERE user_id = ? AND lease_id = ?";
    this.releaseSql = "DELETE FROM " + table + " WHERE user_id = ? AND lease_id = ?";
  }

  /**
   * Starts building leases on a schema; {@link Builder#build()} creates or migrates the tables.
   *
   * @param schema the database and table prefix
   * @return a builder with a two-minute time to live and a holder name of host, process id and a random part
   */
  public static Builder builder(SyncSchema schema) {
    return new Builder(Objects.requireNonNull(schema, "schema"));
  }

  /**
   * The time to live of a lease: how long a user stays taken after the last renewal of a process that died.
   *
   * @return the time to live
   */
  public Duration ttl() {
    return ttl;
  }

  /**
   * The name this process's leases carry in the {@code holder} column, to tell in SQL who holds a user.
   *
   * @return for example {@code worker-3/4711/9f2c01ab}
   */
  public String holder() {
    return holder;
  }

  /**
   * {@inheritDoc}
   *
   * <p>One statement; never waits. A user this process already holds is refused too: one lease per user at a time.
   *
   * @throws SyncDatabaseException when the database call fails
   */
  @Override
  public Optional<UserLease> tryAcquire(long userId) {
    UUID leaseId = UUID.randomUUID();
    boolean taken = StoreJdbc.call(
        dataSource, () -> "taking the lease of user " + userId + " in " + table, c -> {
          try (PreparedStatement s = c.prepareStatement(acquireSql)) {
            s.setLong(1, userId);
            s.setObject(2, leaseId);
            s.setString(3, holder);
            s.setLong(4, ttl.toMillis());
            try (ResultSet r = s.executeQuery()) {
              return r.next();
            }
          }
        });
    return taken ? Optional.of(new Lease(userId, leaseId)) : Optional.empty();
  }

  /**
   * A third of the time to live, so that two renewals in a row can be late before the lease expires.
   *
   * @return {@code ttl / 3}
   */
  @Override
  public Duration renewEvery() {
    return ttl.dividedBy(3);
  }

  /**
   * How long a user may go without progress before the engine stops renewing its lease.
   *
   * @return the {@linkplain Builder#stallLimit stall limit}
   */
  @Override
  public Duration stallLimit() {
    return stallLimit;
  }

  @Override
  public String toString() {
    return "JdbcUserLeases[" + table + ", ttl=" + ttl + ", holder=" + holder + "]";
  }

  /** One acquisition: fenced by its lease id. */
  private final class Lease implements UserLease {
    private final long userId;
    private final UUID leaseId;
    private final AtomicBoolean closed = new AtomicBoolean();

    Lease(long userId, UUID leaseId) {
      this.userId = userId;
      this.leaseId = leaseId;
    }

    @Override
    public long userId() {
      return userId;
    }

    /**
     * {@inheritDoc}
     *
     * <p>False as well after {@link #close()}, and when the database cannot be reached: the lease can then not be
     * proved held, and another process may take the user once it expires.
     */
    @Override
    public boolean renew() {
      if (closed.get()) {
        return false;
      }
      try {
        return StoreJdbc.call(
            dataSource, () -> "renewing the lease of user " + userId + " in " + table, c -> {
              try (PreparedStatement s = c.prepareStatement(renewSql)) {
                s.setLong(1, ttl.toMillis());
                s.setLong(2, userId);
                s.setObject(3, leaseId);
                return s.executeUpdate() == 1;
              }
            });
      } catch (SyncDatabaseException e) {
        return false;
      }
    }

    /** Deletes the row if it is still this lease's; a failure is ignored (the row then expires). */
    @Override
    public void close() {
      if (!closed.compareAndSet(false, true)) {
        return;
      }
      try {
        StoreJdbc.call(
            dataSource, () -> "releasing the lease of user " + userId + " in " + table, c -> {
              try (PreparedStatement s = c.prepareStatement(releaseSql)) {
                s.setLong(1, userId);
                s.setObject(2, leaseId);
                return s.executeUpdate();
              }
            });
      } catch (RuntimeException e) {
        // the row expires after the time to live: the user is free then
      }
    }

    @Override
    public String toString() {
      return "JdbcUserLease[user=" + userId + ", holder=" + holder + "]";
    }
  }

  /** Builds {@link JdbcUserLeases}. */
  public static final class Builder {
    private final SyncSchema schema;
    private Duration ttl = DEFAULT_TTL;
    private Duration stallLimit = Duration.ofMinutes(30);
    private String holder = HolderIds.create();

    private Builder(SyncSchema schema) {
      this.schema = schema;
    }

    /**
     * Sets the time to live (default two minutes): long enough that a renewal every third of it is never late for
     * a busy process, short enough that the users of a dead process come free soon.
     *
     * @param ttl at least 30 milliseconds
     * @return this builder
     */
    public Builder ttl(Duration ttl) {
      Objects.requireNonNull(ttl, "ttl");
      if (ttl.compareTo(Duration.ofMillis(30)) < 0) {
        throw new IllegalArgumentException("a lease's time to live is at least 30 ms, not " + ttl);
      }
      this.ttl = ttl;
      return this;
    }

    /**
     * Sets how long a user may go without progress before the engine stops renewing its lease (default 30
     * minutes; see {@link UserLeases#stallLimit()}): keep it above the client's longest rate-budget wait.
     *
     * @param limit positive
     * @return this builder
     */
    public Builder stallLimit(Duration limit) {
      Objects.requireNonNull(limit, "limit");
      if (limit.isNegative() || limit.isZero()) {
        throw new IllegalArgumentException("a stall limit is positive, not " + limit);
      }
      this.stallLimit = limit;
      return this;
    }

    /**
     * Sets the name written in the {@code holder} column (default: host name, process id and 8 random hex digits),
     * for example a worker's name in a deployment. It only informs: leases are told apart by their lease id.
     *
     * @param holder a non-blank name of at most 200 characters
     * @return this builder
     */
    public Builder holder(String holder) {
      Objects.requireNonNull(holder, "holder");
      if (holder.isBlank() || holder.length() > 200) {
        throw new IllegalArgumentException("a holder name is 1 to 200 characters, not blank");
      }
      this.holder = holder;
      return this;
    }

    /**
     * Creates or migrates the tables and builds the leases.
     *
     * @return the leases
     * @throws org.flywaydb.core.api.FlywayException when the tables cannot be created or migrated
     */
    public JdbcUserLeases build() {
      schema.migrate();
      return new JdbcUserLeases(this);
    }
  }
}

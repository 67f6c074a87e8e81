package dev.accesslink4j.sync.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link JdbcRateBudget}: from {@link JdbcRateBudget#builder(DataSource)} or
 * {@link JdbcRateBudget#builder(SyncSchema)}. Not thread-safe.
 */
public final class JdbcRateBudgetBuilder {
  final DataSource dataSource;

  @Nullable
  SyncSchema schema;

  String prefix = SyncSchema.DEFAULT_PREFIX;
  String name = "default";
  int users;

  @Nullable
  Long shortLimit;

  @Nullable
  Long longLimit;

  Duration shortLength = Duration.ofMinutes(15);
  Duration longLength = Duration.ofHours(24);
  int sliceSize = 50;
  Clock clock = Clock.systemUTC();
  Duration margin = Duration.ofSeconds(1);
  Duration guard = Duration.ofSeconds(2);

  JdbcRateBudgetBuilder(DataSource dataSource, @Nullable SyncSchema schema) {
    this.dataSource = dataSource;
    this.schema = schema;
  }

  /**
   * Sets the prefix of the tables (default {@value SyncSchema#DEFAULT_PREFIX}); for a builder made from a data
   * source.
   *
   * @param prefix the prefix, as {@link SyncSchema#of(DataSource, String)} takes it
   * @return this builder
   * @throws IllegalArgumentException when the prefix is not a plain lower-case SQL name
   */
  public JdbcRateBudgetBuilder tablePrefix(String prefix) {
    this.schema = SyncSchema.of(dataSource, prefix);
    this.prefix = prefix;
    return this;
  }

  /**
   * Names the budget (default {@code default}): one row of the table per name, so that the processes of several
   * partner clients can share one database. Give every process of one partner client the same name.
   *
   * @param name the name, 1 to 200 characters
   * @return this builder
   */
  public JdbcRateBudgetBuilder name(String name) {
    if (Objects.requireNonNull(name, "name").isEmpty() || name.length() > 200) {
      throw new IllegalArgumentException("a budget's name is 1 to 200 characters");
    }
    this.name = name;
    return this;
  }

  /**
   * Sets the number of users registered with the partner client, for Polar's formula ({@code 500 + 20 × users}
   * per 15 minutes, {@code 5000 + 100 × users} per 24 hours; default 0). Only the process that creates the
   * table's row uses it; the first answer's headers replace it.
   *
   * @param users the number; not negative
   * @return this builder
   */
  public JdbcRateBudgetBuilder registeredUsers(int users) {
    if (users < 0) {
      throw new IllegalArgumentException("registeredUsers must not be negative: " + users);
    }
    this.users = users;
    return this;
  }

  /**
   * Fixes the starting limits instead of Polar's formula (the answers' headers still correct them); like
   * {@link #registeredUsers(int)}, only for a row that does not exist yet.
   *
   * @param shortLimit permits per short window; not negative
   * @param longLimit permits per long window; not negative
   * @return this builder
   */
  public JdbcRateBudgetBuilder limits(long shortLimit, long longLimit) {
    if (shortLimit < 0 || longLimit < 0) {
      throw new IllegalArgumentException("limits must not be negative");
    }
    this.shortLimit = shortLimit;
    this.longLimit = longLimit;
    return this;
  }

  /**
   * Sets the windows' lengths (default Polar's 15 minutes and 24 hours), used for a window no answer has
   * reported yet: for a server that compresses time, such as the testkit.
   *
   * @param shortLength the short window; positive
   * @param longLength the long window; positive
   * @return this builder
   */
  public JdbcRateBudgetBuilder windowLengths(Duration shortLength, Duration longLength) {
    this.shortLength = positive(shortLength, "shortLength");
    this.longLength = positive(longLength, "longLength");
    return this;
  }

  /**
   * Sets the largest slice a process leases at once (default 50). Larger slices mean fewer writes; a process
   * that dies loses at most one slice of a window.
   *
   * @param permits the size; 1 to 10,000
   * @return this builder
   */
  public JdbcRateBudgetBuilder sliceSize(int permits) {
    if (permits < 1 || permits > 10_000) {
      throw new IllegalArgumentException("sliceSize must be 1 to 10000: " + permits);
    }
    this.sliceSize = permits;
    return this;
  }

  /**
   * Sets the clock that resets are timed on (default the system UTC clock); every process's should agree.
   *
   * @param clock the clock
   * @return this builder
   */
  public JdbcRateBudgetBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Sets how much later than reported a window is taken to reset (default 1 s), as in
   * {@link dev.accesslink4j.InProcessRateBudget.Builder#safetyMargin(Duration)}.
   *
   * @param margin the margin; not negative
   * @return this builder
   */
  public JdbcRateBudgetBuilder safetyMargin(Duration margin) {
    if (Objects.requireNonNull(margin, "margin").isNegative()) {
      throw new IllegalArgumentException("margin must not be negative: " + margin);
    }
    this.margin = margin;
    return this;
  }

  /**
   * Sets how long before a window's reset the processes stop spending it (default 2 s, a loss of 2 s in 15 minutes).
   * Polar reports resets in whole seconds rounded up and an answer takes time to arrive, so the table's reset is up
   * to a second and a round trip later than Polar's; a request sent from an old slice in that gap would count in
   * Polar's next window, which the table starts only at its own reset. Keep it above one second plus the safety
   * margin plus twice the requests' latency, and well below the short window's length.
   *
   * @param guard the guard; not negative
   * @return this builder
   */
  public JdbcRateBudgetBuilder windowEndGuard(Duration guard) {
    if (Objects.requireNonNull(guard, "guard").isNegative()) {
      throw new IllegalArgumentException("guard must not be negative: " + guard);
    }
    this.guard = guard;
    return this;
  }

  private static Duration positive(Duration d, String name) {
    if (Objects.requireNonNull(d, name).isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
    return d;
  }

  /**
   * Migrates the schema, creates the budget's row unless it exists, and builds the budget.
   *
   * @return the budget; it leases its first slice with its first permit
   * @throws IllegalArgumentException when the window-end guard is not shorter than the short window
   * @throws SyncDatabaseException when the database fails
   */
  public JdbcRateBudget build() {
    if (guard.compareTo(shortLength) >= 0) {
      throw new IllegalArgumentException("the window-end guard " + guard
          + " must be shorter than the short window " + shortLength);
    }
    SyncSchema s = schema != null ? schema : SyncSchema.of(dataSource, prefix);
    s.migrate();
    long shortStart = shortLimit != null ? shortLimit : 500L + 20L * users;
    long longStart = longLimit != null ? longLimit : 5000L + 100L * users;
    return JdbcRateBudget.create(this, s, shortStart, longStart);
  }
}

package dev.accesslink4j.sync.jdbc;

import dev.accesslink4j.RateBudget;
import dev.accesslink4j.RateLimit;
import dev.accesslink4j.sync.jdbc.internal.BudgetLearned;
import dev.accesslink4j.sync.jdbc.internal.BudgetPolicy;
import dev.accesslink4j.sync.jdbc.internal.BudgetRow;
import dev.accesslink4j.sync.jdbc.internal.BudgetTable;
import dev.accesslink4j.sync.jdbc.internal.BudgetWindow;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A {@link RateBudget} shared by every process of one partner client through a PostgreSQL table: summed over all
 * processes, no window grants more permits than its limit. Create one per process (and share it between all
 * clients of the partner credentials in the process), close it when the process stops.
 *
 * <p>The design. The table {@code <prefix>rate_budget} holds one row per budget {@linkplain Builder#name name}
 * with both of Polar's windows: limit, permits leased, reset, and a generation that counts the window's resets.
 * A process does not ask the database for every request: it leases a slice of permits from both windows at once in
 * one short transaction (the row read {@code FOR UPDATE}, one {@code UPDATE}), then grants them to its threads from
 * memory. A slice is at most {@link Builder#sliceSize(int)} permits (default 50) and at most a tenth of what is
 * left, so near a window's end the last permits spread over the processes. At Polar's rates the database sees a
 * write per slice, a few per second, not one per request ({@link #databaseWrites()} counts them). When the
 * database has nothing left to lease, {@link #tryAcquire()} answers {@link Window#SHORT} or {@link Window#LONG}
 * with the window's reset, and asks the database again only then.
 *
 * <p>A slice belongs to one generation of each window: it is spent only until the earlier of the two resets, and
 * its unspent rest is handed back to each window that has not reset since: on {@link #close()}, and with the next
 * lease when the short window resets while the long window runs on (those permits were counted in the long
 * window too).
 *
 * <p>Learning from the headers, as {@link dev.accesslink4j.InProcessRateBudget} does: a window starts at its first
 * lease with a guessed reset (the length plus the {@linkplain Builder#safetyMargin safety margin}); the first
 * answer's {@code RateLimit-Reset} replaces the guess and later ones can only bring it closer; the reported limit
 * replaces the configured one; a reported usage higher than the table's (other traffic of the same partner client)
 * raises it; a report of a window Polar started after the table's starts the table's next generation. What a
 * process learns limits its own slice at once (its slice ends at the reported reset and shrinks to what Polar says
 * is left) and reaches the table with its next lease, so learning costs no write of its own. A 429 marks the short
 * window spent, as in the in-process budget.
 *
 * <p>A process that dies holding a slice never hands it back: its unspent permits are lost for that window only
 * (the next generation starts from zero), at most one slice per dead process. The budget errs that way on purpose:
 * permits that may have been spent are never granted twice. Resets are times on the processes' clocks: keep them in
 * step (NTP); a skew within the safety margin does no harm.
 *
 * <p>Thread-safe: one lock guards the process's slice; a thread that finds the slice empty leases the next one
 * holding it (one database round trip). The budget holds one connection of the data source between calls. A
 * failing database makes {@link #tryAcquire()} throw {@link IllegalStateException} (with the {@link SQLException}
 * as its cause), so no request goes out unmetered.
 */
public final class JdbcRateBudget implements RateBudget, AutoCloseable {
  private final BudgetTable table;
  private final BudgetPolicy policy;
  private final Clock clock;
  private final String name;

  private BudgetWindow shortSeen;
  private BudgetWindow longSeen;
  private BudgetLearned shortLearned = BudgetLearned.nothing(-1);
  private BudgetLearned longLearned = BudgetLearned.nothing(-1);
  private BudgetPolicy.Slice slice = BudgetPolicy.Slice.NONE;
  private Instant sliceUntil = Instant.MIN;
  private @Nullable Window refused;
  private Instant refusedUntil = Instant.MIN;
  private long inFlight;
  private boolean closed;

  private JdbcRateBudget(Builder b, SyncSchema schema, long shortLimit, long longLimit) {
    this.table = new BudgetTable(schema.dataSource(), schema.table("rate_budget"), b.name);
    this.policy = new BudgetPolicy(b.shortLength, b.longLength, b.margin, b.sliceSize);
    this.clock = b.clock;
    this.name = b.name;
    this.shortSeen = new BudgetWindow(-1, shortLimit, 0, null, false);
    this.longSeen = new BudgetWindow(-1, longLimit, 0, null, false);
  }

  /**
   * Starts a builder for tables with the default prefix ({@value SyncSchema#DEFAULT_PREFIX}) unless
   * {@link Builder#tablePrefix(String)} says otherwise.
   *
   * @param dataSource the database
   * @return a builder
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(Objects.requireNonNull(dataSource, "dataSource"), null);
  }

  /**
   * Starts a builder for the tables of a schema.
   *
   * @param schema the database and table prefix
   * @return a builder
   */
  public static Builder builder(SyncSchema schema) {
    Objects.requireNonNull(schema, "schema");
    return new Builder(schema.dataSource(), schema);
  }

  @Override
  public synchronized Decision tryAcquire() {
    if (closed) {
      throw new IllegalStateException("the rate budget is closed: " + name);
    }
    Instant now = clock.instant();
    if (slice.permits() > 0 && now.isBefore(sliceUntil)) {
      return grant();
    }
    if (refused != null && now.isBefore(refusedUntil)) {
      return Decision.waitFor(refused, Duration.between(now, refusedUntil), refusedUntil);
    }
    lease(now);
    if (slice.permits() > 0) {
      return grant();
    }
    Window window = Objects.requireNonNull(refused);
    return Decision.waitFor(window, Duration.between(now, refusedUntil), refusedUntil);
  }

  @Override
  public synchronized void answered(int status, @Nullable RateLimit reported) {
    inFlight = Math.max(0, inFlight - 1);
    Instant now = clock.instant();
    if (reported != null) {
      shortLearned =
          hear(shortSeen, shortLearned, reported.shortWindow(), now, policy.shortLength());
      longLearned = hear(longSeen, longLearned, reported.longWindow(), now, policy.longLength());
    }
    if (status == 429
        && (reported == null
            || !(reported.shortWindow().isExhausted() || reported.longWindow().isExhausted()))) {
      shortLearned = shortLearned.spent(shortSeen);
      dropSlice();
    }
  }

  @Override
  public synchronized void unanswered() {
    inFlight = Math.max(0, inFlight - 1);
  }

  /**
   * Hands the unspent rest of this process's slice back to the shared windows, so that the other processes can
   * lease it, and releases the connection. The budget grants nothing afterwards; a second call does nothing.
   *
   * @throws IllegalStateException when the database fails (the connection is released all the same)
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try (BudgetTable t = table) {
      if (slice.permits() > 0 && clock.instant().isBefore(sliceUntil)) {
        t.giveBack(slice.shortGeneration(), slice.longGeneration(), slice.permits());
      }
      slice = BudgetPolicy.Slice.NONE;
    } catch (SQLException e) {
      throw new IllegalStateException("the rate budget could not hand back its slice: " + name, e);
    }
  }

  /**
   * How many writing statements (INSERT, UPDATE) this budget has sent to the database: one on creation, one per
   * slice leased (or per window corrected while leasing none), one per slice handed back.
   *
   * @return the count
   */
  public long databaseWrites() {
    return table.writes();
  }

  /**
   * The budget's name: the partner client whose windows it shares.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  @Override
  public synchronized String toString() {
    return "JdbcRateBudget[" + name + ", slice " + slice.permits() + ", short " + shortSeen.used()
        + "/" + shortSeen.limit() + ", long " + longSeen.used() + "/" + longSeen.limit() + "]";
  }

  private Decision grant() {
    slice = new BudgetPolicy.Slice(
        slice.shortGeneration(), slice.longGeneration(), slice.permits() - 1);
    inFlight++;
    return Decision.granted();
  }

  /** Leases the next slice, handing back the rest of an expired one; holds the lock. */
  private void lease(Instant now) {
    BudgetPolicy.Slice old = slice;
    long[] permits = new long[1];
    BudgetRow row;
    try {
      row = table.update(r -> policy.plan(r, now, old, shortLearned, longLearned, permits));
    } catch (SQLException e) {
      throw new IllegalStateException("the rate budget's database failed: " + name, e);
    }
    shortSeen = row.shortWindow();
    longSeen = row.longWindow();
    shortLearned = BudgetLearned.nothing(shortSeen.generation());
    longLearned = BudgetLearned.nothing(longSeen.generation());
    slice = new BudgetPolicy.Slice(shortSeen.generation(), longSeen.generation(), permits[0]);
    if (permits[0] > 0) {
      sliceUntil = earlier(
          resetOf(shortSeen, now, policy.shortLength()),
          resetOf(longSeen, now, policy.longLength()));
      refused = null;
    } else {
      refused = longSeen.remaining() == 0 ? Window.LONG : Window.SHORT;
      refusedUntil = refused == Window.LONG
          ? resetOf(longSeen, now, policy.longLength())
          : resetOf(shortSeen, now, policy.shortLength());
    }
  }

  /**
   * Learns one window from an answer: the slice ends at the reported reset and shrinks to what Polar says is left;
   * the usage to write with the next lease is Polar's count plus what this process may still send (in flight and
   * in its slice), since the table's count of this process's permits is replaced, not added to.
   */
  private BudgetLearned hear(
      BudgetWindow seen,
      BudgetLearned learned,
      RateLimit.Window reported,
      Instant now,
      Duration length) {
    Instant reset = now.plus(reported.resetsIn()).plus(policy.margin());
    BudgetLearned anew = learned.hear(seen, reported, reset, inFlight, length);
    if (anew.newWindow()) {
      // Polar is in a window the table has not started: this slice was counted in one that is over.
      dropSlice();
      return anew;
    }
    long polarLeft = Math.max(0, reported.limit() - reported.used() - inFlight);
    if (slice.permits() > polarLeft) {
      slice = new BudgetPolicy.Slice(slice.shortGeneration(), slice.longGeneration(), polarLeft);
    }
    sliceUntil = earlier(sliceUntil, reset);
    return learned.hear(seen, reported, reset, inFlight + slice.permits(), length);
  }

  private void dropSlice() {
    slice = new BudgetPolicy.Slice(slice.shortGeneration(), slice.longGeneration(), 0);
  }

  private Instant resetOf(BudgetWindow w, Instant now, Duration length) {
    Instant reset = w.resetAt();
    return reset != null ? reset : now.plus(length).plus(policy.margin());
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  /** Builds a {@link JdbcRateBudget}. Not thread-safe. */
  public static final class Builder {
    private final DataSource dataSource;
    private @Nullable SyncSchema schema;
    private String prefix = SyncSchema.DEFAULT_PREFIX;
    private String name = "default";
    private int users;
    private @Nullable Long shortLimit;
    private @Nullable Long longLimit;
    private Duration shortLength = Duration.ofMinutes(15);
    private Duration longLength = Duration.ofHours(24);
    private int sliceSize = 50;
    private Clock clock = Clock.systemUTC();
    private Duration margin = Duration.ofSeconds(1);

    private Builder(DataSource dataSource, @Nullable SyncSchema schema) {
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
    public Builder tablePrefix(String prefix) {
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
    public Builder name(String name) {
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
    public Builder registeredUsers(int users) {
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
    public Builder limits(long shortLimit, long longLimit) {
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
    public Builder windowLengths(Duration shortLength, Duration longLength) {
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
    public Builder sliceSize(int permits) {
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
    public Builder clock(Clock clock) {
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
    public Builder safetyMargin(Duration margin) {
      if (Objects.requireNonNull(margin, "margin").isNegative()) {
        throw new IllegalArgumentException("margin must not be negative: " + margin);
      }
      this.margin = margin;
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
     * @throws IllegalStateException when the database fails
     */
    public JdbcRateBudget build() {
      SyncSchema s = schema != null ? schema : SyncSchema.of(dataSource, prefix);
      s.migrate();
      long shortStart = shortLimit != null ? shortLimit : 500L + 20L * users;
      long longStart = longLimit != null ? longLimit : 5000L + 100L * users;
      JdbcRateBudget budget = new JdbcRateBudget(this, s, shortStart, longStart);
      try {
        budget.table.ensure(shortStart, longStart);
      } catch (SQLException e) {
        budget.close();
        throw new IllegalStateException("the rate budget's row could not be created: " + name, e);
      }
      return budget;
    }
  }
}

package dev.accesslink4j.sync.jdbc;

import dev.accesslink4j.RateBudget;
import dev.accesslink4j.RateBudgetListener;
import dev.accesslink4j.RateBudgetListeners;
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
 * processes, no window grants more permits than its limit. Create one per process (and share it between all clients of
 * the partner credentials in the process), close it when the process stops.
 *
 * <p>The design. The table {@code <prefix>rate_budget} holds one row per budget {@linkplain JdbcRateBudgetBuilder#name
 * name} with both of Polar's windows: limit, permits leased, reset, and a generation that counts the window's resets. A
 * process does not ask the database for every request: it leases a slice of permits from both windows at once in one
 * short transaction (the row read {@code FOR UPDATE}, one {@code UPDATE}), then grants them to its threads from memory.
 * A slice is at most {@link JdbcRateBudgetBuilder#sliceSize(int)} permits (default 50) and at most a tenth of what is
 * left, so near a window's end the last permits spread over the processes. At Polar's rates the database sees a write
 * per slice, a few per second, not one per request ({@link #databaseWrites()} counts them). When the database has
 * nothing left to lease, {@link #tryAcquire()} answers {@link Window#SHORT} or {@link Window#LONG} with the window's
 * reset, and asks the database again only then.
 *
 * <p>A slice belongs to one generation of each window: it is spent only until shortly before the earlier of the two
 * resets ({@linkplain JdbcRateBudgetBuilder#windowEndGuard the window-end guard}, default 2 s: Polar rounds resets up
 * to whole seconds and a request sent just before a reset may arrive after it and count in the next window, which
 * the table starts only at the reset, so no process spends the last moments of a window), and its
 * unspent rest is handed back to each window that has not reset since: on {@link #close()}, and with the next lease
 * when the short window resets while the long window runs on (those permits were counted in the long window too).
 *
 * <p>Learning from the headers, as {@link dev.accesslink4j.InProcessRateBudget} does: a window starts at its first
 * lease with a guessed reset (the length plus the {@linkplain JdbcRateBudgetBuilder#safetyMargin safety margin}); the
 * first answer's {@code RateLimit-Reset} replaces the guess and later ones can only bring it closer; the reported limit
 * replaces the configured one; a reported usage higher than the table's (other traffic of the same partner client)
 * raises it; a report of a window Polar started after the table's starts the table's next generation. What a process
 * learns limits its own slice at once (its slice ends at the reported reset and shrinks to what Polar says is left) and
 * reaches the table with its next lease; only the first report of a window's reset (the table holds a guess until then)
 * and a 429 are written at once, at most one write per process and window besides the 429s. A 429 marks the short
 * window spent, as in the in-process budget.
 *
 * <p>A process that dies holding a slice never hands it back: its unspent permits are lost for that window only (the
 * next generation starts from zero), at most one slice per dead process. The budget errs that way on purpose: permits
 * that may have been spent are never granted twice. Resets are times on the processes' clocks: keep them in step (NTP);
 * a skew within the safety margin does no harm.
 *
 * <p>{@link #subscribe(RateBudgetListener) Listeners} hear each wait it decides and, after each answer, what both
 * windows have left; they are called after the lock is released.
 *
 * <p>Thread-safe: one lock guards the process's slice; a thread that finds the slice empty leases the next one while
 * holding the lock (one database round trip; the other threads of the process wait for that slice). The budget holds
 * one connection of the data source between calls. A failing database makes {@link #tryAcquire()} throw {@link
 * SyncDatabaseException}, so no request goes out unmetered.
 */
public final class JdbcRateBudget implements RateBudget, AutoCloseable {
  private final BudgetTable table;
  private final BudgetPolicy policy;
  private final Clock clock;
  private final String name;
  private final String tableName;

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
  private final RateBudgetListeners listeners = new RateBudgetListeners();

  private JdbcRateBudget(
      JdbcRateBudgetBuilder b, SyncSchema schema, long shortLimit, long longLimit) {
    this.tableName = schema.table("rate_budget");
    this.table = new BudgetTable(schema.dataSource(), tableName, b.name);
    this.policy = new BudgetPolicy(b.shortLength, b.longLength, b.margin, b.guard, b.sliceSize);
    this.clock = b.clock;
    this.name = b.name;
    this.shortSeen = new BudgetWindow(-1, shortLimit, 0, null, false);
    this.longSeen = new BudgetWindow(-1, longLimit, 0, null, false);
  }

  /** Builds the budget and creates its row unless it exists; releases the connection when that fails. */
  static JdbcRateBudget create(
      JdbcRateBudgetBuilder b, SyncSchema schema, long shortLimit, long longLimit) {
    JdbcRateBudget budget = new JdbcRateBudget(b, schema, shortLimit, longLimit);
    try {
      budget.table.ensure(shortLimit, longLimit);
    } catch (SQLException e) {
      budget.close();
      throw new SyncDatabaseException(
          "creating the rate budget's row " + b.name + " in " + schema.table("rate_budget"), e);
    }
    return budget;
  }

  /**
   * Starts a builder for tables with the default prefix ({@value SyncSchema#DEFAULT_PREFIX}) unless
   * {@link JdbcRateBudgetBuilder#tablePrefix(String)} says otherwise.
   *
   * @param dataSource the database
   * @return a builder
   */
  public static JdbcRateBudgetBuilder builder(DataSource dataSource) {
    return new JdbcRateBudgetBuilder(Objects.requireNonNull(dataSource, "dataSource"), null);
  }

  /**
   * Starts a builder for the tables of a schema.
   *
   * @param schema the database and table prefix
   * @return a builder
   */
  public static JdbcRateBudgetBuilder builder(SyncSchema schema) {
    Objects.requireNonNull(schema, "schema");
    return new JdbcRateBudgetBuilder(schema.dataSource(), schema);
  }

  @Override
  public Decision tryAcquire() {
    Decision decision = decide();
    listeners.decided(decision);
    return decision;
  }

  private synchronized Decision decide() {
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
  public void answered(int status, @Nullable RateLimit reported) {
    long[] left = learn(status, reported);
    listeners.left(left[0], left[1]);
  }

  /**
   * Subscribes a listener: it hears every wait {@link #tryAcquire()} decides, and after each answer what both shared
   * windows have left as far as this process knows: what the table had left at its last lease plus its own unspent
   * slice, lowered to what the answer's headers say Polar has left (Polar counts every process).
   *
   * @param listener the listener
   * @return the subscription; close it to stop hearing
   */
  @Override
  public Subscription subscribe(RateBudgetListener listener) {
    return listeners.add(listener);
  }

  /** Applies an answer; returns what both windows have left. */
  private synchronized long[] learn(int status, @Nullable RateLimit reported) {
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
      correct();
    } else if (reported != null
        && shortSeen.generation() >= 0
        && (!shortSeen.fromHeaders() || !longSeen.fromHeaders())) {
      correct();
    }
    return new long[] {
      left(shortSeen, now, reported == null ? null : reported.shortWindow()),
      left(longSeen, now, reported == null ? null : reported.longWindow())
    };
  }

  /**
   * Writes what this process learned at once, without leasing: the first report of a window's reset (the table's
   * reset is the first lease's guess until then, and a process whose slice ends at the guess must not start the next
   * window on it while Polar's runs on) and a 429. At most one write per process and window, besides the 429s. A
   * failure is left for the next lease, which carries the same facts.
   */
  private void correct() {
    BudgetLearned s = shortLearned;
    BudgetLearned l = longLearned;
    try {
      BudgetRow row = table.update(
          r -> new BudgetRow(r.shortWindow().learn(s), r.longWindow().learn(l)));
      shortSeen = row.shortWindow();
      longSeen = row.longWindow();
      shortLearned = BudgetLearned.nothing(shortSeen.generation());
      longLearned = BudgetLearned.nothing(longSeen.generation());
    } catch (SQLException e) {
      // the next lease writes the same facts, or fails and says so
    }
  }

  private long left(BudgetWindow seen, Instant now, RateLimit.@Nullable Window reported) {
    long known = seen.expired(now) ? seen.limit() : seen.remaining() + slice.permits();
    if (reported != null) {
      known = Math.min(known, reported.remaining());
    }
    return Math.min(Integer.MAX_VALUE, known);
  }

  @Override
  public synchronized void unanswered() {
    inFlight = Math.max(0, inFlight - 1);
  }

  /**
   * Hands the unspent rest of this process's slice back to the shared windows, so that the other processes can
   * lease it, and releases the connection. The budget grants nothing afterwards; a second call does nothing.
   *
   * @throws SyncDatabaseException when the database fails (the connection is released all the same)
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
      throw new SyncDatabaseException(
          "handing back the rate budget's slice " + name + " in " + tableName, e);
    }
  }

  /**
   * How many writing statements (INSERT, UPDATE) this budget has sent to the database: one on creation, one per
   * slice leased (or per window renewed or corrected while leasing none), one per slice handed back, and one for the
   * first report of each window's reset this process hears and for each 429.
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
      throw new SyncDatabaseException(
          "leasing a slice of the rate budget " + name + " in " + tableName, e);
    }
    shortSeen = row.shortWindow();
    longSeen = row.longWindow();
    shortLearned = BudgetLearned.nothing(shortSeen.generation());
    longLearned = BudgetLearned.nothing(longSeen.generation());
    slice = new BudgetPolicy.Slice(shortSeen.generation(), longSeen.generation(), permits[0]);
    Instant shortReset = resetOf(shortSeen, now, policy.shortLength());
    Instant longReset = resetOf(longSeen, now, policy.longLength());
    if (permits[0] > 0) {
      sliceUntil = earlier(shortReset, longReset).minus(policy.guard());
      refused = null;
    } else if (longSeen.remaining() == 0) {
      refused = Window.LONG;
      refusedUntil = longReset;
    } else {
      // the short window is spent or about to turn, or the long one about to turn: a short wait
      // either way
      refused = Window.SHORT;
      refusedUntil =
          shortSeen.remaining() == 0 || policy.turning(shortSeen, now) ? shortReset : longReset;
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
    sliceUntil = earlier(sliceUntil, reset.minus(policy.guard()));
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
}

package dev.accesslink4j.sync;

import dev.accesslink4j.AccessLink;
import dev.accesslink4j.services.ExerciseQuery;
import dev.accesslink4j.sync.internal.RunTally;
import dev.accesslink4j.webhooks.DataEvent;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Syncs every linked user's new exercises and daily data into a {@link SyncSink}, each item at least once and keyed
 * for idempotent storage, recording what was delivered in a {@link StateStore} so that a rerun reads only what is
 * new.
 *
 * <pre>{@code
 * try (FileStateStore state = FileStateStore.open(dir.resolve("state"))) {
 *   SyncReport report = SyncEngine.builder(client, UserSource.fromTokenStore(tokens), new FileSystemSink(dir))
 *       .stateStore(state)
 *       .build()
 *       .run();
 * }
 * }</pre>
 *
 * <p><b>What it reads.</b> The non-transactional API: for {@link SyncKind#EXERCISES} the {@code /v3/exercises} list
 * (the last 30 days, summaries included: one request per user) and, for each exercise not delivered before, one
 * request per chosen {@link ExerciseFormat}; for the daily kinds their range endpoints, from a look-back of
 * {@link Builder#lookBackDays(int) 28 days} on the first run, afterwards from a few days before the last date read
 * ({@link Builder#reReadDays(int) 2}: Polar may still update them), so a rerun costs one request per user and kind.
 * A daily item is delivered when it is new or its content changed. For {@link SyncKind#PHYSICAL_INFO} the current
 * value ({@code /v3/users/physical-info}, one request), delivered when it changed. A file AccessLink does not have (404: a GPX of an
 * exercise without a route) is skipped.
 *
 * <p><b>Transactions.</b> {@link Builder#transactionalKinds(Set)} takes exercises, daily activity and physical
 * information from Polar's deprecated transactional API instead, with its guarantee: a transaction is committed only
 * after every one of its items was delivered, and a failure leaves it uncommitted so that Polar offers the items
 * again; the keys stay those of the non-transactional path.
 *
 * <p><b>Concurrency.</b> {@link Builder#userParallelism(int) 16} users at once, and per user
 * {@link Builder#exercisesPerUser(int) 4} exercises' files at once: at most 64 requests in flight. A sync is bound by
 * latency, not bandwidth or CPU: each request waits tens to hundreds of milliseconds for AccessLink, and a user's
 * sync starts with one list request before its files, so many users must be in flight to hide it (30 users with 10
 * exercises, 50 ms a request: 1.3 s instead of 31.5 s one request at a time; with 8 users at once, 2.5 s). 64
 * connections stay a modest number for one partner; AccessLink's limits count requests per 15 minutes and per 24
 * hours, not connections, and pacing those is the client's rate budget's job. Lower it for a small rate budget.
 * State updates for one user and kind stay in order (one lock per user and kind).
 *
 * <p><b>Failures.</b> A failing kind never stops the others, nor a failing user the other users. A 401 (token
 * revoked) or 403 (consents missing) stops that user's run and is reported in {@link SyncReport#reLink()} or
 * {@link SyncReport#consentRequired()}, and recorded in the state store as a {@link UserHold}: later runs skip a 401
 * user without a request ({@link SyncReport#skipped()}) until the user source gives another token, and try a 403
 * user once per run (one request) until the consents are given. An item is recorded only after the sink returned, so a process killed at any
 * moment loses nothing: the next run delivers again what was not recorded.
 *
 * <p><b>Rate budget.</b> Every request is paced by the client's {@link dev.accesslink4j.RateBudget} (set one with
 * {@link dev.accesslink4j.AccessLinkBuilder#rateBudget}): a spent 15-minute window is waited out by the client,
 * without a 429. When the budget is spent for longer than the client waits (the 24-hour window: a request throws
 * {@link dev.accesslink4j.errors.RateBudgetExhaustedException}), the run stops cleanly: no new request for any user
 * (those in flight finish and are recorded), nothing undelivered recorded, the state flushed, and the report says
 * when the window resets ({@link SyncReport#stoppedUntil()}); the kinds and users not reached are not failures, and a
 * run after that moment goes on where this one stopped (an exercise's files are recorded one by one, so none is
 * fetched twice). A 429 that AccessLink answers anyway (other traffic of the same partner client) is waited out by
 * the client's retry policy as its headers say, and is no stop.
 *
 * <p><b>Several processes.</b> Before it syncs a user the engine takes the user's lease from its
 * {@link Builder#userLeases(UserLeases) UserLeases}: a user another process holds is not synced (no request) and is
 * listed in {@link SyncReport#busy()}. The lease is renewed every {@link UserLeases#renewEvery()} on a daemon thread
 * while the user is synced, so a slow sink never lets it expire; a renewal that fails stops the user before its
 * next request, its remaining kinds reported as failed ("lease lost to another process"). The lease is closed when
 * the user is done, also on failure; a process killed releases its users when their leases expire.
 *
 * <p>Thread-safe; {@link #run()} may be called again (for example on a schedule), but not twice at once for one
 * state store.
 */
public final class SyncEngine {
  private final UserSource users;
  private final Set<SyncKind> kinds;
  private final Set<ExerciseFormat> formats;
  private final int userParallelism;
  private final Runner runner;

  private SyncEngine(Builder b) {
    this.users = b.users;
    this.kinds = Set.copyOf(b.kinds);
    this.formats = Set.copyOf(b.formats);
    this.userParallelism = b.userParallelism;
    Clock clock = b.clock != null ? b.clock : b.client.clock();
    Map<SyncKind, KindSync> syncs = KindSync.forEachKind(
        clock,
        b.lookBackDays,
        b.reReadDays,
        formats,
        b.exerciseQuery,
        b.exercisesPerUser,
        b.transactionalKinds);
    UserSync userSync = new UserSync(b.client, b.leases, syncs);
    this.runner = new Runner(
        userSync,
        b.sink,
        b.state,
        b.listener,
        b.client.rateBudget(),
        b.userParallelism,
        b.exercisesPerUser);
  }

  /**
   * Starts a builder.
   *
   * @param client the AccessLink client (its retry policy and rate budget apply to every request)
   * @param users where the users and their tokens come from
   * @param sink where the data goes
   * @return the builder
   */
  public static Builder builder(AccessLink client, UserSource users, SyncSink sink) {
    return new Builder(client, users, sink);
  }

  /**
   * Syncs every user of the source, every chosen kind. Returns when all are done, or when the rate budget stopped
   * the run ({@link SyncReport#stoppedUntil()}).
   *
   * @return what was done, with every failure
   */
  public SyncReport run() {
    return runner.run(users.users(), kinds, null);
  }

  /**
   * Syncs one kind of one user, for a pull notification or a webhook: for exercises the list and the new
   * exercises' files, for a daily kind the days since the last read (as {@link #run()} does for that pair).
   *
   * @param userId the Polar user id
   * @param kind the kind
   * @return what was done; a failure when the source has no such user
   */
  public SyncReport sync(long userId, SyncKind kind) {
    return syncOne(userId, Objects.requireNonNull(kind, "kind"), null);
  }

  /**
   * Syncs one date of one daily kind of one user (one request), for an event naming the date; delivered when new or
   * changed. For {@link SyncKind#EXERCISES} and {@link SyncKind#PHYSICAL_INFO} the date is ignored, as in {@link #sync(long, SyncKind)}.
   *
   * @param userId the Polar user id
   * @param kind the kind
   * @param date the date
   * @return what was done
   */
  public SyncReport sync(long userId, SyncKind kind, LocalDate date) {
    Objects.requireNonNull(date, "date");
    return syncOne(userId, Objects.requireNonNull(kind, "kind"), new Span(date, date));
  }

  /**
   * Syncs what a webhook event or pull notification announces: an exercise event syncs the user's exercises, a
   * sleep, activity summary or continuous heart rate event that kind's date, a SleepWise alertness or circadian
   * bedtime event that kind's dates (its range), a physical information event the current physical information.
   * Other events do nothing.
   *
   * @param event the verified event
   * @return what was done
   */
  public SyncReport sync(DataEvent<?> event) {
    return EventTarget.of(Objects.requireNonNull(event, "event"))
        .map(t -> syncOne(t.userId(), t.kind(), t.dates()))
        .orElseGet(() -> new RunTally().report(Optional.empty()));
  }

  private SyncReport syncOne(long userId, SyncKind kind, @Nullable Span date) {
    Optional<SyncUser> user = users.user(userId);
    if (user.isEmpty()) {
      RunTally tally = new RunTally();
      tally.fail(new SyncFailure(userId, kind, SyncFailure.Reason.ERROR, "no token for this user"));
      return tally.report(Optional.empty());
    }
    return runner.run(List.of(user.get()), Set.of(kind), date);
  }

  @Override
  public String toString() {
    return "SyncEngine[kinds=" + kinds + ", formats=" + formats + ", users in parallel="
        + userParallelism + "]";
  }

  /** Options of a {@link SyncEngine}; every one but the client, the users and the sink has a default. */
  public static final class Builder {
    private final AccessLink client;
    private final UserSource users;
    private final SyncSink sink;
    private StateStore state = new InMemoryStateStore();
    private Set<SyncKind> kinds = EnumSet.allOf(SyncKind.class);
    private Set<ExerciseFormat> formats = EnumSet.allOf(ExerciseFormat.class);
    private ExerciseQuery exerciseQuery = ExerciseQuery.none();
    private int lookBackDays = 28;
    private int reReadDays = 2;
    private int userParallelism = 16;
    private int exercisesPerUser = 4;
    private SyncListener listener = SyncListener.NONE;
    private UserLeases leases = UserLeases.inProcess();
    private Set<SyncKind> transactionalKinds = EnumSet.noneOf(SyncKind.class);
    private @Nullable Clock clock;

    private Builder(AccessLink client, UserSource users, SyncSink sink) {
      this.client = Objects.requireNonNull(client, "client");
      this.users = Objects.requireNonNull(users, "users");
      this.sink = Objects.requireNonNull(sink, "sink");
    }

    /**
     * Where delivered items are recorded. Default: an {@link InMemoryStateStore} (everything is delivered again by
     * the next process); use a {@link FileStateStore} or a shared store to sync incrementally.
     *
     * @param state the store
     * @return this builder
     */
    public Builder stateStore(StateStore state) {
      this.state = Objects.requireNonNull(state, "state");
      return this;
    }

    /**
     * The kinds to sync. Default: every {@link SyncKind}.
     *
     * @param kinds at least one kind
     * @return this builder
     */
    public Builder kinds(Set<SyncKind> kinds) {
      if (kinds.isEmpty()) {
        throw new IllegalArgumentException("choose at least one kind");
      }
      this.kinds = EnumSet.copyOf(kinds);
      return this;
    }

    /**
     * The file formats downloaded for every new exercise, one request each. Default: FIT, TCX and GPX (the CLI's
     * layout). An empty set delivers the summaries only.
     *
     * @param formats the formats
     * @return this builder
     */
    public Builder exerciseFormats(Set<ExerciseFormat> formats) {
      this.formats =
          formats.isEmpty() ? EnumSet.noneOf(ExerciseFormat.class) : EnumSet.copyOf(formats);
      return this;
    }

    /**
     * What the exercise list includes besides the summaries (samples, zones, route). Default: nothing more.
     *
     * @param query the parts to include
     * @return this builder
     */
    public Builder exerciseQuery(ExerciseQuery query) {
      this.exerciseQuery = Objects.requireNonNull(query, "query");
      return this;
    }

    /**
     * How many days the first run of a daily kind reads, today included. Default 28: what Sleep and Nightly Recharge
     * list in one request. Up to 365 (the activity endpoint's limit); beyond 28, Sleep and Nightly Recharge read the
     * older days one request per day.
     *
     * @param days 1 to 365
     * @return this builder
     */
    public Builder lookBackDays(int days) {
      this.lookBackDays = inRange(days, 365, "lookBackDays");
      return this;
    }

    /**
     * How many of the most recent days already read a later run reads again, since Polar may still update them
     * (a night's sleep, a day's activity). Default 2: the last date read and the day before.
     *
     * @param days 1 to 28
     * @return this builder
     */
    public Builder reReadDays(int days) {
      this.reReadDays = inRange(days, 28, "reReadDays");
      return this;
    }

    /**
     * How many users are synced at once. Default 16 (see the class documentation).
     *
     * @param users 1 to 256
     * @return this builder
     */
    public Builder userParallelism(int users) {
      this.userParallelism = inRange(users, 256, "userParallelism");
      return this;
    }

    /**
     * How many exercises of one user have their files downloaded at once. Default 4.
     *
     * @param exercises 1 to 64
     * @return this builder
     */
    public Builder exercisesPerUser(int exercises) {
      this.exercisesPerUser = inRange(exercises, 64, "exercisesPerUser");
      return this;
    }

    /**
     * Who hears the progress. Default: nobody.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(SyncListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * The kinds taken from Polar's deprecated transactional API instead of the non-transactional endpoints, for
     * applications built on its commit-after-delivery guarantee. Default: none. Allowed:
     * {@link SyncKind#EXERCISES}, {@link SyncKind#DAILY_ACTIVITY} and {@link SyncKind#PHYSICAL_INFO}.
     *
     * <p>For these kinds the engine creates a transaction, fetches every item (for exercises also its files in the
     * chosen formats) and delivers it to the sink, and commits the transaction only after every one of its items
     * was delivered (the sink returned), until AccessLink has nothing new (a 204: one request per run). When an item
     * fails the transaction is not committed, so Polar offers its items again in a later transaction, and the kind
     * is reported failed. The keys stay those of the non-transactional path (an exercise's hashed id, matched by
     * its upload and start times with one {@code /v3/exercises} request per run that finds exercises; an activity's
     * date), so a sink stays idempotent when a user switches modes; physical-information snapshots are keyed by
     * their transactional id. Files and items already delivered (an uncommitted transaction offered again) are not
     * fetched twice. Only data uploaded after the user was registered is offered, and only for 28 days.
     *
     * @param kinds the kinds; empty for none
     * @return this builder
     * @throws IllegalArgumentException naming a kind that has no transactional API
     */
    public Builder transactionalKinds(Set<SyncKind> kinds) {
      for (SyncKind kind : kinds) {
        if (!TransactionalSync.KINDS.contains(kind)) {
          throw new IllegalArgumentException(kind
              + " has no transactional API: only EXERCISES, DAILY_ACTIVITY and PHYSICAL_INFO can be"
              + " taken from transactions");
        }
      }
      this.transactionalKinds =
          kinds.isEmpty() ? EnumSet.noneOf(SyncKind.class) : EnumSet.copyOf(kinds);
      return this;
    }

    /**
     * Who may sync a user now, when several engine processes share the users (see {@link UserLeases}). Default:
     * {@link UserLeases#inProcess()}, every user granted. Before it syncs a user the engine takes the user's lease;
     * a user another process holds is not synced (no request) and is reported in {@link SyncReport#busy()}. While
     * the user is synced the engine renews the lease every {@link UserLeases#renewEvery()} on a daemon thread; when a
     * renewal fails the user stops before its next request, its remaining kinds reported as failures ("lease lost to
     * another process"; what was delivered stays recorded). The lease is closed when the user is done.
     *
     * @param leases the leases
     * @return this builder
     */
    public Builder userLeases(UserLeases leases) {
      this.leases = Objects.requireNonNull(leases, "leases");
      return this;
    }

    /**
     * The clock that says which day it is (UTC dates of the clock's zone). Default: the client's clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    private static int inRange(int value, int max, String name) {
      if (value < 1 || value > max) {
        throw new IllegalArgumentException(name + " must be 1 to " + max + ", not " + value);
      }
      return value;
    }

    /**
     * Builds the engine.
     *
     * @return the engine
     */
    public SyncEngine build() {
      return new SyncEngine(this);
    }
  }
}

package dev.accesslink4j.sync;

import dev.accesslink4j.AccessLink;
import dev.accesslink4j.UserClient;
import dev.accesslink4j.errors.ConsentRequiredException;
import dev.accesslink4j.errors.NotFoundException;
import dev.accesslink4j.errors.UnauthorizedException;
import dev.accesslink4j.generated.model.TrainingSession;
import dev.accesslink4j.services.ExerciseQuery;
import dev.accesslink4j.sync.internal.DailyReaders;
import dev.accesslink4j.sync.internal.Dated;
import dev.accesslink4j.sync.internal.Fingerprints;
import dev.accesslink4j.sync.internal.RunTally;
import dev.accesslink4j.webhooks.ActivitySummaryEvent;
import dev.accesslink4j.webhooks.AlertnessEvent;
import dev.accesslink4j.webhooks.CircadianBedtimeEvent;
import dev.accesslink4j.webhooks.ContinuousHeartRateEvent;
import dev.accesslink4j.webhooks.DataEvent;
import dev.accesslink4j.webhooks.ExerciseEvent;
import dev.accesslink4j.webhooks.PhysicalInformationEvent;
import dev.accesslink4j.webhooks.SleepEvent;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
 * <p>Thread-safe; {@link #run()} may be called again (for example on a schedule), but not twice at once for one
 * state store.
 */
public final class SyncEngine {
  private static final String PHYSICAL_INFO_ID = "current";
  private final AccessLink client;
  private final UserSource users;
  private final SyncSink sink;
  private final StateStore state;
  private final Set<SyncKind> kinds;
  private final Set<ExerciseFormat> formats;
  private final ExerciseQuery exerciseQuery;
  private final int lookBackDays;
  private final int reReadDays;
  private final int userParallelism;
  private final int exercisesPerUser;
  private final SyncListener listener;
  private final Clock clock;

  private SyncEngine(Builder b) {
    this.client = b.client;
    this.users = b.users;
    this.sink = b.sink;
    this.state = b.state;
    this.kinds = Set.copyOf(b.kinds);
    this.formats = Set.copyOf(b.formats);
    this.exerciseQuery = b.exerciseQuery;
    this.lookBackDays = b.lookBackDays;
    this.reReadDays = b.reReadDays;
    this.userParallelism = b.userParallelism;
    this.exercisesPerUser = b.exercisesPerUser;
    this.listener = b.listener;
    this.clock = b.clock != null ? b.clock : client.clock();
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
   * Syncs every user of the source, every chosen kind. Returns when all are done.
   *
   * @return what was done, with every failure
   */
  public SyncReport run() {
    List<SyncUser> all = users.users();
    return syncUsers(all, kinds, null);
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
    Objects.requireNonNull(event, "event");
    if (event instanceof ExerciseEvent e) {
      return sync(e.userId(), SyncKind.EXERCISES);
    } else if (event instanceof SleepEvent e) {
      return sync(e.userId(), SyncKind.SLEEP, e.date());
    } else if (event instanceof ActivitySummaryEvent e) {
      return sync(e.userId(), SyncKind.DAILY_ACTIVITY, e.date());
    } else if (event instanceof ContinuousHeartRateEvent e) {
      return sync(e.userId(), SyncKind.CONTINUOUS_HEART_RATE, e.date());
    } else if (event instanceof AlertnessEvent e) {
      return syncOne(e.userId(), SyncKind.SLEEP_WISE_ALERTNESS, Span.of(e.from(), e.to()));
    } else if (event instanceof CircadianBedtimeEvent e) {
      return syncOne(e.userId(), SyncKind.SLEEP_WISE_CIRCADIAN_BEDTIME, Span.of(e.from(), e.to()));
    } else if (event instanceof PhysicalInformationEvent e) {
      return sync(e.userId(), SyncKind.PHYSICAL_INFO);
    }
    return new RunTally().report(0);
  }

  private SyncReport syncOne(long userId, SyncKind kind, @Nullable Span date) {
    Optional<SyncUser> user = users.user(userId);
    if (user.isEmpty()) {
      RunTally tally = new RunTally();
      tally.fail(new SyncFailure(userId, kind, SyncFailure.Reason.ERROR, "no token for this user"));
      return tally.report(0);
    }
    return syncUsers(List.of(user.get()), Set.of(kind), date);
  }

  private SyncReport syncUsers(List<SyncUser> list, Set<SyncKind> chosen, @Nullable Span date) {
    RunTally tally = new RunTally();
    ExecutorService userPool = Executors.newFixedThreadPool(
        Math.max(1, Math.min(userParallelism, list.size())), threads("accesslink-sync-user"));
    ExecutorService filePool = Executors.newFixedThreadPool(
        Math.max(1, Math.min(userParallelism, list.size())) * exercisesPerUser,
        threads("accesslink-sync-files"));
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (SyncUser user : list) {
        futures.add(userPool.submit(() -> syncUser(user, chosen, date, tally, filePool)));
      }
      for (Future<?> future : futures) {
        await(future);
      }
    } finally {
      userPool.shutdownNow();
      filePool.shutdownNow();
    }
    state.flush();
    return tally.report(list.size());
  }

  private void syncUser(
      SyncUser user,
      Set<SyncKind> chosen,
      @Nullable Span date,
      RunTally tally,
      ExecutorService files) {
    Optional<UserHold> hold = state.loadHold(user.userId());
    if (hold.isPresent() && hold.get().skips(user.token())) {
      tally.skip(user.userId()); // this token answered 401 before: it will not work again
      return;
    }
    listener.userStarted(user.userId());
    UserClient userClient = client.user(user.token());
    int failures = 0;
    int finished = 0;
    SyncFailure.@Nullable Reason refused = null;
    for (SyncKind kind : SyncKind.values()) {
      if (!chosen.contains(kind)) {
        continue;
      }
      listener.kindStarted(user.userId(), kind);
      try {
        int delivered = switch (kind) {
          case EXERCISES -> syncExercises(user.userId(), userClient, tally, files);
          case PHYSICAL_INFO -> syncPhysicalInfo(user.userId(), userClient, tally);
          default -> syncDaily(user.userId(), kind, userClient, date, tally);
        };
        listener.kindFinished(user.userId(), kind, delivered);
        finished++;
      } catch (Exception e) {
        failures++;
        SyncFailure failure = failure(user.userId(), kind, e);
        tally.fail(failure);
        listener.kindFailed(failure);
        if (failure.reason() != SyncFailure.Reason.ERROR) {
          refused = failure.reason();
          break; // the token or the consent is gone: every other kind would fail the same way
        }
      }
    }
    if (refused != null) {
      UserHold next = UserHold.of(refused, user.token());
      if (!hold.equals(Optional.of(next))) {
        state.saveHold(user.userId(), next);
      }
    } else if (hold.isPresent() && finished > 0) {
      state.clearHold(user.userId()); // linked again, or the consents were given
    }
    listener.userFinished(user.userId(), failures);
  }

  private static SyncFailure failure(long userId, SyncKind kind, Exception e) {
    Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    SyncFailure.Reason reason = cause instanceof UnauthorizedException
        ? SyncFailure.Reason.RELINK
        : cause instanceof ConsentRequiredException
            ? SyncFailure.Reason.CONSENT_REQUIRED
            : SyncFailure.Reason.ERROR;
    return new SyncFailure(
        userId, kind, reason, cause.getClass().getSimpleName() + ": " + cause.getMessage());
  }

  private int syncExercises(long userId, UserClient user, RunTally tally, ExecutorService files)
      throws Exception {
    request(userId, SyncKind.EXERCISES, tally);
    List<TrainingSession> sessions = user.exercises().list(exerciseQuery);
    Object lock = new Object();
    KindState[] current = {state.load(userId, SyncKind.EXERCISES)};
    List<String> listed = new ArrayList<>();
    Semaphore slots = new Semaphore(exercisesPerUser);
    List<Future<?>> pending = new ArrayList<>();
    AtomicInteger delivered = new AtomicInteger();
    for (TrainingSession session : sessions) {
      String id = session.getId();
      if (id == null) {
        continue;
      }
      listed.add(id);
      if (current[0].contains(id)) {
        continue;
      }
      slots.acquire();
      try {
        pending.add(files.submit(() -> {
          try {
            delivered.addAndGet(deliverExercise(userId, user, id, session, tally));
            synchronized (lock) {
              current[0] = current[0].with(id, 0L);
              state.save(userId, SyncKind.EXERCISES, current[0]);
            }
            return null;
          } finally {
            slots.release();
          }
        }));
      } catch (RuntimeException e) {
        slots.release();
        throw e;
      }
    }
    Exception first = null;
    for (Future<?> future : pending) {
      try {
        future.get();
      } catch (ExecutionException e) {
        if (first == null) {
          first = e.getCause() instanceof Exception cause ? cause : e;
        }
      }
    }
    synchronized (lock) {
      // exercises that left the 30-day window can never come back: forget them, the state stays
      // small
      KindState pruned = current[0].retainAll(listed);
      if (!pruned.equals(current[0])) {
        current[0] = pruned;
        state.save(userId, SyncKind.EXERCISES, pruned);
      }
    }
    if (first != null) {
      throw first;
    }
    return delivered.get();
  }

  private int deliverExercise(
      long userId, UserClient user, String id, TrainingSession session, RunTally tally)
      throws Exception {
    int delivered = 0;
    for (ExerciseFormat format : ExerciseFormat.values()) {
      if (!formats.contains(format)) {
        continue;
      }
      SyncFile file = new SyncFile(userId, id, format);
      AtomicLong size = new AtomicLong();
      try {
        sink.file(file, out -> {
          request(userId, SyncKind.EXERCISES, tally);
          long n = switch (format) {
            case FIT -> user.exercises().fit(id, out);
            case TCX -> user.exercises().tcx(id, out);
            case GPX -> user.exercises().gpx(id, out);
          };
          size.set(n);
          return n;
        });
      } catch (NotFoundException e) {
        continue; // AccessLink has no such file (a GPX without a route)
      }
      tally.file(size.get());
      listener.fileDelivered(file, size.get());
      delivered++;
    }
    SyncItem item = new SyncItem(userId, SyncKind.EXERCISES, id, session);
    sink.item(item);
    tally.item();
    listener.itemDelivered(item);
    return delivered + 1;
  }

  /** The current physical information: one request, delivered as the item {@code current} when it changed. */
  private int syncPhysicalInfo(long userId, UserClient user, RunTally tally) throws Exception {
    request(userId, SyncKind.PHYSICAL_INFO, tally);
    Optional<dev.accesslink4j.generated.model.PhysicalInfo> info =
        user.physicalInfo().get();
    if (info.isEmpty()) {
      return 0;
    }
    KindState current = state.load(userId, SyncKind.PHYSICAL_INFO);
    SyncItem item = new SyncItem(userId, SyncKind.PHYSICAL_INFO, PHYSICAL_INFO_ID, info.get());
    long fingerprint = Fingerprints.of(item.json());
    if (current.fingerprint(PHYSICAL_INFO_ID).orElse(~fingerprint) == fingerprint) {
      return 0; // unchanged since it was delivered
    }
    sink.item(item);
    tally.item();
    listener.itemDelivered(item);
    state.save(userId, SyncKind.PHYSICAL_INFO, current.with(PHYSICAL_INFO_ID, fingerprint));
    return 1;
  }

  private int syncDaily(
      long userId, SyncKind kind, UserClient user, @Nullable Span date, RunTally tally)
      throws Exception {
    LocalDate today = LocalDate.now(clock);
    KindState current = state.load(userId, kind);
    LocalDate from;
    LocalDate to;
    if (date != null) {
      from = date.from();
      to = date.to();
    } else {
      LocalDate earliest = today.minusDays(lookBackDays - 1L);
      from = current
          .readThrough()
          .map(d -> (d.isAfter(today) ? today : d).minusDays(reReadDays - 1L))
          .filter(d -> d.isAfter(earliest))
          .orElse(earliest);
      to = today;
    }
    List<Dated> items =
        DailyReaders.read(kind, user, from, to, today, () -> request(userId, kind, tally));
    Map<String, Integer> seen = new HashMap<>();
    int delivered = 0;
    for (Dated dated : items) {
      String base = dated.date() == null ? "undated" : dated.date().toString();
      int n = seen.merge(base, 1, Integer::sum);
      String id = n == 1 ? base : base + "-" + n;
      SyncItem item = new SyncItem(userId, kind, id, dated.value());
      long fingerprint = Fingerprints.of(item.json());
      if (current.fingerprint(id).orElse(~fingerprint) == fingerprint) {
        continue; // delivered before, unchanged
      }
      sink.item(item);
      tally.item();
      listener.itemDelivered(item);
      delivered++;
      current = current.with(id, fingerprint);
      state.save(userId, kind, current);
    }
    if (date == null) {
      LocalDate keepFrom =
          today.minusDays(Math.max(lookBackDays, DailyReaders.MAX_RANGE_DATES) + 7L);
      List<String> keep = new ArrayList<>();
      for (String id : current.ids()) {
        if (id.length() < 10 || id.substring(0, 10).compareTo(keepFrom.toString()) >= 0) {
          keep.add(id);
        }
      }
      current = current.retainAll(keep).withReadThrough(today);
      state.save(userId, kind, current);
    }
    return delivered;
  }

  private void request(long userId, SyncKind kind, RunTally tally) {
    tally.request();
    listener.requestSent(userId, kind);
  }

  private static void await(Future<?> future) {
    try {
      future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the sync was interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a sync worker failed unexpectedly", e.getCause());
    }
  }

  private static ThreadFactory threads(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** The dates a targeted sync reads, both included. */
  private record Span(LocalDate from, LocalDate to) {
    static Span of(LocalDate from, LocalDate to) {
      return from.isAfter(to) ? new Span(to, from) : new Span(from, to);
    }
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
      if (days < 1 || days > 365) {
        throw new IllegalArgumentException("lookBackDays must be 1 to 365, not " + days);
      }
      this.lookBackDays = days;
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
      if (days < 1 || days > 28) {
        throw new IllegalArgumentException("reReadDays must be 1 to 28, not " + days);
      }
      this.reReadDays = days;
      return this;
    }

    /**
     * How many users are synced at once. Default 16 (see the class documentation).
     *
     * @param users 1 to 256
     * @return this builder
     */
    public Builder userParallelism(int users) {
      if (users < 1 || users > 256) {
        throw new IllegalArgumentException("userParallelism must be 1 to 256, not " + users);
      }
      this.userParallelism = users;
      return this;
    }

    /**
     * How many exercises of one user have their files downloaded at once. Default 4.
     *
     * @param exercises 1 to 64
     * @return this builder
     */
    public Builder exercisesPerUser(int exercises) {
      if (exercises < 1 || exercises > 64) {
        throw new IllegalArgumentException("exercisesPerUser must be 1 to 64, not " + exercises);
      }
      this.exercisesPerUser = exercises;
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
     * The clock that says which day it is (UTC dates of the clock's zone). Default: the client's clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
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

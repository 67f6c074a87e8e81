package dev.accesslink4j.sync;

import dev.accesslink4j.services.ExerciseQuery;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The work of one kind (or one way of reading it) for one user in a run: one job per implementation. */
interface KindSync {
  /**
   * Syncs the kind of the user: reads what is new, delivers it to the sink, records it.
   *
   * @param user the user's turn in the run (its client, its request gate, the sink and state)
   * @param kind the kind
   * @param dates the dates of a targeted sync, or null for a regular run
   * @return how many items and files were delivered
   * @throws Exception anything: the kind failed (what was recorded before stays recorded)
   */
  int sync(UserTurn user, SyncKind kind, @Nullable Span dates) throws Exception;

  /** The work of every kind: the transactional API for the kinds opted in, else the kind's endpoints. */
  static Map<SyncKind, KindSync> forEachKind(
      Clock clock,
      int lookBackDays,
      int reReadDays,
      Set<ExerciseFormat> formats,
      ExerciseQuery query,
      int exercisesPerUser,
      Set<SyncKind> transactional) {
    Map<SyncKind, KindSync> syncs = new EnumMap<>(SyncKind.class);
    KindSync daily = new DailySync(clock, lookBackDays, reReadDays);
    KindSync fromTransactions = new TransactionalSync(formats, clock, lookBackDays);
    for (SyncKind kind : SyncKind.values()) {
      syncs.put(kind, daily);
    }
    syncs.put(SyncKind.EXERCISES, new ExerciseSync(formats, query, exercisesPerUser));
    syncs.put(SyncKind.PHYSICAL_INFO, new PhysicalInfoSync());
    for (SyncKind kind : transactional) {
      syncs.put(kind, fromTransactions);
    }
    return syncs;
  }
}

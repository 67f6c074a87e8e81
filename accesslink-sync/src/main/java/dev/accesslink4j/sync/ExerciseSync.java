package dev.accesslink4j.sync;

import dev.accesslink4j.errors.NotFoundException;
import dev.accesslink4j.generated.model.TrainingSession;
import dev.accesslink4j.services.ExerciseQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A user's exercises from the non-transactional API: the {@code /v3/exercises} list (summaries included, one
 * request), then for each exercise not delivered before its files in the chosen formats (one request each, a few
 * exercises at once on the run's file pool) and its summary.
 */
final class ExerciseSync implements KindSync {
  private final Set<ExerciseFormat> formats;
  private final ExerciseQuery query;
  private final int perUser;

  ExerciseSync(Set<ExerciseFormat> formats, ExerciseQuery query, int perUser) {
    this.formats = Set.copyOf(formats);
    this.query = query;
    this.perUser = perUser;
  }

  @Override
  public int sync(UserTurn user, SyncKind kind, @Nullable Span dates) throws Exception {
    user.request(SyncKind.EXERCISES);
    List<TrainingSession> sessions = user.client().exercises().list(query);
    ExerciseLedger ledger = new ExerciseLedger(user.state(), user.userId());
    List<String> listed = new ArrayList<>();
    Semaphore slots = new Semaphore(perUser);
    List<Future<?>> pending = new ArrayList<>();
    AtomicInteger delivered = new AtomicInteger();
    Exception first = null;
    try {
      for (TrainingSession session : sessions) {
        String id = session.getId();
        if (id == null) {
          continue;
        }
        listed.add(id);
        if (ledger.done(id)) {
          continue;
        }
        slots.acquire();
        try {
          user.checkGoing(); // stopped, or the lease lost, while waiting for a slot
          pending.add(user.files().submit(() -> {
            try {
              delivered.addAndGet(deliver(user, ledger, id, session));
              return null;
            } catch (Exception e) {
              user.stopIfSpent(e); // at once, so that no other worker starts a request
              throw e;
            } finally {
              slots.release();
            }
          }));
        } catch (RuntimeException e) {
          slots.release();
          throw e;
        }
      }
    } catch (Exception e) {
      first = e; // stopped, or the lease lost: the exercises already started still finish
    }
    boolean walkedAll = first == null;
    for (Future<?> future : pending) {
      try {
        future.get();
      } catch (ExecutionException e) {
        if (first == null) {
          first = e.getCause() instanceof Exception cause ? cause : e;
        }
      }
    }
    if (walkedAll) {
      ledger.retain(listed); // only a complete list says which exercises left the window
    }
    if (first != null) {
      throw first;
    }
    return delivered.get();
  }

  /** Delivers one exercise: the files not delivered before, then the summary; records it. */
  private int deliver(UserTurn user, ExerciseLedger ledger, String id, TrainingSession session)
      throws Exception {
    int delivered = 0;
    for (ExerciseFormat format : ExerciseFormat.values()) {
      if (!formats.contains(format) || ledger.hasFile(id, format)) {
        continue;
      }
      user.checkGoing();
      SyncFile file = new SyncFile(user.userId(), id, format);
      AtomicLong size = new AtomicLong();
      try {
        user.sink().file(file, out -> {
          user.request(SyncKind.EXERCISES);
          long n = switch (format) {
            case FIT -> user.client().exercises().fit(id, out);
            case TCX -> user.client().exercises().tcx(id, out);
            case GPX -> user.client().exercises().gpx(id, out);
          };
          size.set(n);
          return n;
        });
      } catch (NotFoundException e) {
        continue; // AccessLink has no such file (a GPX without a route)
      }
      ledger.fileDone(id, format);
      user.delivered(file, size.get());
      delivered++;
    }
    user.deliver(new SyncItem(user.userId(), SyncKind.EXERCISES, id, session));
    ledger.exerciseDone(id);
    return delivered + 1;
  }
}

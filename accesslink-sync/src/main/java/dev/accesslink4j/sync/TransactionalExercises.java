package dev.accesslink4j.sync;

import dev.accesslink4j.generated.model.Exercise;
import dev.accesslink4j.generated.model.TrainingSession;
import dev.accesslink4j.transactions.ExerciseItem;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The exercises of a transaction: each one's summary and its files in the chosen formats, under the key of the
 * non-transactional path. A transactional exercise has an integer id, not the hashed id of {@code /v3/exercises}, so
 * when a transaction holds exercises the engine lists {@code /v3/exercises} once (one request) and matches each
 * exercise by its upload and start times; one that does not match (it left the 30-day list) keeps its integer id.
 * Files and exercises are recorded as on the non-transactional path, so an exercise offered again (its transaction
 * not committed) or already delivered by the other mode is not fetched twice.
 */
final class TransactionalExercises {
  private final Set<ExerciseFormat> formats;

  TransactionalExercises(Set<ExerciseFormat> formats) {
    this.formats = Set.copyOf(formats);
  }

  /** A fresh handler for one sync of one user. */
  TransactionalSync.Items<ExerciseItem> items() {
    return new Items();
  }

  /** Thrown inside a file's content when AccessLink has no such file (204): the sink keeps nothing. */
  private static final class NoFile extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NoFile() {
      super("no such file", null, false, false);
    }
  }

  private record When(
      @Nullable OffsetDateTime uploaded, @Nullable LocalDateTime started) {
    boolean known() {
      return uploaded != null && started != null;
    }
  }

  private final class Items implements TransactionalSync.Items<ExerciseItem> {
    private final Map<When, String> hashedIds = new HashMap<>();
    private final List<String> listed = new ArrayList<>();
    private @Nullable ExerciseLedger ledger;

    @Override
    public void opened(UserTurn user, List<Long> ids) throws Exception {
      if (ids.isEmpty()) {
        return;
      }
      if (ledger == null) {
        ledger = new ExerciseLedger(user.state(), user.userId());
        user.request(SyncKind.EXERCISES);
        for (TrainingSession s : user.client().exercises().list()) {
          When when = new When(instant(s.getUploadTime()), s.getStartTime());
          if (s.getId() != null && when.known()) {
            hashedIds.put(when, s.getId());
            listed.add(s.getId());
          }
        }
      }
    }

    @Override
    public int deliver(UserTurn user, ExerciseItem item) throws Exception {
      ExerciseLedger done = Objects.requireNonNull(ledger, "opened first");
      Exercise summary = item.summary();
      When when = new When(instant(summary.getUploadTime()), summary.getStartTime());
      String id = when.known() ? hashedIds.getOrDefault(when, "") : "";
      if (id.isEmpty()) {
        id = Long.toString(item.id());
        listed.add(id);
      }
      if (done.done(id)) {
        return 0; // delivered before (by the other mode, or in a transaction left uncommitted)
      }
      int delivered = 0;
      for (ExerciseFormat format : ExerciseFormat.values()) {
        if (formats.contains(format) && !done.hasFile(id, format)) {
          delivered += file(user, done, item, id, format);
        }
      }
      user.deliver(new SyncItem(user.userId(), SyncKind.EXERCISES, id, summary));
      done.exerciseDone(id);
      return delivered + 1;
    }

    @Override
    public void committed(UserTurn user) {
      if (ledger != null) {
        ledger.retain(listed); // forget what left the 30-day list
      }
    }

    private int file(
        UserTurn user, ExerciseLedger done, ExerciseItem item, String id, ExerciseFormat format)
        throws Exception {
      user.checkGoing();
      SyncFile file = new SyncFile(user.userId(), id, format);
      AtomicLong size = new AtomicLong();
      try {
        user.sink().file(file, out -> {
          user.request(SyncKind.EXERCISES);
          OptionalLong n = switch (format) {
            case FIT -> item.downloadFit(out);
            case TCX -> item.downloadTcx(out);
            case GPX -> item.downloadGpx(out);
          };
          size.set(n.orElseThrow(NoFile::new));
          return size.get();
        });
      } catch (Exception e) {
        if (Causes.find(e, NoFile.class) != null) {
          return 0; // 204: AccessLink has no such file (a GPX without a route)
        }
        throw e;
      }
      done.fileDone(id, format);
      user.delivered(file, size.get());
      return 1;
    }
  }

  private static @Nullable OffsetDateTime instant(@Nullable OffsetDateTime t) {
    return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
  }
}

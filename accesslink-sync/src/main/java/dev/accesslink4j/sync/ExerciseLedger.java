package dev.accesslink4j.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What was delivered of one user's exercises, shared by the threads that download them: an exercise is recorded
 * under its id once its files and its summary were delivered; each file is recorded as {@code <id>/<format>} as soon
 * as the sink took it, so that a run stopped (or killed) in the middle of an exercise fetches only its missing files
 * next time. Every change is saved at once.
 */
final class ExerciseLedger {
  private final StateStore store;
  private final long userId;
  private KindState current;

  ExerciseLedger(StateStore store, long userId) {
    this.store = store;
    this.userId = userId;
    this.current = store.load(userId, SyncKind.EXERCISES);
  }

  synchronized boolean done(String id) {
    return current.contains(id);
  }

  synchronized boolean hasFile(String id, ExerciseFormat format) {
    return current.contains(fileId(id, format));
  }

  synchronized void fileDone(String id, ExerciseFormat format) {
    save(current.with(fileId(id, format), 0L));
  }

  /** Records the exercise as delivered, in place of its files. */
  synchronized void exerciseDone(String id) {
    KindState next = current.with(id, 0L);
    for (ExerciseFormat format : ExerciseFormat.values()) {
      next = next.without(fileId(id, format));
    }
    save(next);
  }

  /**
   * Forgets the exercises (and their files) that left AccessLink's 30-day window: they never come back, and the state
   * stays small.
   *
   * @param listed the ids AccessLink listed
   */
  synchronized void retain(Collection<String> listed) {
    Set<String> keep = Set.copyOf(listed);
    List<String> kept = new ArrayList<>();
    for (String id : current.ids()) {
      int slash = id.indexOf('/');
      if (keep.contains(slash < 0 ? id : id.substring(0, slash))) {
        kept.add(id);
      }
    }
    KindState pruned = current.retainAll(kept);
    if (!pruned.equals(current)) {
      save(pruned);
    }
  }

  private void save(KindState next) {
    if (!next.equals(current)) {
      current = next;
      store.save(userId, SyncKind.EXERCISES, next);
    }
  }

  private static String fileId(String id, ExerciseFormat format) {
    return id + "/" + format.extension();
  }
}

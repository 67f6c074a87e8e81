package dev.accesslink4j.testkit.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One synced exercise: both of its ids, its upload time and the plan its data is generated from. */
public final class ExerciseRecord {
  /** The hashed id of {@code /v3/exercises/{id}}. */
  public final String hashedId;
  /** The integer id of the exercise transactions. */
  public final long transactionalId;
  /** When the exercise reached Flow. */
  public final Instant uploadTime;
  /** What the recording is generated from. */
  public final ExercisePlan plan;

  private @Nullable ExerciseTrack track;

  ExerciseRecord(String hashedId, long transactionalId, Instant uploadTime, ExercisePlan plan) {
    this.hashedId = hashedId;
    this.transactionalId = transactionalId;
    this.uploadTime = uploadTime;
    this.plan = plan;
  }

  /** The generated recording, computed once. */
  public synchronized ExerciseTrack track() {
    ExerciseTrack t = track;
    if (t == null) {
      t = ExerciseTrack.generate(plan);
      track = t;
    }
    return t;
  }
}

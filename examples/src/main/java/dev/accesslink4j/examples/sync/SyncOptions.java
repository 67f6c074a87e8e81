package dev.accesslink4j.examples.sync;

import dev.accesslink4j.sync.ExerciseFormat;
import dev.accesslink4j.sync.SyncKind;
import java.util.EnumSet;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What the command line chose for a sync: the kinds, the exercise files, the look-back of a first run and how many
 * users at once.
 *
 * @param kinds the kinds to sync, at least one
 * @param formats the files downloaded for every new exercise (empty: summaries only)
 * @param lookBackDays how many days the first sync of a daily kind reads, today included (1 to 365)
 * @param concurrency how many users are synced at once; empty for the engine's default
 */
public record SyncOptions(
    Set<SyncKind> kinds, Set<ExerciseFormat> formats, int lookBackDays, OptionalInt concurrency) {
  /**
   * Checks and copies the parts.
   *
   * @param kinds the kinds
   * @param formats the formats
   * @param lookBackDays the look-back
   * @param concurrency users at once
   */
  public SyncOptions {
    if (kinds.isEmpty()) {
      throw new IllegalArgumentException("choose at least one kind");
    }
    kinds = Set.copyOf(EnumSet.copyOf(kinds));
    formats = Set.copyOf(formats);
    Objects.requireNonNull(concurrency, "concurrency");
  }

  /**
   * Every kind, every format, the given look-back and the engine's concurrency: what {@code sync} does without
   * {@code --kinds}, {@code --formats} or {@code --concurrency}.
   *
   * @param lookBackDays the look-back
   * @return the options
   */
  public static SyncOptions everything(int lookBackDays) {
    return new SyncOptions(
        EnumSet.allOf(SyncKind.class),
        EnumSet.allOf(ExerciseFormat.class),
        lookBackDays,
        OptionalInt.empty());
  }
}

package dev.accesslink4j.sync;

import java.util.Objects;

/**
 * One exercise file handed to the sink, keyed by user, exercise and format.
 *
 * @param userId the Polar user id
 * @param exerciseId the exercise's hashed id
 * @param format the file format
 */
public record SyncFile(long userId, String exerciseId, ExerciseFormat format) {
  /**
   * Checks the parts.
   *
   * @param userId the Polar user id
   * @param exerciseId the exercise's hashed id
   * @param format the file format
   */
  public SyncFile {
    Objects.requireNonNull(exerciseId, "exerciseId");
    Objects.requireNonNull(format, "format");
  }

  /**
   * The stable key of the file: {@code <userId>/exercises/<exerciseId>.<extension>}.
   *
   * @return for example {@code 12345/exercises/a1b2c3.fit}
   */
  public String key() {
    return userId + "/" + SyncKind.EXERCISES.folder() + "/" + exerciseId + "." + format.extension();
  }
}

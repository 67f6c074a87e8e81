package dev.accesslink4j.sync;

/** A file format in which an exercise's recording is downloaded: one request per chosen format per new exercise. */
public enum ExerciseFormat {
  /** Garmin FIT, the richest format ({@code /v3/exercises/{id}/fit}). */
  FIT("fit"),
  /** Training Center XML ({@code /v3/exercises/{id}/tcx}). */
  TCX("tcx"),
  /** GPS Exchange Format ({@code /v3/exercises/{id}/gpx}); exercises without a route have none. */
  GPX("gpx");

  private final String extension;

  ExerciseFormat(String extension) {
    this.extension = extension;
  }

  /**
   * The file name extension, without the dot.
   *
   * @return for example {@code fit}
   */
  public String extension() {
    return extension;
  }
}

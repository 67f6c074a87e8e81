package dev.accesslink4j.internal;

/**
 * The file formats AccessLink serves, each with the check a download of it must pass before it counts as done (see
 * {@link Downloads}).
 */
public enum FileKind {
  /** Garmin's binary FIT: header, data size and CRCs are checked ({@link FitIntegrity}); never decompressed. */
  FIT(false),
  /** Training Center XML: decompressed when gzipped, then checked to be well-formed with a TrainingCenterDatabase root. */
  TCX(true),
  /** GPX route: decompressed if it ever arrives gzipped, then checked to be well-formed with a gpx root. */
  GPX(true);

  private final boolean gunzip;

  FileKind(boolean gunzip) {
    this.gunzip = gunzip;
  }

  /**
   * Whether a body that starts with the gzip magic bytes is decompressed before it is checked and written.
   *
   * @return true for the XML formats
   */
  boolean gunzip() {
    return gunzip;
  }

  /**
   * A fresh verifier for one download of this kind.
   *
   * @return the verifier
   */
  FileVerifier verifier() {
    return switch (this) {
      case FIT -> new FitVerifier();
      case TCX -> new XmlVerifier("TCX", "TrainingCenterDatabase");
      case GPX -> new XmlVerifier("GPX", "gpx");
    };
  }
}

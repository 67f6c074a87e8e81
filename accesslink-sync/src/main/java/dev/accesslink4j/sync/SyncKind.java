package dev.accesslink4j.sync;

/**
 * A kind of data the engine syncs, read from AccessLink's non-transactional endpoints. Each kind has its own state
 * (what was delivered) and its own folder in the {@link FileSystemSink} layout.
 */
public enum SyncKind {
  /** Training sessions of the last 30 days ({@code /v3/exercises}), each with its files in the chosen formats. */
  EXERCISES("exercises"),
  /** Daily activity summaries ({@code /v3/users/activities?from&to}), one per day. */
  DAILY_ACTIVITY("activity"),
  /** Nights of sleep ({@code /v3/users/sleep}, the last 28 days), one per night. */
  SLEEP("sleep"),
  /** Nightly Recharge ({@code /v3/users/nightly-recharge}, the last 28 days), one per night. */
  NIGHTLY_RECHARGE("nightly-recharge"),
  /** Continuous heart rate ({@code /v3/users/continuous-heart-rate?from&to}), one per day. */
  CONTINUOUS_HEART_RATE("continuous-heart-rate"),
  /** Cardio load ({@code /v3/users/cardio-load/date?from&to}), one per day that has a load. */
  CARDIO_LOAD("cardio-load"),
  /**
   * SleepWise alertness ({@code /v3/users/sleepwise/alertness/date?from&to}), each named by its period's start
   * time ({@code 2026-11-30T07-00-00}), so several on one day keep their names from run to run.
   */
  SLEEP_WISE_ALERTNESS("sleepwise-alertness"),
  /**
   * SleepWise circadian bedtime ({@code /v3/users/sleepwise/circadian-bedtime/date?from&to}), each named by its
   * period's start time.
   */
  SLEEP_WISE_CIRCADIAN_BEDTIME("sleepwise-circadian-bedtime"),
  /** Body temperature periods ({@code /v3/users/biosensing/bodytemperature?from&to}), each named by its start time. */
  BODY_TEMPERATURE("body-temperature"),
  /** Sleep-time skin temperature ({@code /v3/users/biosensing/skintemperature?from&to}), one per night. */
  SKIN_TEMPERATURE("skin-temperature"),
  /** Skin-contact periods ({@code /v3/users/biosensing/skincontacts?from&to}), each named by its start time. */
  SKIN_CONTACTS("skin-contacts"),
  /** Wrist ECG tests ({@code /v3/users/biosensing/ecg?from&to}), each named by the test's local time. */
  ECG("ecg"),
  /** SpO2 tests ({@code /v3/users/biosensing/spo2?from&to}), each named by the test's local time. */
  SPO2("spo2"),
  /**
   * The user's current physical information ({@code /v3/users/physical-info}): one request per run, delivered when it
   * changed, as the item {@code current}.
   */
  PHYSICAL_INFO("physical-info");

  private final String folder;

  SyncKind(String folder) {
    this.folder = folder;
  }

  /**
   * The kind's short name: its folder in the {@link FileSystemSink} layout (the CLI's), and its name in the state.
   *
   * @return for example {@code nightly-recharge}
   */
  public String folder() {
    return folder;
  }

  /**
   * Whether the kind is read by date range with a look-back and a re-read of recent days (every kind but
   * {@link #EXERCISES} and {@link #PHYSICAL_INFO}).
   *
   * @return true for the daily kinds
   */
  public boolean daily() {
    return this != EXERCISES && this != PHYSICAL_INFO;
  }
}

package dev.accesslink4j.services;

/**
 * Which sample series to include with daily activity summaries: step samples, activity-zone samples and inactivity
 * stamps. Without them a summary carries only the day's totals; each flag fills one part of the summary's
 * {@code samples} object and makes the response larger.
 *
 * <pre>{@code
 * ActivityQuery query = ActivityQuery.none().withSteps().withInactivityStamps();
 * Optional<ActivitySummaryWithAllSamples> day = user.activities().get(LocalDate.of(2025, 8, 13), query);
 * }</pre>
 *
 * <p>Immutable and thread-safe; every {@code with…} method returns a new query. A record, so two queries with the
 * same flags are equal and print their flags.
 *
 * @param steps whether the step samples are included ({@code steps=true})
 * @param activityZones whether the activity-zone samples are included ({@code activity_zones=true})
 * @param inactivityStamps whether the inactivity stamps are included ({@code inactivity_stamps=true})
 */
public record ActivityQuery(boolean steps, boolean activityZones, boolean inactivityStamps) {
  private static final ActivityQuery NONE = new ActivityQuery(false, false, false);
  private static final ActivityQuery ALL = new ActivityQuery(true, true, true);

  /**
   * The day's totals only, without sample series.
   *
   * @return the query with every flag off
   */
  public static ActivityQuery none() {
    return NONE;
  }

  /**
   * Every sample series: steps, activity zones and inactivity stamps.
   *
   * @return the query with every flag on
   */
  public static ActivityQuery all() {
    return ALL;
  }

  /**
   * Also include the step samples ({@code samples.steps}).
   *
   * @return a query with the steps flag on
   */
  public ActivityQuery withSteps() {
    return new ActivityQuery(true, activityZones, inactivityStamps);
  }

  /**
   * Also include the activity-zone samples ({@code samples.activity_zones}).
   *
   * @return a query with the activity-zones flag on
   */
  public ActivityQuery withActivityZones() {
    return new ActivityQuery(steps, true, inactivityStamps);
  }

  /**
   * Also include the inactivity stamps ({@code samples.inactivity_stamps}).
   *
   * @return a query with the inactivity-stamps flag on
   */
  public ActivityQuery withInactivityStamps() {
    return new ActivityQuery(steps, activityZones, true);
  }
}

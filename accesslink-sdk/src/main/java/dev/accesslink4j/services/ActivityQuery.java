package dev.accesslink4j.services;

import org.jspecify.annotations.Nullable;

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
 * <p>Immutable and thread-safe; every {@code with…} method returns a new query.
 */
public final class ActivityQuery {
  private static final ActivityQuery NONE = new ActivityQuery(false, false, false);
  private static final ActivityQuery ALL = new ActivityQuery(true, true, true);

  private final boolean steps;
  private final boolean activityZones;
  private final boolean inactivityStamps;

  private ActivityQuery(boolean steps, boolean activityZones, boolean inactivityStamps) {
    this.steps = steps;
    this.activityZones = activityZones;
    this.inactivityStamps = inactivityStamps;
  }

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

  /**
   * Whether step samples are requested.
   *
   * @return the steps flag
   */
  public boolean steps() {
    return steps;
  }

  /**
   * Whether activity-zone samples are requested.
   *
   * @return the activity-zones flag
   */
  public boolean activityZones() {
    return activityZones;
  }

  /**
   * Whether inactivity stamps are requested.
   *
   * @return the inactivity-stamps flag
   */
  public boolean inactivityStamps() {
    return inactivityStamps;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ActivityQuery q
        && q.steps == steps
        && q.activityZones == activityZones
        && q.inactivityStamps == inactivityStamps;
  }

  @Override
  public int hashCode() {
    return (steps ? 4 : 0) | (activityZones ? 2 : 0) | (inactivityStamps ? 1 : 0);
  }

  @Override
  public String toString() {
    return "ActivityQuery[steps=" + steps + ", activityZones=" + activityZones
        + ", inactivityStamps=" + inactivityStamps + "]";
  }
}

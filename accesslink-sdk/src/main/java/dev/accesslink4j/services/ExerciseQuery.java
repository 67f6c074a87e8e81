package dev.accesslink4j.services;

import org.jspecify.annotations.Nullable;

/**
 * Which optional parts of a training session to include when listing or reading exercises: the sample series, the
 * heart-rate zones and the GPS route. Without them a session carries only its summary; each part adds a list to
 * every session ({@code getSamples()}, {@code getHeartRateZones()}, {@code getRoute()}) and makes the response larger.
 *
 * <pre>{@code
 * ExerciseQuery query = ExerciseQuery.none().withSamples().withRoute();
 * List<TrainingSession> sessions = user.exercises().list(query);
 * }</pre>
 *
 * <p>Immutable and thread-safe; every {@code with…} method returns a new query.
 */
public final class ExerciseQuery {
  private static final ExerciseQuery NONE = new ExerciseQuery(false, false, false);
  private static final ExerciseQuery ALL = new ExerciseQuery(true, true, true);

  private final boolean samples;
  private final boolean zones;
  private final boolean route;

  private ExerciseQuery(boolean samples, boolean zones, boolean route) {
    this.samples = samples;
    this.zones = zones;
    this.route = route;
  }

  /**
   * The summary only: no samples, zones or route (what {@link ExercisesService#list()} asks for).
   *
   * @return the query with every flag off
   */
  public static ExerciseQuery none() {
    return NONE;
  }

  /**
   * Everything: samples, heart-rate zones and route.
   *
   * @return the query with every flag on
   */
  public static ExerciseQuery all() {
    return ALL;
  }

  /**
   * Also include every sample series (heart rate, speed, cadence, altitude, RR intervals…) as {@code samples}.
   *
   * @return a query with the samples flag on
   */
  public ExerciseQuery withSamples() {
    return new ExerciseQuery(true, zones, route);
  }

  /**
   * Also include the time spent in each heart-rate zone as {@code heart_rate_zones}.
   *
   * @return a query with the zones flag on
   */
  public ExerciseQuery withZones() {
    return new ExerciseQuery(samples, true, route);
  }

  /**
   * Also include the GPS route points as {@code route} (sessions whose {@code has_route} is true).
   *
   * @return a query with the route flag on
   */
  public ExerciseQuery withRoute() {
    return new ExerciseQuery(samples, zones, true);
  }

  /**
   * Whether sample series are requested.
   *
   * @return the samples flag
   */
  public boolean samples() {
    return samples;
  }

  /**
   * Whether heart-rate zones are requested.
   *
   * @return the zones flag
   */
  public boolean zones() {
    return zones;
  }

  /**
   * Whether the GPS route is requested.
   *
   * @return the route flag
   */
  public boolean route() {
    return route;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ExerciseQuery q && q.samples == samples && q.zones == zones && q.route == route;
  }

  @Override
  public int hashCode() {
    return (samples ? 4 : 0) | (zones ? 2 : 0) | (route ? 1 : 0);
  }

  @Override
  public String toString() {
    return "ExerciseQuery[samples=" + samples + ", zones=" + zones + ", route=" + route + "]";
  }
}

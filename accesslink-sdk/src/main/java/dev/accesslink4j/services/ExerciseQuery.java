package dev.accesslink4j.services;

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
 * <p>Immutable and thread-safe; every {@code with…} method returns a new query. A record, so two queries with the
 * same flags are equal and print their flags.
 *
 * @param samples whether every sample series is included ({@code samples=true})
 * @param zones whether the heart-rate zones are included ({@code zones=true})
 * @param route whether the GPS route is included ({@code route=true})
 */
public record ExerciseQuery(boolean samples, boolean zones, boolean route) {
  private static final ExerciseQuery NONE = new ExerciseQuery(false, false, false);
  private static final ExerciseQuery ALL = new ExerciseQuery(true, true, true);

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
}

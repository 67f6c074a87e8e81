package dev.accesslink4j.testkit;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What to put into a seeded exercise: the sport, when it started (device-local time), how long it lasted, and
 * whether it has heart rate and a GPS route. Everything left unset is chosen by the fake's seeded generator.
 *
 * <pre>{@code
 * user.addExercise(ExerciseSpec.builder().sport(ExerciseSpec.Sport.ROAD_BIKING).heartRate(false).build());
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ExerciseSpec {
  /**
   * The sports the generator can simulate, each with the {@code sport} and {@code detailed-sport-info} values Polar
   * sends and the FIT sport it maps to.
   */
  public enum Sport {
    /** Outdoor running: route, speed, running cadence, running index, RR intervals. FIT RUNNING/STREET. */
    RUNNING("RUNNING", "RUNNING"),
    /** Road cycling: route, speed, cadence, power. FIT CYCLING/ROAD. */
    ROAD_BIKING("CYCLING", "ROAD_BIKING"),
    /** Walking: route, speed, cadence. FIT WALKING. */
    WALKING("WALKING", "WALKING"),
    /** Strength training: heart rate only, no distance. FIT TRAINING/STRENGTH_TRAINING. */
    STRENGTH_TRAINING("OTHER", "STRENGTH_TRAINING"),
    /** Pool swimming: distance and speed, no route; by default without heart rate. FIT SWIMMING. */
    POOL_SWIMMING("SWIMMING", "POOL_SWIMMING");

    private final String sport;
    private final String detailedSportInfo;

    Sport(String sport, String detailedSportInfo) {
      this.sport = sport;
      this.detailedSportInfo = detailedSportInfo;
    }

    /**
     * The value of the {@code sport} field.
     *
     * @return for example {@code CYCLING}
     */
    public String sportValue() {
      return sport;
    }

    /**
     * The value of the {@code detailed-sport-info} field.
     *
     * @return for example {@code ROAD_BIKING}
     */
    public String detailedSportInfo() {
      return detailedSportInfo;
    }

    /**
     * Whether this sport moves over ground (and so can have speed and distance).
     *
     * @return false only for strength training
     */
    public boolean hasDistance() {
      return this != STRENGTH_TRAINING;
    }

    /**
     * Whether a device records a GPS route for this sport by default.
     *
     * @return true for running, cycling and walking
     */
    public boolean hasRouteByDefault() {
      return this == RUNNING || this == ROAD_BIKING || this == WALKING;
    }
  }

  private final @Nullable Sport sport;
  private final @Nullable LocalDateTime start;
  private final @Nullable Duration duration;
  private final @Nullable Boolean heartRate;
  private final @Nullable Boolean route;

  private ExerciseSpec(Builder b) {
    this.sport = b.sport;
    this.start = b.start;
    this.duration = b.duration;
    this.heartRate = b.heartRate;
    this.route = b.route;
  }

  /**
   * A spec that leaves everything to the generator.
   *
   * @return an empty spec
   */
  public static ExerciseSpec random() {
    return builder().build();
  }

  /**
   * A spec for one sport, everything else generated.
   *
   * @param sport the sport
   * @return the spec
   */
  public static ExerciseSpec of(Sport sport) {
    return builder().sport(sport).build();
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The sport, if chosen.
   *
   * @return the sport, or empty to let the generator pick one
   */
  public Optional<Sport> sport() {
    return Optional.ofNullable(sport);
  }

  /**
   * The device-local start time, if chosen.
   *
   * @return the start, or empty to let the generator pick one that ends before "now"
   */
  public Optional<LocalDateTime> start() {
    return Optional.ofNullable(start);
  }

  /**
   * The duration, if chosen.
   *
   * @return the duration, or empty for a generated one (with a millisecond fraction, as Polar's are)
   */
  public Optional<Duration> duration() {
    return Optional.ofNullable(duration);
  }

  /**
   * Whether heart rate was recorded, if chosen.
   *
   * @return the choice, or empty for the sport's default (all but swimming)
   */
  public Optional<Boolean> heartRate() {
    return Optional.ofNullable(heartRate);
  }

  /**
   * Whether a GPS route was recorded, if chosen.
   *
   * @return the choice, or empty for the sport's default
   */
  public Optional<Boolean> route() {
    return Optional.ofNullable(route);
  }

  @Override
  public String toString() {
    return "ExerciseSpec[sport=" + sport + ", start=" + start + ", duration=" + duration
        + ", heartRate=" + heartRate + ", route=" + route + "]";
  }

  /** Builds an {@link ExerciseSpec}. Not thread-safe. */
  public static final class Builder {
    private @Nullable Sport sport;
    private @Nullable LocalDateTime start;
    private @Nullable Duration duration;
    private @Nullable Boolean heartRate;
    private @Nullable Boolean route;

    private Builder() {}

    /**
     * Sets the sport.
     *
     * @param sport the sport
     * @return this builder
     */
    public Builder sport(Sport sport) {
      this.sport = Objects.requireNonNull(sport, "sport");
      return this;
    }

    /**
     * Sets the device-local start time.
     *
     * @param start the start
     * @return this builder
     */
    public Builder start(LocalDateTime start) {
      this.start = Objects.requireNonNull(start, "start");
      return this;
    }

    /**
     * Sets the duration; between 1 minute and 12 hours.
     *
     * @param duration the duration
     * @return this builder
     */
    public Builder duration(Duration duration) {
      Objects.requireNonNull(duration, "duration");
      if (duration.compareTo(Duration.ofMinutes(1)) < 0
          || duration.compareTo(Duration.ofHours(12)) > 0) {
        throw new IllegalArgumentException(
            "duration must be between 1 minute and 12 hours: " + duration);
      }
      this.duration = duration;
      return this;
    }

    /**
     * Sets whether heart rate was recorded; without it the exercise has Polar's empty {@code {}} heart-rate object,
     * no zones and no heart-rate samples.
     *
     * @param heartRate whether heart rate was recorded
     * @return this builder
     */
    public Builder heartRate(boolean heartRate) {
      this.heartRate = heartRate;
      return this;
    }

    /**
     * Sets whether a GPS route was recorded (ignored for sports without distance).
     *
     * @param route whether a route was recorded
     * @return this builder
     */
    public Builder route(boolean route) {
      this.route = route;
      return this;
    }

    /**
     * Builds the spec.
     *
     * @return the spec
     */
    public ExerciseSpec build() {
      return new ExerciseSpec(this);
    }
  }
}

package dev.accesslink4j.webhooks;

/**
 * One verified webhook delivery from AccessLink, as returned by {@link WebhookVerifier#verifyAndParse}.
 *
 * <p>The hierarchy is sealed, so every case is known:
 *
 * <ul>
 *   <li>{@link DataEvent}: a user has new data. {@link ExerciseEvent}, {@link SleepEvent},
 *       {@link ContinuousHeartRateEvent}, the {@link DateRangeEvent}s {@link CircadianBedtimeEvent} and
 *       {@link AlertnessEvent},
 *       {@link ActivitySummaryEvent} and {@link PhysicalInformationEvent}. A delivery only announces the data:
 *       {@link DataEvent#fetch} reads it with the user's token.
 *   <li>{@link PingEvent}: AccessLink checking that the URL answers {@code 200} (during create, update and
 *       activate). It carries no data.
 *   <li>{@link UnknownEvent}: an event type this SDK version does not know yet (Polar adds them). It is surfaced
 *       with its raw JSON, never thrown; answer {@code 200} and ignore it or log it.
 * </ul>
 *
 * <p>Polar documents no event id, no ordering and no duplicate suppression (the same SLEEP event has been seen
 * twice), so handle deliveries idempotently: {@link #deduplicationKey()} and {@link WebhookDeduplicator} help.
 */
public sealed interface WebhookEvent permits DataEvent, PingEvent, UnknownEvent {

  /**
   * The event type as AccessLink named it.
   *
   * @return for example {@code EXERCISE}, {@code PING}, or an unknown type's name
   */
  String type();

  /**
   * A key that is equal for repeated deliveries of the same event: the event type, the user and what the event
   * is about (the exercise id, the date, or the from/to range). AccessLink sends no event id, so this is the best
   * available identity; use it with a unique constraint or a cache to process each event once.
   *
   * @return for example {@code SLEEP:475:2019-12-31}
   */
  String deduplicationKey();
}

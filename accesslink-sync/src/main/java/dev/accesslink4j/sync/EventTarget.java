package dev.accesslink4j.sync;

import dev.accesslink4j.webhooks.ActivitySummaryEvent;
import dev.accesslink4j.webhooks.AlertnessEvent;
import dev.accesslink4j.webhooks.CircadianBedtimeEvent;
import dev.accesslink4j.webhooks.ContinuousHeartRateEvent;
import dev.accesslink4j.webhooks.DataEvent;
import dev.accesslink4j.webhooks.ExerciseEvent;
import dev.accesslink4j.webhooks.PhysicalInformationEvent;
import dev.accesslink4j.webhooks.SleepEvent;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a webhook event or pull notification asks the engine to sync: a user's kind, and for the dated events their
 * date (or range).
 *
 * @param userId the Polar user id
 * @param kind the kind
 * @param dates the dates, or null for the kind's regular read
 */
record EventTarget(long userId, SyncKind kind, @Nullable Span dates) {
  /** The target of an event, or empty for an event that announces nothing to sync. */
  static Optional<EventTarget> of(DataEvent<?> event) {
    EventTarget target = null;
    if (event instanceof ExerciseEvent e) {
      target = new EventTarget(e.userId(), SyncKind.EXERCISES, null);
    } else if (event instanceof SleepEvent e) {
      target = new EventTarget(e.userId(), SyncKind.SLEEP, Span.of(e.date(), e.date()));
    } else if (event instanceof ActivitySummaryEvent e) {
      target = new EventTarget(e.userId(), SyncKind.DAILY_ACTIVITY, Span.of(e.date(), e.date()));
    } else if (event instanceof ContinuousHeartRateEvent e) {
      target =
          new EventTarget(e.userId(), SyncKind.CONTINUOUS_HEART_RATE, Span.of(e.date(), e.date()));
    } else if (event instanceof AlertnessEvent e) {
      target =
          new EventTarget(e.userId(), SyncKind.SLEEP_WISE_ALERTNESS, Span.of(e.from(), e.to()));
    } else if (event instanceof CircadianBedtimeEvent e) {
      target = new EventTarget(
          e.userId(), SyncKind.SLEEP_WISE_CIRCADIAN_BEDTIME, Span.of(e.from(), e.to()));
    } else if (event instanceof PhysicalInformationEvent e) {
      target = new EventTarget(e.userId(), SyncKind.PHYSICAL_INFO, null);
    }
    return Optional.ofNullable(target);
  }
}

package dev.accesslink4j.examples.webhook;

import dev.accesslink4j.examples.TerminalText;
import dev.accesslink4j.webhooks.ActivitySummaryEvent;
import dev.accesslink4j.webhooks.AlertnessEvent;
import dev.accesslink4j.webhooks.CircadianBedtimeEvent;
import dev.accesslink4j.webhooks.ContinuousHeartRateEvent;
import dev.accesslink4j.webhooks.DataEvent;
import dev.accesslink4j.webhooks.ExerciseEvent;
import dev.accesslink4j.webhooks.PingEvent;
import dev.accesslink4j.webhooks.SleepEvent;
import dev.accesslink4j.webhooks.WebhookEvent;

/** Describes a webhook event in one line of ids and dates, such as {@code SLEEP user 475 date 2025-08-14}. */
public final class EventLines {
  private EventLines() {}

  /**
   * Describes an event.
   *
   * @param event the event
   * @return the line, safe to print ({@link TerminalText#clean}: an unknown event's type is the sender's text);
   *     never the payload's URL or raw JSON
   */
  public static String describe(WebhookEvent event) {
    return TerminalText.clean(line(event));
  }

  private static String line(WebhookEvent event) {
    if (event instanceof PingEvent ping) {
      return "PING" + (ping.signatureVerified() ? "" : " (unsigned)");
    }
    if (!(event instanceof DataEvent<?> data)) {
      return event.type() + " (an event type this SDK does not know)";
    }
    String line = data.type() + " user " + data.userId();
    if (event instanceof ExerciseEvent e) {
      return line + " exercise " + e.entityId();
    }
    if (event instanceof SleepEvent e) {
      return line + " date " + e.date();
    }
    if (event instanceof ContinuousHeartRateEvent e) {
      return line + " date " + e.date();
    }
    if (event instanceof ActivitySummaryEvent e) {
      return line + " date " + e.date();
    }
    if (event instanceof AlertnessEvent e) {
      return line + " from " + e.from() + " to " + e.to();
    }
    if (event instanceof CircadianBedtimeEvent e) {
      return line + " from " + e.from() + " to " + e.to();
    }
    return line;
  }
}

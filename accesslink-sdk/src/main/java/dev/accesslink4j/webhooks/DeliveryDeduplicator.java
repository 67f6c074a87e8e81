package dev.accesslink4j.webhooks;

/**
 * Tells a webhook event's first delivery from a repeat, so each event is processed once: AccessLink sends no event
 * id and may deliver the same event twice. Implementations key events by {@link WebhookEvent#deduplicationKey()}
 * and must be thread-safe.
 *
 * <p>{@link WebhookDeduplicator} remembers keys in one process's memory. A shared implementation (a database table
 * with the key as primary key, such as {@code JdbcWebhookDeduplicator} in {@code accesslink-sync-jdbc}) lets several
 * receiver replicas behind one webhook URL, or a restarted receiver, agree on which delivery is the first. Code that
 * receives events depends on this interface, so the choice is the application's.
 *
 * <pre>{@code
 * DeliveryDeduplicator seen = WebhookDeduplicator.create();
 * if (event instanceof DataEvent<?> data && seen.firstDelivery(data)) {
 *   queue.submit(data);
 * }
 * }</pre>
 */
public interface DeliveryDeduplicator {
  /**
   * Records an event and says whether it is new. Pings are never remembered and always count as new.
   *
   * @param event a verified event
   * @return true the first time the event's key is seen within the implementation's window; false for a repeat
   */
  boolean firstDelivery(WebhookEvent event);

  /**
   * Forgets an event, so its next delivery counts as new again. Call it when processing an event failed after
   * {@link #firstDelivery} returned true, so AccessLink's next attempt is processed.
   *
   * @param event the event to forget
   */
  void forget(WebhookEvent event);
}

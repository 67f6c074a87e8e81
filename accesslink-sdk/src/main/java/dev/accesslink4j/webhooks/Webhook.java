package dev.accesslink4j.webhooks;

import dev.accesslink4j.generated.model.WebhookType;
import java.net.URI;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The client's webhook as AccessLink reports it: id, subscribed events, receiving URL and whether deliveries are
 * pushed. The signature secret key is never part of it (Polar returns the key only when the webhook is created; see
 * {@link CreatedWebhook}).
 */
public final class Webhook {
  private final String id;
  private final Set<WebhookType> events;
  private final URI url;
  private final boolean active;

  private Webhook(String id, Set<WebhookType> events, URI url, boolean active) {
    this.id = id;
    this.events = events;
    this.url = url;
    this.active = active;
  }

  /**
   * Creates a webhook value.
   *
   * @param id the webhook id
   * @param events the subscribed event types
   * @param url the receiving URL
   * @param active whether deliveries are pushed
   * @return the value
   */
  public static Webhook of(String id, Set<WebhookType> events, URI url, boolean active) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(url, "url");
    return new Webhook(id, immutableEvents(events), url, active);
  }

  static Set<WebhookType> immutableEvents(Set<WebhookType> events) {
    Objects.requireNonNull(events, "events");
    return events.isEmpty()
        ? Set.of()
        : java.util.Collections.unmodifiableSet(EnumSet.copyOf(events));
  }

  /**
   * The webhook id, for {@link WebhooksService#update} and {@link WebhooksService#delete}.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * The subscribed event types. A type this SDK version does not know appears as
   * {@link WebhookType#UNKNOWN_DEFAULT_OPEN_API}.
   *
   * @return an unmodifiable set, possibly empty
   */
  public Set<WebhookType> events() {
    return events;
  }

  /**
   * The URL AccessLink delivers to.
   *
   * @return the URL
   */
  public URI url() {
    return url;
  }

  /**
   * Whether AccessLink pushes deliveries. False after {@link WebhooksService#deactivate()} or after 7 days of failed
   * deliveries (AccessLink deactivates the webhook by itself); {@link WebhooksService#activate()} turns it back on.
   * A response without the field (webhooks predating it) counts as active.
   *
   * @return true when active
   */
  public boolean active() {
    return active;
  }

  Webhook withActive(boolean nowActive) {
    return new Webhook(id, events, url, nowActive);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Webhook other
        && other.id.equals(id)
        && other.events.equals(events)
        && other.url.equals(url)
        && other.active == active;
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, events, url, active);
  }

  @Override
  public String toString() {
    return "Webhook[id=" + id + ", events=" + events + ", url=" + url + ", active=" + active + "]";
  }
}

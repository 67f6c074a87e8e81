package dev.accesslink4j.webhooks;

import dev.accesslink4j.generated.model.WebhookType;
import java.net.URI;
import java.util.Objects;
import java.util.Set;

/**
 * A newly created webhook together with its signature secret key.
 *
 * <p><b>THIS IS THE ONLY TIME POLAR RETURNS THE KEY.</b> No other call shows it again. Store {@link #secret()} (in a
 * secret store; it prints as {@code ██}, call {@link WebhookSecret#reveal()} to persist it) before doing anything
 * else. Without it no delivery can be verified, and the only remedy is to delete the webhook and create a new one.
 */
public final class CreatedWebhook {
  private final Webhook webhook;
  private final WebhookSecret secret;

  private CreatedWebhook(Webhook webhook, WebhookSecret secret) {
    this.webhook = webhook;
    this.secret = secret;
  }

  /**
   * Creates the value.
   *
   * @param webhook the webhook
   * @param secret its signature secret key
   * @return the value
   */
  public static CreatedWebhook of(Webhook webhook, WebhookSecret secret) {
    return new CreatedWebhook(
        Objects.requireNonNull(webhook, "webhook"), Objects.requireNonNull(secret, "secret"));
  }

  /**
   * The webhook id.
   *
   * @return the id
   */
  public String id() {
    return webhook.id();
  }

  /**
   * The subscribed event types.
   *
   * @return an unmodifiable set
   */
  public Set<WebhookType> events() {
    return webhook.events();
  }

  /**
   * The URL AccessLink delivers to.
   *
   * @return the URL
   */
  public URI url() {
    return webhook.url();
  }

  /**
   * The webhook as {@link WebhooksService#get()} would show it (a new webhook is active).
   *
   * @return the webhook, without the key
   */
  public Webhook webhook() {
    return webhook;
  }

  /**
   * The signature secret key that signs every delivery. <b>Returned by Polar only now: store it before anything
   * else.</b> Pass it to {@link dev.accesslink4j.webhooks.WebhookVerifier#of(WebhookSecret)}.
   *
   * @return the key, redacted in {@code toString()}
   */
  public WebhookSecret secret() {
    return secret;
  }

  @Override
  public String toString() {
    return "CreatedWebhook[id=" + id() + ", events=" + events() + ", url=" + url() + ", secret=██]";
  }
}

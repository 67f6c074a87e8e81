package dev.accesslink4j.webhooks;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What {@link WebhooksService#ensure} found and did: created the webhook, updated its URL or events, reactivated it,
 * or nothing. Only a creation carries the signature secret key: <b>when {@link #created()} is true, store
 * {@link #secret()} before anything else</b>, because Polar never returns it again.
 */
public final class EnsuredWebhook {
  private final Webhook webhook;
  private final @Nullable WebhookSecret secret;
  private final boolean updated;
  private final boolean reactivated;

  private EnsuredWebhook(
      Webhook webhook, @Nullable WebhookSecret secret, boolean updated, boolean reactivated) {
    this.webhook = Objects.requireNonNull(webhook, "webhook");
    this.secret = secret;
    this.updated = updated;
    this.reactivated = reactivated;
  }

  static EnsuredWebhook created(CreatedWebhook created) {
    return new EnsuredWebhook(created.webhook(), created.secret(), false, false);
  }

  static EnsuredWebhook existing(Webhook webhook, boolean updated, boolean reactivated) {
    return new EnsuredWebhook(webhook, null, updated, reactivated);
  }

  /**
   * The webhook as it is now.
   *
   * @return the webhook
   */
  public Webhook webhook() {
    return webhook;
  }

  /**
   * Whether no webhook existed and one was created.
   *
   * @return true when created; {@link #secret()} then holds the key
   */
  public boolean created() {
    return secret != null;
  }

  /**
   * Whether the existing webhook's URL or events differed and were updated.
   *
   * @return true when updated
   */
  public boolean updated() {
    return updated;
  }

  /**
   * Whether the existing webhook was inactive and was activated.
   *
   * @return true when reactivated
   */
  public boolean reactivated() {
    return reactivated;
  }

  /**
   * Whether the webhook already matched and was active, so nothing was changed.
   *
   * @return true when nothing was done
   */
  public boolean unchanged() {
    return secret == null && !updated && !reactivated;
  }

  /**
   * The signature secret key of a webhook created by this call. <b>Store it now: Polar returns it only once.</b>
   *
   * @return the key when {@link #created()}, empty otherwise (the key of an existing webhook cannot be read back)
   */
  public Optional<WebhookSecret> secret() {
    return Optional.ofNullable(secret);
  }

  @Override
  public String toString() {
    return "EnsuredWebhook[" + webhook + ", created=" + created() + ", updated=" + updated
        + ", reactivated=" + reactivated + (secret == null ? "" : ", secret=██") + "]";
  }
}

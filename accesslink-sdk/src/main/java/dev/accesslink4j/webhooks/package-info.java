/**
 * AccessLink webhooks, both sides: managing the client's webhook ({@link dev.accesslink4j.webhooks.WebhooksService},
 * {@link dev.accesslink4j.webhooks.Webhook}, {@link dev.accesslink4j.webhooks.CreatedWebhook},
 * {@link dev.accesslink4j.webhooks.EnsuredWebhook}) and receiving its deliveries
 * ({@link dev.accesslink4j.webhooks.WebhookVerifier}, a pure function over the raw body with a constant-time signature
 * check, the sealed {@link dev.accesslink4j.webhooks.WebhookEvent} hierarchy with an unknown case,
 * {@link dev.accesslink4j.webhooks.DeliveryDeduplicator} with the in-memory
 * {@link dev.accesslink4j.webhooks.WebhookDeduplicator}, and {@link dev.accesslink4j.webhooks.WebhookSigner} for
 * tests).
 *
 * <p>Management and receiving share a package because they share their values
 * ({@link dev.accesslink4j.webhooks.WebhookSecret} is returned by the one and needed by the other) and one reader:
 * whoever wires webhooks into an application. A data event's {@code fetch} reads what it announces with the user's
 * token, from the client's own base URL. Signature and payload failures are in {@link dev.accesslink4j.errors}.
 *
 * <p>Everything in this package is non-null unless annotated otherwise.
 */
@NullMarked
package dev.accesslink4j.webhooks;

import org.jspecify.annotations.NullMarked;

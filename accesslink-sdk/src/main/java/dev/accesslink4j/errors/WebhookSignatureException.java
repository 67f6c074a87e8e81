package dev.accesslink4j.errors;

/**
 * A webhook delivery failed verification: its {@code Polar-Webhook-Signature} header is missing, or does not match
 * the HMAC-SHA256 of the raw body under the webhook's key. Treat the delivery as forged or damaged: do not act on it
 * (answer {@code 401} or {@code 400}). The message says which of the two happened and never contains the key, the
 * expected signature or the body.
 */
public final class WebhookSignatureException extends AccessLinkException {
  private static final long serialVersionUID = 1L;

  /** Why verification failed. */
  public enum Reason {
    /** Neither {@code Polar-Webhook-Signature} nor {@code X-Polar-Webhook-Signature} was present (or it was blank). */
    MISSING,
    /** A signature was present but is not the HMAC-SHA256 of the body under this key (or is not 64 hex digits). */
    MISMATCH
  }

  private final Reason reason;

  /**
   * Creates the exception {@code WebhookVerifier} throws for a delivery that failed verification; public so that
   * tests of a webhook receiver can create the same one.
   *
   * @param reason why verification failed; it also picks the message
   */
  public WebhookSignatureException(Reason reason) {
    super(message(reason));
    this.reason = reason;
  }

  private static String message(Reason reason) {
    return switch (reason) {
      case MISSING ->
        "The webhook delivery has no Polar-Webhook-Signature header, so it cannot be verified: it was not sent by"
            + " AccessLink, or a proxy dropped the header";
      case MISMATCH ->
        "The webhook delivery's Polar-Webhook-Signature does not match its body: the body was altered or"
            + " re-encoded before verification (verify the raw bytes exactly as received), the key is not this"
            + " webhook's current signature secret key (a re-created webhook has a new one), or the delivery was"
            + " not sent by AccessLink";
    };
  }

  /**
   * Why verification failed.
   *
   * @return {@link Reason#MISSING} or {@link Reason#MISMATCH}
   */
  public Reason reason() {
    return reason;
  }
}

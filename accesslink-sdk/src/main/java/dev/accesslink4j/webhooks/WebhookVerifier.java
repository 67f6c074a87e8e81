package dev.accesslink4j.webhooks;

import dev.accesslink4j.errors.AccessLinkIOException;
import dev.accesslink4j.errors.WebhookPayloadException;
import dev.accesslink4j.errors.WebhookSignatureException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Verifies and parses AccessLink webhook deliveries. A pure function over the raw request body and its headers: no
 * servlet, framework or network dependency, immutable and thread-safe; build one per key and share it.
 *
 * <pre>{@code
 * WebhookVerifier verifier = WebhookVerifier.of(WebhookSecret.of(System.getenv("POLAR_WEBHOOK_KEY")));
 * WebhookEvent event = verifier.verifyAndParse(rawBodyBytes, request::getHeader);   // then answer 200 quickly
 * }</pre>
 *
 * <p>How a delivery is checked:
 *
 * <ol>
 *   <li>The signature is read from {@value #SIGNATURE_HEADER} (or {@code X-Polar-Webhook-Signature}, as some
 *       proxies rename it), header names compared case-insensitively.
 *   <li>It must equal the HMAC-SHA256 of the <b>raw body bytes</b>, keyed with the UTF-8 key (see
 *       {@link WebhookSigner}), as 64 hex digits in either case. The comparison runs in constant time on the decoded
 *       bytes; a header that is not 64 hex digits is a mismatch. Verify the bytes exactly as received: a body that
 *       was parsed and re-serialized, or decoded and re-encoded, no longer matches.
 *   <li>A verified body is parsed into a typed {@link WebhookEvent}; an event type this SDK does not know becomes an
 *       {@link UnknownEvent}, never an exception.
 * </ol>
 *
 * <p><b>Pings are accepted whatever their signature.</b> AccessLink pings the URL while the webhook is created,
 * before the key exists on your side, and the create fails unless the ping gets {@code 200}. So a delivery whose
 * {@value #EVENT_HEADER} header or body {@code event} is {@code PING} returns a {@link PingEvent} even when its
 * signature is missing or wrong ({@link PingEvent#signatureVerified()} tells). This is safe because a ping is never
 * treated as data: nothing else in such a body is read. Every other delivery without a valid signature throws
 * {@link WebhookSignatureException}.
 */
public final class WebhookVerifier {
  /** The header that carries the signature. */
  public static final String SIGNATURE_HEADER = "Polar-Webhook-Signature";
  /** The header that carries the event type ({@code EXERCISE}, {@code PING}…). */
  public static final String EVENT_HEADER = "Polar-Webhook-Event";
  /**
   * The largest body {@link #verifyAndParse(InputStream, Map)} reads (1 MiB); AccessLink deliveries are a few hundred
   * bytes.
   */
  public static final int MAX_BODY_BYTES = 1 << 20;

  private static final String ALTERNATIVE_PREFIX = "X-";
  private static final int SIGNATURE_BYTES = 32;

  private final WebhookSigner signer;

  private WebhookVerifier(WebhookSigner signer) {
    this.signer = signer;
  }

  /**
   * Creates a verifier for a webhook's signature secret key.
   *
   * @param secret the key Polar returned when the webhook was created
   * @return the verifier
   */
  public static WebhookVerifier of(WebhookSecret secret) {
    return new WebhookVerifier(WebhookSigner.of(secret));
  }

  /**
   * Creates a verifier for a webhook's signature secret key given as text.
   *
   * @param signatureSecretKey the key Polar returned when the webhook was created; must not be empty
   * @return the verifier
   */
  public static WebhookVerifier of(String signatureSecretKey) {
    return new WebhookVerifier(WebhookSigner.of(signatureSecretKey));
  }

  /**
   * Verifies a delivery and parses its event.
   *
   * @param rawBody the request body exactly as received
   * @param headers the request headers; names are matched case-insensitively, the first value counts
   * @return the event: a {@link DataEvent}, a {@link PingEvent} or an {@link UnknownEvent}
   * @throws WebhookSignatureException when the signature is missing or does not match (never for a ping)
   * @throws WebhookPayloadException when a correctly signed body is not a valid AccessLink payload
   */
  public WebhookEvent verifyAndParse(byte[] rawBody, Map<String, List<String>> headers) {
    Objects.requireNonNull(headers, "headers");
    return verifyAndParse(rawBody, name -> firstValue(headers, name));
  }

  /**
   * Verifies a delivery and parses its event, looking headers up through a function: for frameworks whose request
   * object has a case-insensitive getter, such as {@code request::getHeader}.
   *
   * @param rawBody the request body exactly as received
   * @param header returns the value of the named header, or null when absent
   * @return the event: a {@link DataEvent}, a {@link PingEvent} or an {@link UnknownEvent}
   * @throws WebhookSignatureException when the signature is missing or does not match (never for a ping)
   * @throws WebhookPayloadException when a correctly signed body is not a valid AccessLink payload
   */
  public WebhookEvent verifyAndParse(byte[] rawBody, Function<String, @Nullable String> header) {
    Objects.requireNonNull(rawBody, "rawBody");
    Objects.requireNonNull(header, "header");
    String signature = lookup(header, SIGNATURE_HEADER);
    String eventHeader = lookup(header, EVENT_HEADER);
    if (signature != null && signatureMatches(rawBody, signature)) {
      return Payloads.parseVerified(rawBody, eventHeader);
    }
    Payloads.Peek peek = Payloads.peek(rawBody);
    boolean ping = (eventHeader != null && eventHeader.equalsIgnoreCase(Payloads.PING))
        || Payloads.PING.equals(peek.event());
    if (ping) {
      return PingEvent.of(peek.timestamp(), false);
    }
    throw new WebhookSignatureException(
        signature == null
            ? WebhookSignatureException.Reason.MISSING
            : WebhookSignatureException.Reason.MISMATCH);
  }

  /**
   * Reads the body from a stream (up to {@link #MAX_BODY_BYTES}), then verifies and parses it. The stream is not
   * closed.
   *
   * @param rawBody the request body stream, unread
   * @param headers the request headers; names are matched case-insensitively, the first value counts
   * @return the event
   * @throws WebhookSignatureException when the signature is missing or does not match (never for a ping)
   * @throws WebhookPayloadException when a correctly signed body is not a valid payload, or the body is too large
   * @throws AccessLinkIOException when reading the stream fails
   */
  public WebhookEvent verifyAndParse(InputStream rawBody, Map<String, List<String>> headers) {
    return verifyAndParse(readBody(rawBody), headers);
  }

  /**
   * Reads the body from a stream (up to {@link #MAX_BODY_BYTES}), then verifies and parses it, looking headers up
   * through a function such as {@code request::getHeader}. The stream is not closed.
   *
   * @param rawBody the request body stream, unread
   * @param header returns the value of the named header, or null when absent
   * @return the event
   * @throws WebhookSignatureException when the signature is missing or does not match (never for a ping)
   * @throws WebhookPayloadException when a correctly signed body is not a valid payload, or the body is too large
   * @throws AccessLinkIOException when reading the stream fails
   */
  public WebhookEvent verifyAndParse(
      InputStream rawBody, Function<String, @Nullable String> header) {
    return verifyAndParse(readBody(rawBody), header);
  }

  /**
   * Checks a signature without parsing anything: for callers who route or parse the body themselves. Pings get no
   * special treatment here.
   *
   * @param rawBody the request body exactly as received
   * @param signature the {@value #SIGNATURE_HEADER} value, or null when absent
   * @return true when the signature is 64 hex digits (either case) equal to the body's HMAC-SHA256 under this key
   */
  public boolean signatureMatches(byte[] rawBody, @Nullable String signature) {
    Objects.requireNonNull(rawBody, "rawBody");
    if (signature == null) {
      return false;
    }
    byte[] expected = signer.mac(rawBody);
    String hex = signature.trim();
    if (hex.length() != SIGNATURE_BYTES * 2) {
      return false;
    }
    byte[] provided;
    try {
      provided = HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(expected, provided);
  }

  private static @Nullable String lookup(Function<String, @Nullable String> header, String name) {
    String value = blankToNull(header.apply(name));
    return value != null ? value : blankToNull(header.apply(ALTERNATIVE_PREFIX + name));
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static @Nullable String firstValue(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
      String key = entry.getKey();
      List<String> values = entry.getValue();
      if (key != null && key.equalsIgnoreCase(name) && values != null) {
        for (String value : values) {
          if (value != null && !value.isBlank()) {
            return value;
          }
        }
      }
    }
    return null;
  }

  private static byte[] readBody(InputStream rawBody) {
    Objects.requireNonNull(rawBody, "rawBody");
    try {
      byte[] body = rawBody.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        throw new WebhookPayloadException("the body is larger than " + MAX_BODY_BYTES
            + " bytes; AccessLink deliveries are far smaller");
      }
      return body;
    } catch (IOException e) {
      throw new AccessLinkIOException("reading the webhook body failed", false, e);
    }
  }

  @Override
  public String toString() {
    return "WebhookVerifier[key=██]";
  }
}

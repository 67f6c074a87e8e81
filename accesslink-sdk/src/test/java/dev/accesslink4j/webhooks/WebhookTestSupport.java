package dev.accesslink4j.webhooks;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the webhook receiving tests share: the spec's signing key, example deliveries with their signatures computed
 * independently with openssl, and helpers that build headers and sign bodies.
 */
abstract class WebhookTestSupport {
  /** The key from the spec's createWebhook example. */
  static final String KEY = "abe1f3ae-fd33-11e8-8eb2-f2801f1b9fd1";

  static final String EXERCISE =
      "{\"event\":\"EXERCISE\",\"user_id\":475,\"entity_id\":\"aQlC83\",\"timestamp\":\"2018-05-15T14:22:24Z\","
          + "\"url\":\"https://www.polaraccesslink.com/v3/exercises/aQlC83\"}";
  // $ printf '%s' "$EXERCISE" | openssl dgst -sha256 -hmac 'abe1f3ae-fd33-11e8-8eb2-f2801f1b9fd1'
  // SHA2-256(stdin)= 443ec69698c1de6d326902d7d942be1e83f0395f685b8c040cee609660d006d6
  static final String EXERCISE_SIGNATURE =
      "443ec69698c1de6d326902d7d942be1e83f0395f685b8c040cee609660d006d6";

  static final String SLEEP =
      "{\"event\":\"SLEEP\",\"user_id\":475,\"date\":\"2019-12-31\",\"timestamp\":\"2020-01-01T07:42:10Z\","
          + "\"url\":\"https://www.polaraccesslink.com/v3/users/sleep/2019-12-31\"}";
  // $ printf '%s' "$SLEEP" | openssl dgst -sha256 -hmac 'abe1f3ae-fd33-11e8-8eb2-f2801f1b9fd1'
  // SHA2-256(stdin)= 4cd52491b3d71b1c5b4f53c26ba1e7609fc3693437c5024b07b7be9bc2c7704c
  static final String SLEEP_SIGNATURE =
      "4cd52491b3d71b1c5b4f53c26ba1e7609fc3693437c5024b07b7be9bc2c7704c";

  static final String PING = "{\"timestamp\":\"2019-01-11T08:25:10.02Z\",\"event\":\"PING\"}";
  // $ printf '%s' "$PING" | openssl dgst -sha256 -hmac 'abe1f3ae-fd33-11e8-8eb2-f2801f1b9fd1'
  // SHA2-256(stdin)= 858ec6a4cd8f514eec0bb0072e0716a78a94cf1e19b7ff909766ef268a30cd8f
  static final String PING_SIGNATURE =
      "858ec6a4cd8f514eec0bb0072e0716a78a94cf1e19b7ff909766ef268a30cd8f";

  final WebhookVerifier verifier = WebhookVerifier.of(WebhookSecret.of(KEY));

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static Map<String, List<String>> headers(String event, String signature) {
    Map<String, List<String>> headers = new HashMap<>();
    headers.put("Content-Type", List.of("application/json"));
    headers.put("Polar-Webhook-Event", List.of(event));
    headers.put("Polar-Webhook-Signature", List.of(signature));
    return headers;
  }

  static String sign(String body) {
    return WebhookSigner.of(KEY).sign(bytes(body));
  }
}

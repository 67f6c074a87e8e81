package dev.accesslink4j.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.accesslink4j.errors.WebhookPayloadException;
import dev.accesslink4j.errors.WebhookSignatureException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random bodies and header maps, some validly signed: the verifier only ever returns an event or throws
 * {@link WebhookSignatureException} / {@link WebhookPayloadException}; data is only ever returned for a valid
 * signature; and no message contains the key or the computed signature.
 */
class WebhookVerifierPropertyTest {
  private static final long SEED = 0x5EED_2025L;
  private static final int ITERATIONS = 5_000;

  private static final String[] TOKENS = {
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    "\"event\"",
    "\"PING\"",
    "\"SLEEP\"",
    "\"EXERCISE\"",
    "\"SLEEP_WISE_ALERTNESS\"",
    "\"user_id\"",
    "475",
    "-1",
    "1e999",
    "4.5",
    "\"date\"",
    "\"2019-12-31\"",
    "\"2022-09-31\"",
    "\"from\"",
    "\"to\"",
    "\"timestamp\"",
    "\"2020-01-01T07:42:10Z\"",
    "\"url\"",
    "\"https://x.example/a\"",
    "\"entity_id\"",
    "null",
    "true",
    "\"\"",
    "\"\\u0000\"",
    "\"é睡\"",
    " ",
    "\n",
    "'",
    "\\",
    "\""
  };
  private static final String[] EVENT_HEADERS = {
    "PING", "ping", "SLEEP", "EXERCISE", "UNKNOWN_THING", "", " "
  };

  @Test
  void onlyEventsOrTypedErrorsAndNoSecretsInMessages() {
    Random random = new Random(SEED);
    Map<String, Integer> outcomes = new HashMap<>();
    for (int i = 0; i < ITERATIONS; i++) {
      String key = randomKey(random);
      byte[] body = randomBody(random);
      String validSignature = WebhookSigner.of(key).sign(body);
      int signatureKind = random.nextInt(6);
      String signature = signature(random, signatureKind, validSignature);
      boolean validlySigned = signatureKind == 1 || signatureKind == 2;
      Map<String, List<String>> headers = randomHeaders(random, signature);

      WebhookEvent event = null;
      RuntimeException error = null;
      try {
        event = WebhookVerifier.of(key).verifyAndParse(body, headers);
      } catch (WebhookSignatureException | WebhookPayloadException e) {
        error = e;
      } catch (Throwable t) {
        throw new AssertionError("iteration " + i + " (seed " + SEED + ") threw " + t, t);
      }

      String outcome;
      if (event instanceof PingEvent ping) {
        outcome = "ping";
        if (ping.signatureVerified() && !validlySigned) {
          fail(
              "iteration %d (seed %d): a ping claims a verified signature it did not have",
              i, SEED);
        }
      } else if (event != null) {
        outcome = event instanceof UnknownEvent ? "unknown" : "data";
        if (!validlySigned) {
          fail(
              "iteration %d (seed %d): %s returned without a valid signature",
              i, SEED, event.type());
        }
      } else {
        outcome = error instanceof WebhookSignatureException ? "signature" : "payload";
        assertNoSecrets(error, key, validSignature, i);
        if (error instanceof WebhookPayloadException && !validlySigned) {
          fail("iteration %d (seed %d): an unsigned body was parsed as a payload", i, SEED);
        }
      }
      outcomes.merge(outcome, 1, Integer::sum);
    }
    // Every outcome was exercised, so the invariants above were really checked.
    assertThat(outcomes).containsKeys("ping", "data", "unknown", "signature", "payload");
    assertThat(outcomes.get("data")).isGreaterThan(50);
  }

  private static void assertNoSecrets(
      RuntimeException e, String key, String validSignature, int i) {
    String message = String.valueOf(e.getMessage());
    if (message.contains(key)
        || message.contains(validSignature)
        || message.contains(validSignature.toUpperCase(Locale.ROOT))) {
      fail(
          "iteration %d (seed %d): message reveals the key or the signature: %s", i, SEED, message);
    }
  }

  private static String randomKey(Random random) {
    StringBuilder sb = new StringBuilder();
    int length = 16 + random.nextInt(24);
    for (int i = 0; i < length; i++) {
      sb.append("0123456789abcdefghijklmnopqrstuvwxyz-".charAt(random.nextInt(37)));
    }
    return sb.toString();
  }

  private static byte[] randomBody(Random random) {
    switch (random.nextInt(4)) {
      case 0:
        byte[] bytes = new byte[random.nextInt(200)];
        random.nextBytes(bytes);
        return bytes;
      case 1:
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(40);
        for (int i = 0; i < n; i++) {
          sb.append(TOKENS[random.nextInt(TOKENS.length)]);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
      default:
        return perturbedEvent(random).getBytes(StandardCharsets.UTF_8);
    }
  }

  /** A well-formed payload of a random type, with fields dropped or replaced now and then. */
  private static String perturbedEvent(Random random) {
    String[] types = {
      "EXERCISE",
      "SLEEP",
      "CONTINUOUS_HEART_RATE",
      "SLEEP_WISE_CIRCADIAN_BEDTIME",
      "SLEEP_WISE_ALERTNESS",
      "ACTIVITY_SUMMARY",
      "PHYSICAL_INFORMATION",
      "PING",
      "BRAND_NEW"
    };
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    fields.put("event", "\"" + types[random.nextInt(types.length)] + "\"");
    fields.put("user_id", String.valueOf(random.nextInt(100_000)));
    fields.put("entity_id", "\"aQlC83\"");
    fields.put("date", "\"2019-12-31\"");
    fields.put("from", "\"2022-09-30\"");
    fields.put("to", "\"2022-10-02\"");
    fields.put("timestamp", "\"2020-01-01T07:42:10Z\"");
    fields.put("url", "\"https://www.polaraccesslink.com/v3/x\"");
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, String> field : fields.entrySet()) {
      int roll = random.nextInt(20);
      if (roll == 0) {
        continue;
      }
      String value = roll == 1 ? TOKENS[random.nextInt(TOKENS.length)] : field.getValue();
      parts.add("\"" + field.getKey() + "\":" + value);
    }
    return "{" + String.join(",", parts) + "}";
  }

  private static String signature(Random random, int kind, String valid) {
    switch (kind) {
      case 0:
        return null;
      case 1:
        return valid;
      case 2:
        return valid.toUpperCase(Locale.ROOT);
      case 3:
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 64; i++) {
          hex.append("0123456789abcdef".charAt(random.nextInt(16)));
        }
        return hex.toString();
      case 4:
        return valid.substring(0, random.nextInt(64)) + "g";
      default:
        return TOKENS[random.nextInt(TOKENS.length)];
    }
  }

  private static Map<String, List<String>> randomHeaders(Random random, String signature) {
    Map<String, List<String>> headers = new HashMap<>();
    if (signature != null) {
      String name = random.nextBoolean() ? "Polar-Webhook-Signature" : "X-Polar-Webhook-Signature";
      headers.put(randomCase(random, name), List.of(signature));
    }
    if (random.nextInt(3) > 0) {
      headers.put(
          randomCase(random, "Polar-Webhook-Event"),
          List.of(EVENT_HEADERS[random.nextInt(EVENT_HEADERS.length)]));
    }
    if (random.nextInt(4) == 0) {
      headers.put(null, List.of("HTTP/1.1 200 OK"));
    }
    if (random.nextInt(4) == 0) {
      headers.put("Content-Type", List.of("application/json"));
    }
    if (random.nextInt(10) == 0) {
      headers.put("Polar-Webhook-Signature-Extra", new ArrayList<>());
    }
    return headers;
  }

  private static String randomCase(Random random, String name) {
    StringBuilder sb = new StringBuilder(name.length());
    for (char c : name.toCharArray()) {
      sb.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
    }
    return sb.toString();
  }
}

package dev.accesslink4j.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accesslink4j.errors.AccessLinkException;
import dev.accesslink4j.errors.WebhookSignatureException;
import dev.accesslink4j.generated.model.WebhookType;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signature verification over the raw bytes: the HMAC, every way a delivery is accepted or refused, and pings. */
class WebhookVerifierTest extends WebhookTestSupport {
  // --- the HMAC, checked against vectors computed independently with openssl

  @Test
  void signerMatchesOpensslVectors() {
    assertThat(WebhookSigner.of(KEY).sign(bytes(EXERCISE))).isEqualTo(EXERCISE_SIGNATURE);
    assertThat(WebhookSigner.of(KEY).sign(bytes(SLEEP))).isEqualTo(SLEEP_SIGNATURE);
    assertThat(WebhookSigner.of(WebhookSecret.of(KEY)).sign(bytes(PING))).isEqualTo(PING_SIGNATURE);
    // $ printf '%s' 'hello' | openssl dgst -sha256 -hmac 'key'
    // SHA2-256(stdin)= 9307b3b915efb5171ff14d8cb55fbcc798c6c0ef1456d66ded1a6aa723a58b7b
    assertThat(WebhookSigner.of("key").sign(bytes("hello")))
        .isEqualTo("9307b3b915efb5171ff14d8cb55fbcc798c6c0ef1456d66ded1a6aa723a58b7b");
  }

  @Test
  void keyAndBodyAreUtf8Bytes() {
    // $ printf '%s' '{"event":"SLEEP","note":"Yö – 睡眠"}' | openssl dgst -sha256 -hmac 'sécret-ключ'
    // SHA2-256(stdin)= 0fed170b69ee43d8056f05e57c185417d379f297fff87c65763107997f9f6ed5
    // (LANG=C.UTF-8)
    String body = "{\"event\":\"SLEEP\",\"note\":\"Yö – 睡眠\"}";
    String expected = "0fed170b69ee43d8056f05e57c185417d379f297fff87c65763107997f9f6ed5";
    assertThat(WebhookSigner.of("sécret-ключ").sign(bytes(body))).isEqualTo(expected);
    assertThat(WebhookVerifier.of("sécret-ключ").signatureMatches(bytes(body), expected))
        .isTrue();
  }

  // --- verification outcomes

  @Test
  void verifiesAndParsesAnExercise() {
    WebhookEvent event =
        verifier.verifyAndParse(bytes(EXERCISE), headers("EXERCISE", EXERCISE_SIGNATURE));

    assertThat(event)
        .isEqualTo(new ExerciseEvent(
            475,
            "aQlC83",
            Instant.parse("2018-05-15T14:22:24Z"),
            URI.create("https://www.polaraccesslink.com/v3/exercises/aQlC83")));
    ExerciseEvent exercise = (ExerciseEvent) event;
    assertThat(exercise.type()).isEqualTo("EXERCISE");
    assertThat(exercise.webhookType()).isEqualTo(WebhookType.EXERCISE);
    assertThat(exercise.deduplicationKey()).isEqualTo("EXERCISE:475:aQlC83");
  }

  @Test
  void tamperedBodyIsRejected() {
    String tampered = EXERCISE.replace("475", "476");

    assertThatThrownBy(
            () -> verifier.verifyAndParse(bytes(tampered), headers("EXERCISE", EXERCISE_SIGNATURE)))
        .isInstanceOf(WebhookSignatureException.class)
        .isInstanceOf(AccessLinkException.class)
        .hasMessageContaining("does not match")
        .extracting(e -> ((WebhookSignatureException) e).reason())
        .isEqualTo(WebhookSignatureException.Reason.MISMATCH);
  }

  @Test
  void reEncodedBodyIsRejected() {
    // What a framework that parses and re-serializes the JSON would hand over: same data, other
    // bytes.
    String reEncoded = EXERCISE.replace(",", ", ");

    assertThatThrownBy(() ->
            verifier.verifyAndParse(bytes(reEncoded), headers("EXERCISE", EXERCISE_SIGNATURE)))
        .isInstanceOf(WebhookSignatureException.class);
  }

  @Test
  void wrongKeyIsRejected() {
    WebhookVerifier other = WebhookVerifier.of("abe1f3ae-fd33-11e8-8eb2-f2801f1b9fd2");

    assertThatThrownBy(
            () -> other.verifyAndParse(bytes(EXERCISE), headers("EXERCISE", EXERCISE_SIGNATURE)))
        .isInstanceOf(WebhookSignatureException.class)
        .hasMessageNotContaining(KEY)
        .hasMessageNotContaining("abe1f3ae-fd33-11e8-8eb2-f2801f1b9fd2")
        .hasMessageNotContaining(EXERCISE_SIGNATURE)
        .hasMessageNotContaining(
            WebhookSigner.of("abe1f3ae-fd33-11e8-8eb2-f2801f1b9fd2").sign(bytes(EXERCISE)));
  }

  @Test
  void missingSignatureIsRejected() {
    Map<String, List<String>> headers = headers("EXERCISE", EXERCISE_SIGNATURE);
    headers.remove("Polar-Webhook-Signature");

    assertThatThrownBy(() -> verifier.verifyAndParse(bytes(EXERCISE), headers))
        .isInstanceOf(WebhookSignatureException.class)
        .hasMessageContaining("no Polar-Webhook-Signature header")
        .extracting(e -> ((WebhookSignatureException) e).reason())
        .isEqualTo(WebhookSignatureException.Reason.MISSING);
  }

  @Test
  void blankSignatureCountsAsMissing() {
    assertThatThrownBy(() -> verifier.verifyAndParse(bytes(EXERCISE), headers("EXERCISE", "  ")))
        .isInstanceOf(WebhookSignatureException.class)
        .extracting(e -> ((WebhookSignatureException) e).reason())
        .isEqualTo(WebhookSignatureException.Reason.MISSING);
  }

  @Test
  void headerNamesAreCaseInsensitive() {
    Map<String, List<String>> headers = new HashMap<>();
    headers.put("polar-webhook-signature", List.of(EXERCISE_SIGNATURE));
    headers.put("POLAR-WEBHOOK-EVENT", List.of("EXERCISE"));
    headers.put(null, List.of("HTTP/1.1 200 OK")); // HttpURLConnection-style status-line entry

    assertThat(verifier.verifyAndParse(bytes(EXERCISE), headers)).isInstanceOf(ExerciseEvent.class);
  }

  @Test
  void xPrefixedHeaderIsAccepted() {
    Map<String, List<String>> headers =
        Map.of("x-polar-webhook-signature", List.of(EXERCISE_SIGNATURE));

    assertThat(verifier.verifyAndParse(bytes(EXERCISE), headers)).isInstanceOf(ExerciseEvent.class);
  }

  @Test
  void upperCaseHexIsAccepted() {
    String upper = EXERCISE_SIGNATURE.toUpperCase(Locale.ROOT);

    assertThat(verifier.verifyAndParse(bytes(EXERCISE), headers("EXERCISE", upper)))
        .isInstanceOf(ExerciseEvent.class);
    assertThat(verifier.signatureMatches(bytes(EXERCISE), " " + upper + " ")).isTrue();
  }

  @Test
  void malformedHexIsAMismatch() {
    String notHex = "zz" + EXERCISE_SIGNATURE.substring(2);
    String tooShort = EXERCISE_SIGNATURE.substring(1);
    String tooLong = EXERCISE_SIGNATURE + "00";
    String base64 = "RD7GlpjB3m0yaQLX2UK+HoPwOV9oW4wEDO5glmDQBtY=";

    for (String bad : List.of(notHex, tooShort, tooLong, base64, "sha256=" + EXERCISE_SIGNATURE)) {
      assertThatThrownBy(() -> verifier.verifyAndParse(bytes(EXERCISE), headers("EXERCISE", bad)))
          .as(bad)
          .isInstanceOf(WebhookSignatureException.class)
          .extracting(e -> ((WebhookSignatureException) e).reason())
          .isEqualTo(WebhookSignatureException.Reason.MISMATCH);
    }
  }

  @Test
  void firstNonBlankHeaderValueCounts() {
    Map<String, List<String>> headers =
        Map.of("Polar-Webhook-Signature", java.util.Arrays.asList(null, "", EXERCISE_SIGNATURE));

    assertThat(verifier.verifyAndParse(bytes(EXERCISE), headers)).isInstanceOf(ExerciseEvent.class);
  }

  // --- pings

  @Test
  void unsignedPingIsAccepted() {
    Map<String, List<String>> headers = Map.of("Polar-Webhook-Event", List.of("PING"));

    WebhookEvent event = verifier.verifyAndParse(bytes(PING), headers);

    assertThat(event).isInstanceOf(PingEvent.class);
    PingEvent ping = (PingEvent) event;
    assertThat(ping.signatureVerified()).isFalse();
    assertThat(ping.timestamp()).contains(Instant.parse("2019-01-11T08:25:10.020Z"));
    assertThat(ping.type()).isEqualTo("PING");
  }

  @Test
  void pingRecognisedByBodyAloneIsAccepted() {
    assertThat(verifier.verifyAndParse(bytes(PING), Map.of()))
        .isEqualTo(PingEvent.of(Instant.parse("2019-01-11T08:25:10.020Z"), false));
  }

  @Test
  void pingWithWrongSignatureIsAcceptedButUnverified() {
    WebhookEvent event = verifier.verifyAndParse(bytes(PING), headers("PING", EXERCISE_SIGNATURE));

    assertThat(event).isEqualTo(PingEvent.of(Instant.parse("2019-01-11T08:25:10.020Z"), false));
  }

  @Test
  void signedPingIsVerified() {
    WebhookEvent event = verifier.verifyAndParse(bytes(PING), headers("PING", PING_SIGNATURE));

    assertThat(event).isEqualTo(PingEvent.of(Instant.parse("2019-01-11T08:25:10.020Z"), true));
  }

  @Test
  void unsignedDataClaimingToBeAPingIsNeverData() {
    // An attacker labels a forged SLEEP delivery as a PING to skip verification: it comes back as a
    // ping.
    WebhookEvent event =
        verifier.verifyAndParse(bytes(SLEEP), Map.of("Polar-Webhook-Event", List.of("PING")));

    assertThat(event).isInstanceOf(PingEvent.class);
    assertThat(((PingEvent) event).signatureVerified()).isFalse();
  }

  @Test
  void unsignedPingWithGarbageBodyIsStillAPing() {
    Map<String, List<String>> headers = Map.of("polar-webhook-event", List.of("ping"));

    assertThat(verifier.verifyAndParse(bytes("not json {"), headers))
        .isEqualTo(PingEvent.of(null, false));
    assertThat(verifier.verifyAndParse(new byte[0], headers)).isEqualTo(PingEvent.of(null, false));
  }

  @Test
  void aNestedPingFieldDoesNotMakeAPing() {
    String body = "{\"data\":{\"event\":\"PING\"},\"event\":\"SLEEP\"}";

    assertThatThrownBy(() -> verifier.verifyAndParse(bytes(body), Map.of()))
        .isInstanceOf(WebhookSignatureException.class);
  }
}

package dev.accesslink4j.webhooks;

import dev.accesslink4j.errors.WebhookPayloadException;
import dev.accesslink4j.errors.WebhookSignatureException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accesslink4j.errors.AccessLinkException;
import dev.accesslink4j.generated.model.WebhookType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookVerifierTest {
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

  private final WebhookVerifier verifier = WebhookVerifier.of(WebhookSecret.of(KEY));

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
    // SHA2-256(stdin)= 0fed170b69ee43d8056f05e57c185417d379f297fff87c65763107997f9f6ed5   (LANG=C.UTF-8)
    String body = "{\"event\":\"SLEEP\",\"note\":\"Yö – 睡眠\"}";
    String expected = "0fed170b69ee43d8056f05e57c185417d379f297fff87c65763107997f9f6ed5";
    assertThat(WebhookSigner.of("sécret-ключ").sign(bytes(body))).isEqualTo(expected);
    assertThat(WebhookVerifier.of("sécret-ключ").signatureMatches(bytes(body), expected)).isTrue();
  }

  // --- verification outcomes

  @Test
  void verifiesAndParsesAnExercise() {
    WebhookEvent event = verifier.verifyAndParse(bytes(EXERCISE), headers("EXERCISE", EXERCISE_SIGNATURE));

    assertThat(event)
        .isEqualTo(
            new ExerciseEvent(
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

    assertThatThrownBy(() -> verifier.verifyAndParse(bytes(tampered), headers("EXERCISE", EXERCISE_SIGNATURE)))
        .isInstanceOf(WebhookSignatureException.class)
        .isInstanceOf(AccessLinkException.class)
        .hasMessageContaining("does not match")
        .extracting(e -> ((WebhookSignatureException) e).reason())
        .isEqualTo(WebhookSignatureException.Reason.MISMATCH);
  }

  @Test
  void reEncodedBodyIsRejected() {
    // What a framework that parses and re-serializes the JSON would hand over: same data, other bytes.
    String reEncoded = EXERCISE.replace(",", ", ");

    assertThatThrownBy(() -> verifier.verifyAndParse(bytes(reEncoded), headers("EXERCISE", EXERCISE_SIGNATURE)))
        .isInstanceOf(WebhookSignatureException.class);
  }

  @Test
  void wrongKeyIsRejected() {
    WebhookVerifier other = WebhookVerifier.of("abe1f3ae-fd33-11e8-8eb2-f2801f1b9fd2");

    assertThatThrownBy(() -> other.verifyAndParse(bytes(EXERCISE), headers("EXERCISE", EXERCISE_SIGNATURE)))
        .isInstanceOf(WebhookSignatureException.class)
        .hasMessageNotContaining(KEY)
        .hasMessageNotContaining("abe1f3ae-fd33-11e8-8eb2-f2801f1b9fd2")
        .hasMessageNotContaining(EXERCISE_SIGNATURE)
        .hasMessageNotContaining(WebhookSigner.of("abe1f3ae-fd33-11e8-8eb2-f2801f1b9fd2").sign(bytes(EXERCISE)));
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
    Map<String, List<String>> headers = Map.of("x-polar-webhook-signature", List.of(EXERCISE_SIGNATURE));

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
    assertThat(verifier.verifyAndParse(bytes(PING), Map.of())).isEqualTo(PingEvent.of(
        Instant.parse("2019-01-11T08:25:10.020Z"), false));
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
    // An attacker labels a forged SLEEP delivery as a PING to skip verification: it comes back as a ping.
    WebhookEvent event = verifier.verifyAndParse(bytes(SLEEP), Map.of("Polar-Webhook-Event", List.of("PING")));

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

  // --- every event type

  @Test
  void parsesEveryEventTypeFromTheSpecExamples() {
    assertThat(parse("{\"event\":\"CONTINUOUS_HEART_RATE\",\"user_id\":475,\"date\":\"2022-09-30\","
            + "\"timestamp\":\"2022-10-01T14:22:24Z\","
            + "\"url\":\"https://www.polaraccesslink.com/v3/users/continuous-heart-rate/2022-09-30\"}"))
        .isEqualTo(new ContinuousHeartRateEvent(475, LocalDate.parse("2022-09-30"),
            Instant.parse("2022-10-01T14:22:24Z"),
            URI.create("https://www.polaraccesslink.com/v3/users/continuous-heart-rate/2022-09-30")));
    assertThat(parse("{\"event\":\"SLEEP_WISE_CIRCADIAN_BEDTIME\",\"user_id\":475,\"from\":\"2022-09-30\","
            + "\"to\":\"2022-10-02\",\"timestamp\":\"2022-10-02T14:22:24Z\",\"url\":\"https://www.polaraccesslink.com"
            + "/v3/users/sleepwise/circadian-bedtime/date?from=2022-09-30&to=2022-10-02\"}"))
        .isEqualTo(new CircadianBedtimeEvent(475, LocalDate.parse("2022-09-30"), LocalDate.parse("2022-10-02"),
            Instant.parse("2022-10-02T14:22:24Z"), URI.create("https://www.polaraccesslink.com"
                + "/v3/users/sleepwise/circadian-bedtime/date?from=2022-09-30&to=2022-10-02")));
    AlertnessEvent alertness = (AlertnessEvent) parse("{\"event\":\"SLEEP_WISE_ALERTNESS\",\"user_id\":475,"
        + "\"from\":\"2022-09-30\",\"to\":\"2022-10-02\",\"timestamp\":\"2022-10-02T14:22:24Z\",\"url\":"
        + "\"https://www.polaraccesslink.com/v3/users/sleepwise/alertness/date?from=2022-09-30&to=2022-10-02\"}");
    assertThat(alertness.from()).isEqualTo("2022-09-30");
    assertThat(alertness.to()).isEqualTo("2022-10-02");
    assertThat(alertness.deduplicationKey()).isEqualTo("SLEEP_WISE_ALERTNESS:475:2022-09-30..2022-10-02");
    assertThat(parse("{\"event\":\"ACTIVITY_SUMMARY\",\"user_id\":475,\"date\":\"2022-09-30\","
            + "\"timestamp\":\"2022-10-02T14:22:24Z\","
            + "\"url\":\"https://www.polaraccesslink.com/v3/users/activities/2022-09-30\"}"))
        .isEqualTo(new ActivitySummaryEvent(475, LocalDate.parse("2022-09-30"),
            Instant.parse("2022-10-02T14:22:24Z"),
            URI.create("https://www.polaraccesslink.com/v3/users/activities/2022-09-30")));
    assertThat(parse("{\"event\":\"PHYSICAL_INFORMATION\",\"user_id\":475,\"timestamp\":\"2026-01-13T09:30:00Z\","
            + "\"url\":\"https://www.polaraccesslink.com/v3/users/physical-info\"}"))
        .isEqualTo(new PhysicalInformationEvent(475, Instant.parse("2026-01-13T09:30:00Z"),
            URI.create("https://www.polaraccesslink.com/v3/users/physical-info")));
    SleepEvent sleep = (SleepEvent) parse(SLEEP);
    assertThat(sleep.date()).isEqualTo("2019-12-31");
    assertThat(sleep.userId()).isEqualTo(475L);
    assertThat(sleep.deduplicationKey()).isEqualTo("SLEEP:475:2019-12-31");
  }

  @Test
  void toleratesUnknownFieldsAndAStringUserId() {
    WebhookEvent event = parse("{\"event\":\"SLEEP\",\"user_id\":\"475\",\"date\":\"2019-12-31\","
        + "\"timestamp\":\"2020-01-01T07:42:10.5+02:00\",\"url\":\"https://x.example/v3/users/sleep/2019-12-31\","
        + "\"new_field\":{\"nested\":[1,2,3]}}");

    assertThat(((SleepEvent) event).timestamp()).isEqualTo(Instant.parse("2020-01-01T05:42:10.5Z"));
    assertThat(((SleepEvent) event).userId()).isEqualTo(475L);
  }

  @Test
  void eventTypeFallsBackToTheHeader() {
    String body = SLEEP.replace("\"event\":\"SLEEP\",", "");

    assertThat(verifier.verifyAndParse(bytes(body), headers("SLEEP", sign(body)))).isInstanceOf(SleepEvent.class);
  }

  @Test
  void unknownEventIsSurfacedNotThrown() {
    String body = "{\"event\":\"CARDIO_LOAD\",\"user_id\":475,\"date\":\"2025-01-01\","
        + "\"timestamp\":\"2025-01-02T00:00:00Z\",\"url\":\"https://www.polaraccesslink.com/v3/users/cardio-load/\"}";

    WebhookEvent event = verifier.verifyAndParse(bytes(body), headers("CARDIO_LOAD", sign(body)));

    assertThat(event).isEqualTo(new UnknownEvent("CARDIO_LOAD", body));
    assertThat(event.type()).isEqualTo("CARDIO_LOAD");
    assertThat(event.deduplicationKey())
        .startsWith("CARDIO_LOAD:{")
        .contains("\"date\":\"2025-01-01\"")
        .doesNotContain("timestamp");
    assertThat(event.toString()).doesNotContain("user_id");
  }

  @Test
  void unknownEventsDifferingOnlyInTimestampShareAKey() {
    String first = "{\"event\":\"NEW\",\"user_id\":1,\"timestamp\":\"2025-01-02T00:00:00Z\"}";
    String second = "{\"event\":\"NEW\",\"user_id\":1,\"timestamp\":\"2025-01-02T00:05:00Z\"}";

    assertThat(parse(first).deduplicationKey()).isEqualTo(parse(second).deduplicationKey());
  }

  // --- valid signature, invalid payload: a typed error

  @Test
  void malformedJsonWithAValidSignatureIsATypedError() {
    for (String body :
        List.of(
            "{\"event\":\"SLEEP\",",
            "not json",
            "",
            "[1,2]",
            "\"SLEEP\"",
            "{\"event\":\"SLEEP\"} trailing",
            "{'event':'SLEEP'}",
            "{\"event\":\"SLEEP\",\"user_id\":475}",
            "{\"event\":\"SLEEP\",\"user_id\":4.5,\"date\":\"2019-12-31\",\"timestamp\":\"2020-01-01T07:42:10Z\","
                + "\"url\":\"https://x.example/\"}",
            "{\"event\":\"SLEEP\",\"user_id\":475,\"date\":{},\"timestamp\":\"2020-01-01T07:42:10Z\","
                + "\"url\":\"https://x.example/\"}",
            "{\"event\":\"SLEEP\",\"user_id\":475,\"date\":\"2019-12-31\",\"timestamp\":\"yesterday\","
                + "\"url\":\"https://x.example/\"}",
            "{\"event\":\"SLEEP\",\"user_id\":475,\"date\":\"2019-12-31\",\"timestamp\":\"2020-01-01T07:42:10Z\","
                + "\"url\":\"not a url\"}",
            "{\"event\":\"SLEEP_WISE_ALERTNESS\",\"user_id\":475,\"from\":\"2022-10-02\",\"to\":\"2022-09-30\","
                + "\"timestamp\":\"2020-01-01T07:42:10Z\",\"url\":\"https://x.example/\"}")) {
      assertThatThrownBy(() -> parse(body))
          .as(body)
          .isInstanceOf(WebhookPayloadException.class)
          .isInstanceOf(AccessLinkException.class)
          .hasMessageStartingWith("The webhook body is not a valid AccessLink payload");
    }
  }

  @Test
  void bodyAndHeadersNamingNoEventTypeIsATypedError() {
    String body = "{\"user_id\":475}";

    assertThatThrownBy(
            () -> verifier.verifyAndParse(bytes(body), Map.of("Polar-Webhook-Signature", List.of(sign(body)))))
        .isInstanceOf(WebhookPayloadException.class)
        .hasMessageContaining("names no event type");
  }

  @Test
  void polarsImpossibleExampleDateIsATypedErrorThatNamesTheField() {
    // Polar's docs use 2022-09-31 in three examples.
    String body = "{\"event\":\"ACTIVITY_SUMMARY\",\"user_id\":475,\"date\":\"2022-09-31\","
        + "\"timestamp\":\"2022-10-02T14:22:24Z\","
        + "\"url\":\"https://www.polaraccesslink.com/v3/users/activities/2022-09-31\"}";

    assertThatThrownBy(() -> parse(body))
        .isInstanceOf(WebhookPayloadException.class)
        .hasMessageContaining("\"date\" is not a YYYY-MM-DD date")
        .hasMessageNotContaining("2022-09-31");
  }

  @Test
  void signedPingWithMalformedBodyIsStillAPing() {
    assertThat(verifier.verifyAndParse(bytes("{oops"), headers("PING", sign("{oops"))))
        .isEqualTo(PingEvent.of(null, true));
  }

  // --- the other entry points

  @Test
  void headerFunctionOverloadForFrameworks() {
    Map<String, String> caseInsensitive = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    caseInsensitive.put("polar-webhook-signature", SLEEP_SIGNATURE);

    assertThat(verifier.verifyAndParse(bytes(SLEEP), caseInsensitive::get)).isInstanceOf(SleepEvent.class);
    assertThatThrownBy(() -> verifier.verifyAndParse(bytes(SLEEP), name -> null))
        .isInstanceOf(WebhookSignatureException.class);
  }

  @Test
  void inputStreamOverloadReadsTheRawBytes() {
    InputStream in = new ByteArrayInputStream(bytes(SLEEP));

    assertThat(verifier.verifyAndParse(in, headers("SLEEP", SLEEP_SIGNATURE))).isInstanceOf(SleepEvent.class);
    assertThat(
            verifier.verifyAndParse(
                new ByteArrayInputStream(bytes(SLEEP)),
                name -> name.equals("Polar-Webhook-Signature") ? SLEEP_SIGNATURE : null))
        .isInstanceOf(SleepEvent.class);
  }

  @Test
  void inputStreamOverloadRefusesHugeBodies() {
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            return ' ';
          }
        };

    assertThatThrownBy(() -> verifier.verifyAndParse(endless, headers("SLEEP", SLEEP_SIGNATURE)))
        .isInstanceOf(WebhookPayloadException.class)
        .hasMessageContaining("larger than 1048576 bytes");
  }

  @Test
  void inputStreamFailureIsAnIoError() {
    InputStream broken =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("connection reset");
          }
        };

    assertThatThrownBy(() -> verifier.verifyAndParse(broken, headers("SLEEP", SLEEP_SIGNATURE)))
        .isInstanceOf(dev.accesslink4j.errors.AccessLinkIOException.class);
  }

  @Test
  void secretsNeverPrint() {
    assertThat(WebhookSecret.of(KEY).toString()).isEqualTo("WebhookSecret[██]");
    assertThat(verifier.toString()).doesNotContain(KEY);
    assertThat(WebhookSigner.of(KEY).toString()).doesNotContain(KEY);
    assertThat(WebhookSecret.of(KEY).reveal()).isEqualTo(KEY);
    assertThat(WebhookSecret.of(KEY)).isEqualTo(WebhookSecret.of(KEY)).isNotEqualTo(WebhookSecret.of(KEY + "x"));
    assertThatThrownBy(() -> WebhookSecret.of(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  private WebhookEvent parse(String body) {
    return verifier.verifyAndParse(bytes(body), headers("IGNORED", sign(body)));
  }
}

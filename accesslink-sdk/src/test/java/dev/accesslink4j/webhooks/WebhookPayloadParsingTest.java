package dev.accesslink4j.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accesslink4j.errors.AccessLinkException;
import dev.accesslink4j.errors.WebhookPayloadException;
import dev.accesslink4j.errors.WebhookSignatureException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a verified delivery parses to: every event type from the spec's examples, unknown events surfaced rather than
 * thrown, a payload that is not AccessLink's as a typed error, and the framework-friendly entry points.
 */
class WebhookPayloadParsingTest extends WebhookTestSupport {
  @Test
  void parsesEveryEventTypeFromTheSpecExamples() {
    assertThat(
            parse(
                "{\"event\":\"CONTINUOUS_HEART_RATE\",\"user_id\":475,\"date\":\"2022-09-30\","
                    + "\"timestamp\":\"2022-10-01T14:22:24Z\","
                    + "\"url\":\"https://www.polaraccesslink.com/v3/users/continuous-heart-rate/2022-09-30\"}"))
        .isEqualTo(new ContinuousHeartRateEvent(
            475,
            LocalDate.parse("2022-09-30"),
            Instant.parse("2022-10-01T14:22:24Z"),
            URI.create(
                "https://www.polaraccesslink.com/v3/users/continuous-heart-rate/2022-09-30")));
    assertThat(parse(
            "{\"event\":\"SLEEP_WISE_CIRCADIAN_BEDTIME\",\"user_id\":475,\"from\":\"2022-09-30\","
                + "\"to\":\"2022-10-02\",\"timestamp\":\"2022-10-02T14:22:24Z\",\"url\":\"https://www.polaraccesslink.com"
                + "/v3/users/sleepwise/circadian-bedtime/date?from=2022-09-30&to=2022-10-02\"}"))
        .isEqualTo(new CircadianBedtimeEvent(
            475,
            LocalDate.parse("2022-09-30"),
            LocalDate.parse("2022-10-02"),
            Instant.parse("2022-10-02T14:22:24Z"),
            URI.create("https://www.polaraccesslink.com"
                + "/v3/users/sleepwise/circadian-bedtime/date?from=2022-09-30&to=2022-10-02")));
    AlertnessEvent alertness = (AlertnessEvent)
        parse(
            "{\"event\":\"SLEEP_WISE_ALERTNESS\",\"user_id\":475,"
                + "\"from\":\"2022-09-30\",\"to\":\"2022-10-02\",\"timestamp\":\"2022-10-02T14:22:24Z\",\"url\":"
                + "\"https://www.polaraccesslink.com/v3/users/sleepwise/alertness/date?from=2022-09-30&to=2022-10-02\"}");
    assertThat(alertness.from()).isEqualTo("2022-09-30");
    assertThat(alertness.to()).isEqualTo("2022-10-02");
    assertThat(alertness.deduplicationKey())
        .isEqualTo("SLEEP_WISE_ALERTNESS:475:2022-09-30..2022-10-02");
    DateRangeEvent<?> range = alertness;
    assertThat(range.from()).isEqualTo("2022-09-30");
    assertThat(range.to()).isEqualTo("2022-10-02");
    assertThat(parse("{\"event\":\"ACTIVITY_SUMMARY\",\"user_id\":475,\"date\":\"2022-09-30\","
            + "\"timestamp\":\"2022-10-02T14:22:24Z\","
            + "\"url\":\"https://www.polaraccesslink.com/v3/users/activities/2022-09-30\"}"))
        .isEqualTo(new ActivitySummaryEvent(
            475,
            LocalDate.parse("2022-09-30"),
            Instant.parse("2022-10-02T14:22:24Z"),
            URI.create("https://www.polaraccesslink.com/v3/users/activities/2022-09-30")));
    assertThat(parse(
            "{\"event\":\"PHYSICAL_INFORMATION\",\"user_id\":475,\"timestamp\":\"2026-01-13T09:30:00Z\","
                + "\"url\":\"https://www.polaraccesslink.com/v3/users/physical-info\"}"))
        .isEqualTo(new PhysicalInformationEvent(
            475,
            Instant.parse("2026-01-13T09:30:00Z"),
            URI.create("https://www.polaraccesslink.com/v3/users/physical-info")));
    SleepEvent sleep = (SleepEvent) parse(SLEEP);
    assertThat(sleep.date()).isEqualTo("2019-12-31");
    assertThat(sleep.userId()).isEqualTo(475L);
    assertThat(sleep.deduplicationKey()).isEqualTo("SLEEP:475:2019-12-31");
  }

  @Test
  void bothRangeEventsRefuseARangeThatEndsBeforeItStarts() {
    LocalDate later = LocalDate.parse("2022-10-02");
    LocalDate earlier = LocalDate.parse("2022-09-30");
    Instant sent = Instant.parse("2022-10-02T14:22:24Z");
    URI url = URI.create("https://www.polaraccesslink.com/v3/users/sleepwise/alertness/date");

    assertThatThrownBy(() -> new AlertnessEvent(475, later, earlier, sent, url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("to is before from");
    assertThatThrownBy(() -> new CircadianBedtimeEvent(475, later, earlier, sent, url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("to is before from");
    assertThatThrownBy(() -> new CircadianBedtimeEvent(475, earlier, later, sent, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("url");
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

    assertThat(verifier.verifyAndParse(bytes(body), headers("SLEEP", sign(body))))
        .isInstanceOf(SleepEvent.class);
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
    for (String body : List.of(
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

    assertThatThrownBy(() -> verifier.verifyAndParse(
            bytes(body), Map.of("Polar-Webhook-Signature", List.of(sign(body)))))
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

    assertThat(verifier.verifyAndParse(bytes(SLEEP), caseInsensitive::get))
        .isInstanceOf(SleepEvent.class);
    assertThatThrownBy(() -> verifier.verifyAndParse(bytes(SLEEP), name -> null))
        .isInstanceOf(WebhookSignatureException.class);
  }

  @Test
  void inputStreamOverloadReadsTheRawBytes() {
    InputStream in = new ByteArrayInputStream(bytes(SLEEP));

    assertThat(verifier.verifyAndParse(in, headers("SLEEP", SLEEP_SIGNATURE)))
        .isInstanceOf(SleepEvent.class);
    assertThat(verifier.verifyAndParse(
            new ByteArrayInputStream(bytes(SLEEP)),
            name -> name.equals("Polar-Webhook-Signature") ? SLEEP_SIGNATURE : null))
        .isInstanceOf(SleepEvent.class);
  }

  @Test
  void inputStreamOverloadRefusesHugeBodies() {
    InputStream endless = new InputStream() {
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
    InputStream broken = new InputStream() {
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
    assertThat(WebhookSecret.of(KEY))
        .isEqualTo(WebhookSecret.of(KEY))
        .isNotEqualTo(WebhookSecret.of(KEY + "x"));
    assertThatThrownBy(() -> WebhookSecret.of(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  WebhookEvent parse(String body) {
    return verifier.verifyAndParse(bytes(body), headers("IGNORED", sign(body)));
  }
}

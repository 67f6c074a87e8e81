package dev.accesslink4j.generated;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.accesslink4j.generated.api.SleepApi;
import dev.accesslink4j.generated.model.Sleep;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SleepApi}: a snake_case resource addressed by date. */
class SleepApiTest {

  @RegisterExtension
  final ApiServer server = new ApiServer();

  private final SleepApi api = server.api(SleepApi.class);

  @Test
  void getSleepReadsTheSnakeCasePayload() throws Exception {
    server.enqueueJson(200, Spec.responseExample("getSleep"));

    Sleep sleep = api.getSleep(LocalDate.of(2020, 1, 1)).execute().body();

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v3/users/sleep/2020-01-01");
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");

    assertThat(sleep.getDate()).isEqualTo(LocalDate.of(2020, 1, 1));
    assertThat(sleep.getSleepStartTime())
        .isEqualTo(OffsetDateTime.of(2020, 1, 1, 0, 39, 7, 0, ZoneOffset.ofHours(3)));
    assertThat(sleep.getDeviceId()).isEqualTo("1111AAAA");
    assertThat(sleep.getContinuity()).isEqualTo(2.1f);
    assertThat(sleep.getSleepScore()).isEqualTo(80);
    assertThat(sleep.getUnrecognizedSleepStage()).isEqualTo(1000);
    assertThat(sleep.getGroupRegenerationScore()).isEqualTo(54.2f);
    assertThat(sleep.getHypnogram()).containsEntry("00:39", 2).containsEntry("01:23", 4);
    assertThat(sleep.getHeartRateSamples()).isNotEmpty();
  }

  @Test
  void unknownFieldsAreIgnored() throws Exception {
    String example = Spec.responseExample("getSleep");
    JsonObject extended = JsonParser.parseString(example).getAsJsonObject();
    extended.addProperty("sleep_debt_minutes", 42);
    extended.add(
        "future_block",
        JsonParser.parseString("{\"nested\": [1, {\"deep\": true}], \"sleep_score\": \"x\"}"));
    server.enqueueJson(200, extended.toString());
    server.enqueueJson(200, example);

    Sleep withExtras = api.getSleep(LocalDate.of(2020, 1, 1)).execute().body();
    Sleep plain = api.getSleep(LocalDate.of(2020, 1, 1)).execute().body();

    assertThat(withExtras).isEqualTo(plain);
  }
}

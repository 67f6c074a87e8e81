package dev.accesslink4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The generated data: Polar's field names, formats and sentinels, plausible values, determinism. */
class DataTest {
  @RegisterExtension
  final FakeAccessLinkExtension accessLink = Fixtures.extension();

  @Test
  void exercisesUseSnakeCaseWithPolarsKebabExceptions() {
    FakeAccessLink fake = accessLink.fake();
    FakeUser user = fake.addUser();
    ExerciseIds run = user.addExercise(ExerciseSpec.builder()
        .sport(ExerciseSpec.Sport.RUNNING)
        .duration(Duration.ofMinutes(45).plusMillis(345))
        .build());
    String token = user.issueToken().reveal();
    JsonObject e = Http.get(
            fake.baseUrl() + "v3/exercises/" + run.hashedId()
                + "?samples=true&zones=true&route=true",
            token)
        .json()
        .getAsJsonObject();
    assertThat(e.get("id").getAsString()).isEqualTo(run.hashedId()).matches("[0-9A-Za-z]{8}");
    assertThat(e.keySet())
        .contains(
            "upload_time",
            "polar_user",
            "device_id",
            "start_time",
            "start_time_utc_offset",
            "heart_rate",
            "training_load",
            "has_route",
            "detailed_sport_info",
            "running-index",
            "heart_rate_zones",
            "samples",
            "route",
            "training_load_pro");
    assertThat(e.get("duration").getAsString()).isEqualTo("PT2700.345S");
    assertThat(e.get("upload_time").getAsString())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(e.get("start_time").getAsString())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
    JsonObject hr = e.getAsJsonObject("heart_rate");
    assertThat(hr.get("average").getAsInt()).isBetween(110, 185);
    assertThat(hr.get("maximum").getAsInt()).isGreaterThan(hr.get("average").getAsInt());
    assertThat(e.get("distance").getAsDouble()).isBetween(5000.0, 11000.0);
    JsonObject zone = e.getAsJsonArray("heart_rate_zones").get(0).getAsJsonObject();
    assertThat(zone.keySet()).containsExactly("index", "lower-limit", "upper-limit", "in-zone");
    JsonObject sample = e.getAsJsonArray("samples").get(0).getAsJsonObject();
    assertThat(sample.keySet()).containsExactly("recording-rate", "sample-type", "data");
    assertThat(sample.get("data").getAsString().split(",")).hasSizeGreaterThan(500);
    JsonObject point = e.getAsJsonArray("route").get(10).getAsJsonObject();
    assertThat(point.get("time").getAsString()).matches("PT\\d+\\.\\d{3}S");
    assertThat(point.get("latitude").getAsDouble()).isBetween(60.0, 60.5);
    assertThat(e.getAsJsonObject("training_load_pro").keySet()).contains("cardio-load", "user-rpe");

    JsonObject plain = Http.get(fake.baseUrl() + "v3/exercises/" + run.hashedId(), token)
        .json()
        .getAsJsonObject();
    assertThat(plain.has("samples")).isFalse();
    assertThat(plain.has("route")).isFalse();
    assertThat(plain.has("heart_rate_zones")).isFalse();
  }

  @Test
  void anExerciseWithoutHeartRateHasPolarsEmptyObject() {
    FakeAccessLink fake = accessLink.fake();
    FakeUser user = fake.addUser();
    ExerciseIds swim = user.addExercise(ExerciseSpec.of(ExerciseSpec.Sport.POOL_SWIMMING));
    JsonObject e = Http.get(
            fake.baseUrl() + "v3/exercises/" + swim.hashedId() + "?zones=true",
            user.issueToken().reveal())
        .json()
        .getAsJsonObject();
    assertThat(e.get("heart_rate").toString()).isEqualTo("{}");
    assertThat(e.get("has_route").getAsBoolean()).isFalse();
    assertThat(e.getAsJsonArray("heart_rate_zones")).isEmpty();
    assertThat(e.has("running-index")).isFalse();
    assertThat(e.get("training_load").getAsInt()).isZero();
  }

  @Test
  void sleepHasAHypnogramThatCrossesMidnight() {
    FakeAccessLink fake = accessLink.fake();
    FakeUser user = fake.addUser();
    for (int i = 0; i < 5; i++) {
      user.addSleep(Fixtures.TODAY.minusDays(i)).addNightlyRecharge(Fixtures.TODAY.minusDays(i));
    }
    String token = user.issueToken().reveal();
    JsonArray nights = Http.get(fake.baseUrl() + "v3/users/sleep", token)
        .json()
        .getAsJsonObject()
        .getAsJsonArray("nights");
    assertThat(nights).hasSize(5);
    boolean crossed = false;
    for (JsonElement n : nights) {
      JsonObject night = n.getAsJsonObject();
      OffsetDateTime start = OffsetDateTime.parse(night.get("sleep_start_time").getAsString());
      OffsetDateTime end = OffsetDateTime.parse(night.get("sleep_end_time").getAsString());
      assertThat(start.getOffset().getTotalSeconds()).isEqualTo(3 * 3600);
      assertThat(Duration.between(start, end).toHours()).isBetween(6L, 9L);
      int asleep = night.get("light_sleep").getAsInt()
          + night.get("deep_sleep").getAsInt()
          + night.get("rem_sleep").getAsInt()
          + night.get("unrecognized_sleep_stage").getAsInt();
      assertThat(asleep).isLessThanOrEqualTo((int) Duration.between(start, end).getSeconds());
      assertThat(night.get("sleep_score").getAsInt()).isBetween(1, 100);
      assertThat(night.get("continuity").getAsDouble()).isBetween(1.0, 5.0);
      List<String> keys = new ArrayList<>(night.getAsJsonObject("hypnogram").keySet());
      assertThat(keys.get(0)).isEqualTo(start.toLocalTime().toString().substring(0, 5));
      for (String k : keys) {
        assertThat(night.getAsJsonObject("hypnogram").get(k).getAsInt()).isBetween(0, 5);
      }
      List<String> hr =
          new ArrayList<>(night.getAsJsonObject("heart_rate_samples").keySet());
      for (int i = 1; i < hr.size(); i++) {
        if (LocalTime.parse(hr.get(i)).isBefore(LocalTime.parse(hr.get(i - 1)))) {
          crossed = true; // insertion order, not lexical order: 23:55 then 00:00
        }
      }
    }
    assertThat(crossed).isTrue();

    JsonObject recharge = Http.get(
            fake.baseUrl() + "v3/users/nightly-recharge/" + Fixtures.TODAY, token)
        .json()
        .getAsJsonObject();
    assertThat(recharge.get("ans_charge").getAsDouble()).isBetween(-10.0, 10.0);
    assertThat(recharge.get("nightly_recharge_status").getAsInt()).isBetween(1, 6);
    assertThat(recharge.getAsJsonObject("hrv_samples").size()).isBetween(40, 50);
  }

  @Test
  void activityAndBiosensingAndSleepWiseLookRight() {
    FakeAccessLink fake = accessLink.fake();
    FakeUser user = fake.addUser();
    user.seedDays(7).addEcgTest(Fixtures.TODAY).addSpo2Test(Fixtures.TODAY);
    String token = user.issueToken().reveal();
    String v3 = fake.baseUrl() + "v3/users/";

    JsonObject day = Http.get(
            v3 + "activities/" + Fixtures.TODAY + "?steps=true&activity_zones=true"
                + "&inactivity_stamps=true",
            token)
        .json()
        .getAsJsonObject();
    assertThat(day.get("steps").getAsInt()).isBetween(1500, 30000);
    assertThat(day.get("active_duration").getAsString()).startsWith("PT");
    JsonObject samples = day.getAsJsonObject("samples");
    assertThat(samples.getAsJsonObject("steps").get("total_steps").getAsInt())
        .isEqualTo(day.get("steps").getAsInt());
    assertThat(samples
            .getAsJsonObject("steps")
            .getAsJsonArray("samples")
            .get(1)
            .getAsJsonObject()
            .get("timestamp")
            .getAsString())
        .matches("2025-08-14T\\d\\d:\\d\\d");
    assertThat(samples.getAsJsonArray("inactivity_stamps"))
        .hasSize(day.get("inactivity_alert_count").getAsInt());
    assertThat(Http.get(v3 + "activities/" + Fixtures.TODAY, token)
            .json()
            .getAsJsonObject()
            .has("samples"))
        .isFalse();

    JsonArray ecg = Http.get(v3 + "biosensing/ecg", token).json().getAsJsonArray();
    JsonObject test = ecg.get(ecg.size() - 1).getAsJsonObject();
    assertThat(test.get("test_time").getAsLong()).isGreaterThan(1_700_000_000L);
    assertThat(test.getAsJsonArray("samples")).hasSize(1300);
    assertThat(Http.get(v3 + "biosensing/spo2", token).json().getAsJsonArray()).isNotEmpty();
    JsonArray temps = Http.get(
            v3 + "biosensing/bodytemperature?from=" + Fixtures.TODAY.minusDays(2) + "&to="
                + Fixtures.TODAY,
            token)
        .json()
        .getAsJsonArray();
    assertThat(temps).hasSize(3);
    assertThat(temps.get(0).getAsJsonObject().get("start_time").getAsString())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");

    JsonObject alertness = Http.get(v3 + "sleepwise/alertness", token)
        .json()
        .getAsJsonArray()
        .get(0)
        .getAsJsonObject();
    assertThat(alertness.get("sleep_period_start_time").getAsString())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d\\d");
    assertThat(alertness.getAsJsonArray("hourly_data")).isNotEmpty();
    assertThat(alertness.get("sleep_timezone_offset_minutes").getAsInt()).isEqualTo(180);
    JsonObject bedtime = Http.get(v3 + "sleepwise/circadian-bedtime", token)
        .json()
        .getAsJsonArray()
        .get(6)
        .getAsJsonObject();
    assertThat(bedtime.get("result_type").getAsString())
        .isEqualTo("CIRCADIAN_BEDTIME_TYPE_PREDICTION");
  }

  @Test
  void theSameSeedGivesTheSameData() {
    String[] bodies = new String[2];
    for (int i = 0; i < 2; i++) {
      try (FakeAccessLink fake = FakeAccessLink.start(Fixtures.options().build())) {
        FakeUser user = fake.addUser("same");
        user.seedDays(4);
        String token = user.issueToken().reveal();
        bodies[i] = Http.get(fake.baseUrl() + "v3/exercises?samples=true", token)
                .text()
                .replace(fake.baseUrl(), "BASE/")
            + Http.get(fake.baseUrl() + "v3/users/sleep", token)
                .text()
                .replace(fake.baseUrl(), "BASE/")
            + Http.get(fake.baseUrl() + "v3/users/continuous-heart-rate/" + Fixtures.TODAY, token)
                .text()
                .replace(fake.baseUrl(), "BASE/");
      }
    }
    assertThat(bodies[0]).isEqualTo(bodies[1]).contains("heart_rate_samples");
    try (FakeAccessLink other = FakeAccessLink.start(Fixtures.options().seed(8).build())) {
      FakeUser user = other.addUser("same");
      user.seedDays(4);
      assertThat(Http.get(other.baseUrl() + "v3/users/sleep", user.issueToken().reveal())
              .text()
              .replace(other.baseUrl(), "BASE/"))
          .isNotIn(bodies[0]);
    }
  }

  @Test
  void theDemoUserStartsWithAWeekOfData() {
    FakeAccessLink fake = accessLink.fake();
    FakeUser demo = fake.demoUser();
    assertThat(demo.registered()).isFalse();
    assertThat(demo.exercises()).isNotEmpty();
    demo.register("demo");
    JsonArray days = Http.get(
            fake.baseUrl() + "v3/users/activities", demo.issueToken().reveal())
        .json()
        .getAsJsonArray();
    assertThat(days).hasSize(7);
    assertThat(LocalDate.parse(
            days.get(6).getAsJsonObject().get("end_time").getAsString().substring(0, 10)))
        .isEqualTo(Fixtures.TODAY);
  }
}

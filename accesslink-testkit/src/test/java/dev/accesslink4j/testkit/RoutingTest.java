package dev.accesslink4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import okhttp3.RequestBody;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Literal-versus-template routing, trailing slashes, and each endpoint's "no data" and "bad request" answers. */
@ExtendWith(FakeAccessLinkExtension.class)
class RoutingTest {
  private FakeAccessLink fake;
  private FakeUser user;
  private String token;
  private String v3;

  @BeforeEach
  void seed(FakeAccessLink fake) {
    this.fake = fake;
    this.user = fake.addUser();
    this.token = user.issueToken().reveal();
    this.v3 = fake.baseUrl() + "v3/";
    // the default options: today is the real today, so seed relative to it
    user.seedDays(3);
  }

  @Test
  void literalSegmentsWinOverTemplates() {
    Http.Result range = Http.get(
        v3 + "users/cardio-load/date?from=" + fake.today().minusDays(4) + "&to=" + fake.today(),
        token);
    assertThat(range.code()).isEqualTo(200);
    JsonArray days = range.json().getAsJsonArray();
    assertThat(days).hasSize(5); // one per day, missing days NOT_AVAILABLE
    assertThat(days.get(0).getAsJsonObject().get("cardio_load_status").getAsString())
        .isEqualTo("LOAD_STATUS_NOT_AVAILABLE");
    assertThat(days.get(0).getAsJsonObject().get("cardio_load").getAsInt()).isEqualTo(-1);
    assertThat(fake.requests().get(fake.requests().size() - 1).route())
        .contains(Route.LIST_CARDIO_LOAD_BY_DATE_RANGE);

    Http.Result oneDay = Http.get(v3 + "users/cardio-load/" + fake.today(), token);
    assertThat(oneDay.json().getAsJsonArray()).hasSize(1);
    JsonObject level = oneDay
        .json()
        .getAsJsonArray()
        .get(0)
        .getAsJsonObject()
        .getAsJsonObject("cardio_load_level");
    assertThat(level.keySet()).containsExactly("very_low", "low", "medium", "high", "very-high");
    assertThat(Http.get(v3 + "users/cardio-load/period/days/2", token).json().getAsJsonArray())
        .hasSize(2);
    assertThat(Http.get(v3 + "users/cardio-load/period/months/1", token).json().getAsJsonArray())
        .hasSize(3);

    Http.Result available = Http.get(v3 + "users/sleep/available", token);
    assertThat(available.json().getAsJsonObject().getAsJsonArray("available")).hasSize(3);
    assertThat(fake.lastRequest().orElseThrow().route()).contains(Route.LIST_AVAILABLE_SLEEP);
    assertThat(Http.get(v3 + "users/sleep/" + fake.today(), token)
            .json()
            .getAsJsonObject()
            .get("date")
            .getAsString())
        .isEqualTo(fake.today().toString());
    assertThat(
            Http.get(v3 + "users/physical-info", token).json().getAsJsonObject().has("vo2_max"))
        .isTrue();
    assertThat(Http.get(
                v3 + "users/sleepwise/alertness/date?from=" + fake.today() + "&to=" + fake.today(),
                token)
            .json()
            .getAsJsonArray())
        .hasSize(1);
  }

  @Test
  void trailingSlashFormsAreAccepted() {
    String from = fake.today().minusDays(2).toString();
    Http.Result withSlash =
        Http.get(v3 + "users/activities/?from=" + from + "&to=" + fake.today(), token);
    Http.Result without =
        Http.get(v3 + "users/activities?from=" + from + "&to=" + fake.today(), token);
    assertThat(withSlash.code()).isEqualTo(200);
    assertThat(withSlash.text()).isEqualTo(without.text());
    assertThat(withSlash.json().getAsJsonArray()).hasSize(3);
    assertThat(Http.get(v3 + "users/cardio-load/", token).text())
        .isEqualTo(Http.get(v3 + "users/cardio-load", token).text());
    assertThat(Http.get(v3 + "users/activities/samples/?from=" + from, token)
            .json()
            .getAsJsonArray())
        .hasSize(3);
  }

  @Test
  void unknownPathsAre404AndWrongMethodsAre405() {
    assertThat(Http.get(v3 + "nope", token).code()).isEqualTo(404);
    Http.Result wrong = Http.send(Http.bearer(v3 + "users/sleep/available", token)
        .put(RequestBody.create(new byte[0]))
        .build());
    assertThat(wrong.code()).isEqualTo(405);
    assertThat(wrong.header("Allow")).isEqualTo("GET");
  }

  @Test
  void noDataAnswersDependOnTheEndpoint() {
    String old = fake.today().minusDays(20).toString();
    assertThat(Http.get(v3 + "users/sleep/" + old, token).code()).isEqualTo(404);
    assertThat(Http.get(v3 + "users/nightly-recharge/" + old, token).code()).isEqualTo(404);
    assertThat(Http.get(v3 + "users/continuous-heart-rate/" + old, token).code())
        .isEqualTo(404);
    assertThat(Http.get(v3 + "users/activities/" + old, token).code()).isEqualTo(204);
    assertThat(Http.get(v3 + "users/activities/samples/" + old, token).code()).isEqualTo(204);
    assertThat(Http.get(v3 + "exercises/doesNotExist", token).code()).isEqualTo(404);
    assertThat(Http.get(v3 + "users/cardio-load/" + old, token).text()).isEqualTo("[]");

    FakeUser empty = fake.addUser();
    String emptyToken = empty.issueToken().reveal();
    assertThat(Http.get(v3 + "users/biosensing/skintemperature", emptyToken).code())
        .isEqualTo(204);
    assertThat(Http.get(v3 + "users/sleepwise/alertness", emptyToken).code()).isEqualTo(204);
    assertThat(Http.get(v3 + "users/sleepwise/circadian-bedtime", emptyToken).code())
        .isEqualTo(204);
    assertThat(Http.get(v3 + "users/sleep", emptyToken).text()).isEqualTo("{\"nights\":[]}");
    assertThat(Http.get(v3 + "users/nightly-recharge", emptyToken).text())
        .isEqualTo("{\"recharges\":[]}");
    assertThat(Http.get(v3 + "users/activities", emptyToken).text()).isEqualTo("[]");
    assertThat(Http.get(v3 + "exercises", emptyToken).text()).isEqualTo("[]");
  }

  @Test
  void datesAndRangesAreValidated() {
    assertThat(Http.get(v3 + "users/activities/" + fake.today().minusDays(366), token)
            .code())
        .isEqualTo(400);
    assertThat(Http.get(v3 + "users/activities/" + fake.today().minusDays(365), token)
            .code())
        .isEqualTo(204);
    assertThat(Http.get(v3 + "users/activities/2025-02-30", token).code()).isEqualTo(400);
    assertThat(Http.get(
                v3 + "users/activities?from=" + fake.today().minusDays(29) + "&to=" + fake.today(),
                token)
            .code())
        .isEqualTo(400);
    assertThat(Http.get(
                v3 + "users/activities?from=" + fake.today().minusDays(28) + "&to=" + fake.today(),
                token)
            .code())
        .isEqualTo(200);
    assertThat(Http.get(
                v3 + "users/activities?from=" + fake.today() + "&to="
                    + fake.today().minusDays(1),
                token)
            .code())
        .isEqualTo(400);
    assertThat(Http.get(v3 + "users/continuous-heart-rate", token).code()).isEqualTo(400);
    assertThat(Http.get(
                v3 + "users/sleepwise/alertness/date?from=" + fake.today().minusDays(40) + "&to="
                    + fake.today(),
                token)
            .code())
        .isEqualTo(400);
    assertThat(Http.get(
                v3 + "users/biosensing/ecg?from=" + fake.today().minusDays(30) + "&to="
                    + fake.today(),
                token)
            .code())
        .isEqualTo(400);
    assertThat(Http.get(v3 + "users/cardio-load/period/days/zero", token).code())
        .isEqualTo(400);
  }

  @Test
  void continuousHeartRateRangeIsOneObjectPerDay() {
    JsonObject range = Http.get(
            v3 + "users/continuous-heart-rate?from=" + fake.today().minusDays(5) + "&to="
                + fake.today(),
            token)
        .json()
        .getAsJsonObject();
    JsonArray days = range.getAsJsonArray("heart_rates");
    assertThat(days).hasSize(3);
    JsonObject day = days.get(2).getAsJsonObject();
    assertThat(day.keySet()).containsExactly("polar_user", "date", "heart_rate_samples");
    assertThat(day.getAsJsonArray("heart_rate_samples").size()).isBetween(240, 300);
  }
}

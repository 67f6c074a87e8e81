package dev.accesslink4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TransactionsTest {
  @RegisterExtension
  final FakeAccessLinkExtension accessLink = Fixtures.extension();

  private static List<String> strings(JsonArray array) {
    List<String> list = new ArrayList<>();
    for (JsonElement e : array) {
      list.add(e.getAsString());
    }
    return list;
  }

  @Test
  void exerciseTransactionLifecycle() {
    FakeAccessLink fake = accessLink.fake();
    FakeUser user = fake.addUser();
    ExerciseIds run = user.addExercise(ExerciseSpec.of(ExerciseSpec.Sport.RUNNING));
    ExerciseIds lift = user.addExercise(ExerciseSpec.of(ExerciseSpec.Sport.STRENGTH_TRAINING));
    String token = user.issueToken().reveal();
    String base = fake.baseUrl() + "v3/users/" + user.polarUserId() + "/exercise-transactions";

    Http.Result created = Http.postEmpty(base, token);
    assertThat(created.code()).isEqualTo(201);
    JsonObject location = created.json().getAsJsonObject();
    long tid = location.get("transaction-id").getAsLong();
    assertThat(location.get("resource-uri").getAsString()).isEqualTo(base + "/" + tid);

    Http.Result listed = Http.get(base + "/" + tid, token);
    assertThat(listed.code()).isEqualTo(200);
    List<String> urls = strings(listed.json().getAsJsonObject().getAsJsonArray("exercises"));
    assertThat(urls)
        .containsExactly(
            base + "/" + tid + "/exercises/" + run.transactionalId(),
            base + "/" + tid + "/exercises/" + lift.transactionalId());

    JsonObject exercise = Http.get(urls.get(0), token).json().getAsJsonObject();
    assertThat(exercise.get("id").getAsLong()).isEqualTo(run.transactionalId());
    assertThat(exercise.get("transaction-id").getAsLong()).isEqualTo(tid);
    assertThat(exercise.get("polar-user").getAsString())
        .isEqualTo("https://www.polaraccesslink.com/v3/users/" + user.polarUserId());
    assertThat(exercise.keySet())
        .contains(
            "upload-time",
            "start-time",
            "start-time-utc-offset",
            "heart-rate",
            "has-route",
            "detailed-sport-info",
            "training-load-pro");
    assertThat(exercise.get("start-time-utc-offset").getAsInt()).isEqualTo(180);

    assertThat(Http.get(urls.get(0) + "/heart-rate-zones", token)
            .json()
            .getAsJsonObject()
            .getAsJsonArray("zone"))
        .hasSize(5);
    List<String> samples = strings(Http.get(urls.get(0) + "/samples", token)
        .json()
        .getAsJsonObject()
        .getAsJsonArray("samples"));
    assertThat(samples).contains(urls.get(0) + "/samples/0", urls.get(0) + "/samples/11");
    JsonObject hr = Http.get(urls.get(0) + "/samples/0", token).json().getAsJsonObject();
    assertThat(hr.get("recording-rate").getAsInt()).isEqualTo(5);
    assertThat(hr.get("sample-type").getAsString()).isEqualTo("0");
    assertThat(Http.get(urls.get(0) + "/samples/11", token)
            .json()
            .getAsJsonObject()
            .get("recording-rate")
            .isJsonNull())
        .isTrue();
    assertThat(Http.get(urls.get(1) + "/gpx", token).code())
        .isEqualTo(204); // strength training: no route
    assertThat(Http.get(urls.get(1) + "/samples/4", token).code()).isEqualTo(204);

    assertThat(Http.put(base + "/" + tid, token).code()).isEqualTo(200);
    assertThat(Http.get(base + "/" + tid, token).code()).isEqualTo(404);
    assertThat(Http.put(base + "/" + tid, token).code()).isEqualTo(404);
    assertThat(Http.get(urls.get(0), token).code()).isEqualTo(404);
    assertThat(Http.postEmpty(base, token).code()).isEqualTo(204);

    // the non-transactional API still has both exercises
    assertThat(Http.get(fake.baseUrl() + "v3/exercises", token).json().getAsJsonArray())
        .hasSize(2);
  }

  @Test
  void uncommittedItemsComeBackAndTheAbandonedTransactionIsGone() {
    FakeAccessLink fake = accessLink.fake();
    FakeUser user = fake.addUser();
    user.addActivityDay(Fixtures.TODAY.minusDays(1)).addActivityDay(Fixtures.TODAY);
    String token = user.issueToken().reveal();
    String base = fake.baseUrl() + "v3/users/" + user.polarUserId() + "/activity-transactions";

    long first = Http.postEmpty(base, token)
        .json()
        .getAsJsonObject()
        .get("transaction-id")
        .getAsLong();
    List<String> firstItems = strings(Http.get(base + "/" + first, token)
        .json()
        .getAsJsonObject()
        .getAsJsonArray("activity-log"));
    assertThat(firstItems).hasSize(2);
    JsonObject activity = Http.get(firstItems.get(1), token).json().getAsJsonObject();
    assertThat(activity.get("date").getAsString()).isEqualTo("2025-08-14");
    assertThat(activity.keySet())
        .containsExactly(
            "id",
            "polar-user",
            "transaction-id",
            "date",
            "created",
            "calories",
            "active-calories",
            "duration",
            "active-steps");
    JsonObject steps =
        Http.get(firstItems.get(1) + "/step-samples", token).json().getAsJsonObject();
    assertThat(steps.get("interval").getAsInt()).isEqualTo(60);
    assertThat(steps.getAsJsonArray("samples")).hasSize(24);
    assertThat(Http.get(firstItems.get(1) + "/zone-samples", token)
            .json()
            .getAsJsonObject()
            .getAsJsonArray("samples"))
        .hasSize(24);

    // not committed: a new transaction offers the same two items, the old one answers 404
    long second = Http.postEmpty(base, token)
        .json()
        .getAsJsonObject()
        .get("transaction-id")
        .getAsLong();
    assertThat(second).isNotEqualTo(first);
    assertThat(Http.get(base + "/" + first, token).code()).isEqualTo(404);
    List<String> secondItems = strings(Http.get(base + "/" + second, token)
        .json()
        .getAsJsonObject()
        .getAsJsonArray("activity-log"));
    assertThat(secondItems).hasSize(2);
    assertThat(secondItems.get(0).substring(secondItems.get(0).lastIndexOf('/')))
        .isEqualTo(firstItems.get(0).substring(firstItems.get(0).lastIndexOf('/')));

    assertThat(Http.put(base + "/" + second, token).code()).isEqualTo(200);
    assertThat(Http.postEmpty(base, token).code()).isEqualTo(204);
    assertThat(Http.get(base + "/999999999", token).code()).isEqualTo(404);
  }

  @Test
  void aTransactionHoldsAtMostFiftyItems() {
    FakeAccessLink fake = accessLink.fake();
    FakeUser user = fake.addUser();
    for (int i = 0; i < 53; i++) {
      user.addActivityDay(Fixtures.TODAY.minusDays(i));
    }
    String token = user.issueToken().reveal();
    String base = fake.baseUrl() + "v3/users/" + user.polarUserId() + "/activity-transactions";
    long t1 = Http.postEmpty(base, token)
        .json()
        .getAsJsonObject()
        .get("transaction-id")
        .getAsLong();
    assertThat(Http.get(base + "/" + t1, token)
            .json()
            .getAsJsonObject()
            .getAsJsonArray("activity-log"))
        .hasSize(50);
    Http.put(base + "/" + t1, token);
    long t2 = Http.postEmpty(base, token)
        .json()
        .getAsJsonObject()
        .get("transaction-id")
        .getAsLong();
    assertThat(Http.get(base + "/" + t2, token)
            .json()
            .getAsJsonObject()
            .getAsJsonArray("activity-log"))
        .hasSize(3);
  }

  @Test
  void physicalInformationTransactionsAndTheNewEndpoint() {
    FakeAccessLink fake = accessLink.fake();
    FakeUser user = fake.addUser();
    user.addPhysicalInfo().addPhysicalInfo();
    String token = user.issueToken().reveal();
    String base =
        fake.baseUrl() + "v3/users/" + user.polarUserId() + "/physical-information-transactions";
    long tid = Http.postEmpty(base, token)
        .json()
        .getAsJsonObject()
        .get("transaction-id")
        .getAsLong();
    List<String> urls = strings(Http.get(base + "/" + tid, token)
        .json()
        .getAsJsonObject()
        .getAsJsonArray("physical-informations"));
    assertThat(urls).hasSize(2).allMatch(u -> u.contains("/physical-informations/"));
    JsonObject info = Http.get(urls.get(1), token).json().getAsJsonObject();
    assertThat(info.keySet())
        .contains("maximum-heart-rate", "resting-heart-rate", "vo2-max", "weight-source");
    assertThat(Http.put(base + "/" + tid, token).code()).isEqualTo(200);

    JsonObject latest =
        Http.get(fake.baseUrl() + "v3/users/physical-info", token).json().getAsJsonObject();
    assertThat(latest.get("weight").getAsDouble()).isEqualTo(info.get("weight").getAsDouble());
    assertThat(latest.keySet())
        .contains("maximum_heart_rate", "training_background", "typical_day", "sleep_goal");
  }

  @Test
  void notificationsListUncommittedDataUntilItIsCommitted() {
    FakeAccessLink fake = accessLink.fake();
    String notifications = fake.baseUrl() + "v3/notifications";
    assertThat(Http.send(Http.basic(fake, notifications).build()).code()).isEqualTo(204);
    assertThat(Http.get(notifications, "bearer-is-not-enough").code()).isEqualTo(401);

    FakeUser user = fake.addUser();
    user.addExercise();
    user.addActivityDay(Fixtures.TODAY);
    fake.addUnregisteredUser().addExercise(); // not linked: never notified

    Http.Result first = Http.send(Http.basic(fake, notifications).build());
    assertThat(first.code()).isEqualTo(200);
    JsonArray data = first.json().getAsJsonObject().getAsJsonArray("available-user-data");
    assertThat(data).hasSize(2);
    JsonObject entry = data.get(0).getAsJsonObject();
    assertThat(entry.keySet()).containsExactly("user-id", "data-type", "url");
    assertThat(entry.get("data-type").getAsString()).isEqualTo("EXERCISE");
    assertThat(entry.get("url").getAsString())
        .isEqualTo(fake.baseUrl() + "v3/users/" + user.polarUserId() + "/exercise-transactions");

    // reading does not consume
    assertThat(Http.send(Http.basic(fake, notifications).build()).text()).isEqualTo(first.text());

    String token = user.issueToken().reveal();
    String url = entry.get("url").getAsString();
    long tid = Http.postEmpty(url, token)
        .json()
        .getAsJsonObject()
        .get("transaction-id")
        .getAsLong();
    assertThat(Http.send(Http.basic(fake, notifications).build())
            .json()
            .getAsJsonObject()
            .getAsJsonArray("available-user-data"))
        .hasSize(2); // created, not committed
    Http.put(url + "/" + tid, token);
    JsonArray left = Http.send(Http.basic(fake, notifications).build())
        .json()
        .getAsJsonObject()
        .getAsJsonArray("available-user-data");
    assertThat(left).hasSize(1);
    assertThat(left.get(0).getAsJsonObject().get("data-type").getAsString())
        .isEqualTo("ACTIVITY_SUMMARY");
  }
}

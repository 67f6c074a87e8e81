package dev.accesslink4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WebhooksTest {
  @RegisterExtension
  final FakeAccessLinkExtension accessLink = Fixtures.extension();

  /** The partner's webhook receiver: 200 everywhere except under /fail. */
  private final MockWebServer receiver = new MockWebServer();

  @BeforeEach
  void startReceiver() throws IOException {
    receiver.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder()
            .code(request.getTarget().startsWith("/fail") ? 500 : 200)
            .build();
      }
    });
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  private static String hmac(String body, String key) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  private Http.Result create(FakeAccessLink fake, String events, String url) {
    return Http.send(Http.basic(fake, fake.baseUrl() + "v3/webhooks")
        .post(RequestBody.create("{\"events\":" + events + ",\"url\":\"" + url + "\"}", Http.JSON))
        .build());
  }

  private RecordedRequest next() throws InterruptedException {
    RecordedRequest r = receiver.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r).isNotNull();
    return r;
  }

  @Test
  void createPingsTheUrlThenDeliveriesAreSignedWithTheSecret() throws Exception {
    FakeAccessLink fake = accessLink.fake();
    FakeUser user = fake.addUser();
    ExerciseIds run = user.addExercise(ExerciseSpec.of(ExerciseSpec.Sport.RUNNING));
    String hook = receiver.url("/acl_webhook").toString();

    Http.Result created = create(fake, "[\"EXERCISE\",\"SLEEP\"]", hook);
    assertThat(created.code()).isEqualTo(201);
    JsonObject data = created.json().getAsJsonObject().getAsJsonObject("data");
    assertThat(data.keySet()).containsExactly("id", "events", "url", "signature_secret_key");
    String secret = data.get("signature_secret_key").getAsString();

    RecordedRequest ping = next();
    assertThat(ping.getMethod()).isEqualTo("POST");
    assertThat(ping.getHeaders().get("Polar-Webhook-Event")).isEqualTo("PING");
    assertThat(ping.getHeaders().get("Content-Type")).startsWith("application/json");
    String pingBody = ping.getBody().utf8();
    JsonObject pingJson = com.google.gson.JsonParser.parseString(pingBody).getAsJsonObject();
    assertThat(pingJson.keySet()).containsExactly("timestamp", "event");
    assertThat(pingJson.get("event").getAsString()).isEqualTo("PING");
    assertThat(ping.getHeaders().get("Polar-Webhook-Signature")).isEqualTo(hmac(pingBody, secret));

    assertThat(create(fake, "[\"SLEEP\"]", hook).code()).isEqualTo(409);

    WebhookDelivery delivery = fake.deliver(FakeWebhookEvent.exercise(user, run.hashedId()));
    assertThat(delivery.delivered()).isTrue();
    RecordedRequest event = next();
    String body = event.getBody().utf8();
    assertThat(body).isEqualTo(delivery.payload());
    assertThat(event.getHeaders().get("Polar-Webhook-Event")).isEqualTo("EXERCISE");
    assertThat(event.getHeaders().get("Polar-Webhook-Signature"))
        .isEqualTo(hmac(body, secret))
        .matches("[0-9a-f]{64}");
    JsonObject payload = com.google.gson.JsonParser.parseString(body).getAsJsonObject();
    assertThat(payload.keySet())
        .containsExactly("event", "user_id", "entity_id", "timestamp", "url");
    assertThat(payload.get("user_id").getAsLong()).isEqualTo(user.polarUserId());
    assertThat(payload.get("timestamp").getAsString()).isEqualTo("2025-08-14T09:00:00Z");
    assertThat(payload.get("url").getAsString())
        .isEqualTo(fake.baseUrl() + "v3/exercises/" + run.hashedId());
    assertThat(Http.get(payload.get("url").getAsString(), user.issueToken().reveal())
            .code())
        .isEqualTo(200);

    fake.deliver(FakeWebhookEvent.sleep(user, Fixtures.TODAY));
    JsonObject sleep =
        com.google.gson.JsonParser.parseString(next().getBody().utf8()).getAsJsonObject();
    assertThat(sleep.get("date").getAsString()).isEqualTo("2025-08-14");
    assertThat(sleep.get("url").getAsString()).endsWith("/v3/users/sleep/2025-08-14");

    assertThatThrownBy(
            () -> fake.deliver(FakeWebhookEvent.continuousHeartRate(user, Fixtures.TODAY)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not subscribed");
    assertThat(fake.webhookDeliveries())
        .extracting(WebhookDelivery::event)
        .containsExactly("PING", "EXERCISE", "SLEEP");
  }

  @Test
  void aUrlThatDoesNotAnswer200IsRefused() {
    FakeAccessLink fake = accessLink.fake();
    Http.Result r = create(fake, "[\"EXERCISE\"]", receiver.url("/fail").toString());
    assertThat(r.code()).isEqualTo(400);
    assertThat(r.json().getAsJsonObject().keySet()).contains("errorType", "corrId");
    assertThat(create(fake, "[\"EXERCISE\"]", "http://127.0.0.1:1/closed").code())
        .isEqualTo(400);
    assertThat(create(fake, "[\"NOT_AN_EVENT\"]", receiver.url("/").toString()).code())
        .isEqualTo(400);
    assertThat(
            Http.send(Http.basic(fake, fake.baseUrl() + "v3/webhooks").build()).text())
        .isEqualTo("{\"data\":[]}");
    assertThat(Http.get(fake.baseUrl() + "v3/webhooks", "a-bearer-token").code())
        .isEqualTo(401);
  }

  @Test
  void manageTheWebhook() throws Exception {
    FakeAccessLink fake = accessLink.fake();
    FakeUser user = fake.addUser();
    String webhooks = fake.baseUrl() + "v3/webhooks";
    assertThat(Http.send(Http.basic(fake, webhooks + "/activate")
                .post(RequestBody.create(new byte[0]))
                .build())
            .code())
        .isEqualTo(204);
    assertThat(Http.send(Http.basic(fake, webhooks + "/deactivate")
                .post(RequestBody.create(new byte[0]))
                .build())
            .code())
        .isEqualTo(204);

    String id = create(fake, "[\"ACTIVITY_SUMMARY\"]", receiver.url("/one").toString())
        .json()
        .getAsJsonObject()
        .getAsJsonObject("data")
        .get("id")
        .getAsString();
    next();

    JsonObject info = Http.send(Http.basic(fake, webhooks).build())
        .json()
        .getAsJsonObject()
        .getAsJsonArray("data")
        .get(0)
        .getAsJsonObject();
    assertThat(info.keySet()).containsExactly("id", "events", "url", "active");
    assertThat(info.get("active").getAsBoolean()).isTrue();

    Http.Result badPatch = Http.send(Http.basic(fake, webhooks + "/" + id)
        .patch(RequestBody.create("{\"url\":\"" + receiver.url("/fail") + "\"}", Http.JSON))
        .build());
    assertThat(badPatch.code()).isEqualTo(400);
    next();
    Http.Result patched = Http.send(Http.basic(fake, webhooks + "/" + id)
        .patch(RequestBody.create(
            "{\"url\":\"" + receiver.url("/two")
                + "\",\"events\":[\"ACTIVITY_SUMMARY\",\"SLEEP_WISE_ALERTNESS\"]}",
            Http.JSON))
        .build());
    assertThat(patched.code()).isEqualTo(200);
    assertThat(next().getTarget()).isEqualTo("/two");
    JsonObject now =
        patched.json().getAsJsonObject().getAsJsonArray("data").get(0).getAsJsonObject();
    assertThat(now.get("url").getAsString()).endsWith("/two");
    assertThat(now.getAsJsonArray("events")).hasSize(2);

    assertThat(Http.send(Http.basic(fake, webhooks + "/deactivate")
                .post(RequestBody.create(new byte[0]))
                .build())
            .code())
        .isEqualTo(200);
    assertThatThrownBy(() -> fake.deliver(FakeWebhookEvent.activitySummary(user, Fixtures.TODAY)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("deactivated");
    assertThat(Http.send(Http.basic(fake, webhooks + "/activate")
                .post(RequestBody.create(new byte[0]))
                .build())
            .code())
        .isEqualTo(200);
    assertThat(next().getHeaders().get("Polar-Webhook-Event")).isEqualTo("PING");

    WebhookDelivery alertness = fake.deliver(
        FakeWebhookEvent.sleepWiseAlertness(user, Fixtures.TODAY.minusDays(1), Fixtures.TODAY));
    assertThat(alertness.payload())
        .contains("\"from\":\"2025-08-13\",\"to\":\"2025-08-14\"")
        .contains("/v3/users/sleepwise/alertness/date?from=2025-08-13&to=2025-08-14");
    next();

    assertThat(Http.send(Http.basic(fake, webhooks + "/nope").delete().build()).code())
        .isEqualTo(404);
    assertThat(Http.send(Http.basic(fake, webhooks + "/" + id).delete().build()).code())
        .isEqualTo(204);
    assertThat(Http.send(Http.basic(fake, webhooks).build()).text()).isEqualTo("{\"data\":[]}");
  }

  @Test
  void addingDataCanDeliverAutomatically() throws Exception {
    try (FakeAccessLink fake =
        FakeAccessLink.start(Fixtures.options().autoDeliverWebhooks(true).build())) {
      create(
          fake, "[\"EXERCISE\",\"PHYSICAL_INFORMATION\"]", receiver.url("/auto").toString());
      next();
      FakeUser user = fake.addUser();
      ExerciseIds ids = user.addExercise();
      RecordedRequest exercise = next();
      assertThat(exercise.getHeaders().get("Polar-Webhook-Event")).isEqualTo("EXERCISE");
      assertThat(exercise.getBody().utf8()).contains("\"entity_id\":\"" + ids.hashedId() + "\"");
      user.addPhysicalInfo();
      assertThat(next().getBody().utf8()).contains("/v3/users/physical-info");
      user.addSleep(Fixtures.TODAY); // not subscribed: nothing sent
      fake.addUnregisteredUser().addExercise(); // not linked: nothing sent
      assertThat(receiver.takeRequest(200, TimeUnit.MILLISECONDS)).isNull();
    }
  }
}

package dev.accesslink4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.garmin.fit.CRC;
import com.garmin.fit.Decode;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import dev.accesslink4j.testkit.Fault.DropPoint;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What each injected {@link Fault} does to an exchange, through a plain OkHttp client. */
class FaultsTest {
  @RegisterExtension
  final FakeAccessLinkExtension accessLink = Fixtures.extension();

  private FakeAccessLink fake;
  private FakeUser user;
  private String token;
  private ExerciseIds run;
  private String exercise;

  @BeforeEach
  void setUp() {
    fake = accessLink.fake();
    user = fake.addUser();
    token = user.issueToken().reveal();
    run = user.addExercise(ExerciseSpec.of(ExerciseSpec.Sport.RUNNING));
    exercise = fake.baseUrl() + "v3/exercises/" + run.hashedId();
  }

  @Test
  void aStatusFaultAnswersTheStatusThenTheRealThing() {
    fake.inject(Route.GET_EXERCISE, Fault.status(503), 2);
    Http.Result first = Http.get(exercise, token);
    assertThat(first.code()).isEqualTo(503);
    assertThat(first.json().getAsJsonObject().get("errorType").getAsString())
        .isEqualTo("SERVICE_UNAVAILABLE");
    assertThat(first.json().getAsJsonObject().get("corrId").getAsString()).hasSize(36);
    assertThat(Http.get(exercise, token).code()).isEqualTo(503);
    assertThat(Http.get(exercise, token).code()).isEqualTo(200);

    fake.inject("/v3/users/\\d+/exercise-transactions", Fault.status(500));
    String create = fake.baseUrl() + "v3/users/" + user.polarUserId() + "/exercise-transactions";
    assertThat(Http.postEmpty(create, token).code()).isEqualTo(500);
    assertThat(Http.postEmpty(create, token).code()).isEqualTo(201); // the failure changed nothing
    assertThat(fake.requests(Route.CREATE_EXERCISE_TRANSACTION)).hasSize(2);
  }

  @Test
  void anInjected429SaysWhichWindowIsSpent() {
    fake.inject(Route.GET_EXERCISE, Fault.status(429));
    Http.Result limited = Http.get(exercise, token);
    assertThat(limited.code()).isEqualTo(429);
    assertThat(limited.header("RateLimit-Usage")).isEqualTo("500, 37");
    assertThat(limited.header("RateLimit-Limit")).isEqualTo("500, 5000");
    assertThat(limited.header("RateLimit-Reset")).isEqualTo("900, 86000");
  }

  @Test
  void htmlErrorPagesLookLikeAProxy() {
    fake.inject(Route.LIST_EXERCISES, Fault.htmlError(502));
    Http.Result r = Http.get(fake.baseUrl() + "v3/exercises", token);
    assertThat(r.code()).isEqualTo(502);
    assertThat(r.header("Content-Type")).startsWith("text/html");
    assertThat(r.text()).contains("<title>502 Bad Gateway</title>");
  }

  @Test
  void aDelayTriggersAReadTimeout() {
    OkHttpClient impatient =
        Http.CLIENT.newBuilder().readTimeout(Duration.ofMillis(150)).build();
    fake.inject(Route.GET_EXERCISE, Fault.delay(Duration.ofMillis(600)));
    assertThatThrownBy(() ->
            impatient.newCall(Http.bearer(exercise, token).build()).execute().close())
        .isInstanceOf(InterruptedIOException.class);
    assertThat(Http.get(exercise, token).code()).isEqualTo(200);
  }

  @Test
  void dropBeforeResponseLeavesTheStateUntouched() {
    String create = fake.baseUrl() + "v3/users/" + user.polarUserId() + "/exercise-transactions";
    String tx = create + "/"
        + Http.postEmpty(create, token)
            .json()
            .getAsJsonObject()
            .get("transaction-id")
            .getAsLong();
    fake.inject(Route.COMMIT_EXERCISE_TRANSACTION, Fault.drop());
    assertThatThrownBy(() -> Http.put(tx, token)).isInstanceOf(UncheckedIOException.class);
    assertThat(Http.put(tx, token).code()).isEqualTo(200); // not committed by the dropped request
  }

  @Test
  void dropMidBodyBreaksADownloadAfterTheHeaders() throws IOException {
    fake.inject("/v3/exercises/.*/fit", Fault.drop(DropPoint.MID_BODY));
    try (Response response =
        Http.CLIENT.newCall(Http.bearer(exercise + "/fit", token).build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
      long declared = Long.parseLong(response.header("Content-Length"));
      assertThat(declared).isGreaterThan(10_000);
      assertThatThrownBy(() -> response.body().bytes()).isInstanceOf(IOException.class);
    }
    assertThat(Http.get(exercise + "/fit", token).body()).hasSizeGreaterThan(10_000);
  }

  @Test
  void truncateCutsTheBodyInHalf() {
    int full = Http.get(exercise + "/tcx", token).body().length;
    fake.inject(Route.GET_EXERCISE_TCX, Fault.truncate());
    Http.Result cut = Http.get(exercise + "/tcx", token);
    assertThat(cut.code()).isEqualTo(200);
    assertThat(cut.body()).hasSize(full / 2);
    assertThat(cut.text()).doesNotEndWith("</TrainingCenterDatabase>\n");
  }

  @Test
  void truncateOnEveryFileRouteIsACompleteMessageCarryingACutFile() {
    String tx = fake.baseUrl() + "v3/users/" + user.polarUserId() + "/exercise-transactions";
    long tid =
        Http.postEmpty(tx, token).json().getAsJsonObject().get("transaction-id").getAsLong();
    String item = tx + "/" + tid + "/exercises/" + run.transactionalId();
    for (String file : new String[] {
      exercise + "/fit", exercise + "/gpx", item + "/fit", item + "/tcx", item + "/gpx"
    }) {
      byte[] whole = Http.get(file, token).body();
      fake.inject(".*/(fit|tcx|gpx)", Fault.truncate());
      Http.Result cut = Http.get(file, token); // no I/O error: the transfer is complete
      assertThat(cut.code()).as(file).isEqualTo(200);
      assertThat(cut.header("Content-Length"))
          .as(file)
          .isEqualTo(Integer.toString(whole.length / 2));
      assertThat(cut.body()).as(file).isEqualTo(Arrays.copyOf(whole, whole.length / 2));
    }
  }

  @Test
  void corruptFlipsTheMiddleByteSoOnlyTheFitCrcNoticesIt() {
    byte[] whole = Http.get(exercise + "/fit", token).body();
    fake.inject(Route.GET_EXERCISE_FIT, Fault.corrupt());
    Http.Result corrupted = Http.get(exercise + "/fit", token);

    assertThat(corrupted.code()).isEqualTo(200);
    assertThat(corrupted.header("Content-Length")).isEqualTo(Integer.toString(whole.length));
    byte[] bytes = corrupted.body().clone();
    assertThat(bytes).hasSameSizeAs(whole);
    // The FIT protocol's CRC-16 over the whole file, trailing CRC included, is 0 for an intact
    // file.
    assertThat(fitCrc(whole)).isZero();
    assertThat(fitCrc(bytes)).isNotZero();
    assertThat(new Decode().checkFileIntegrity(new ByteArrayInputStream(bytes))).isFalse();
    int middle = whole.length / 2;
    assertThat(bytes[middle]).isEqualTo((byte) ~whole[middle]);
    bytes[middle] = whole[middle];
    assertThat(bytes).isEqualTo(whole); // that byte and no other
    assertThat(Http.get(exercise + "/fit", token).body()).isEqualTo(whole); // once
  }

  private static int fitCrc(byte[] file) {
    int crc = 0;
    for (byte b : file) {
      crc = CRC.get16(crc, b);
    }
    return crc;
  }

  @Test
  void malformedJsonSendsJsonThatNoParserAccepts() {
    fake.inject(Route.LIST_EXERCISES, Fault.malformedJson());
    Http.Result r = Http.get(fake.baseUrl() + "v3/exercises", token);
    assertThat(r.code()).isEqualTo(200);
    assertThat(r.header("Content-Type")).startsWith("application/json");
    assertThatThrownBy(() -> JsonParser.parseString(r.text()))
        .isInstanceOf(JsonSyntaxException.class);
    assertThat(Http.get(fake.baseUrl() + "v3/exercises", token).json().getAsJsonArray())
        .hasSize(1);
  }

  @Test
  void aRequestTakesTheFirstMatchingFaultAndClearFaultsForgetsTheRest() {
    fake.inject(Route.GET_EXERCISE, Fault.status(500));
    fake.inject("/v3/exercises/.*", Fault.status(502), 3);
    assertThat(Http.get(exercise, token).code()).isEqualTo(500);
    assertThat(Http.get(exercise, token).code()).isEqualTo(502);
    fake.clearFaults();
    assertThat(Http.get(exercise, token).code()).isEqualTo(200);
  }

  @Test
  void recordedRequestsAreImmutableAndRedacted() {
    Http.post(fake.baseUrl() + "v3/users", token, "{\"member-id\":\"x\"}");
    ReceivedRequest r = fake.lastRequest().orElseThrow();
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/v3/users");
    assertThat(r.route()).contains(Route.REGISTER_USER);
    assertThat(r.header("authorization")).contains("Bearer " + token);
    assertThat(r.bodyUtf8()).isEqualTo("{\"member-id\":\"x\"}");
    assertThat(r.toString()).doesNotContain(token).contains("██");
    assertThatThrownBy(() -> r.headers().put("x", java.util.List.of()))
        .isInstanceOf(UnsupportedOperationException.class);
    Http.get(fake.baseUrl() + "v3/users/activities?from=2025-08-01&to=2025-08-02", token);
    assertThat(fake.lastRequest().orElseThrow().queryParameter("from")).contains("2025-08-01");
    fake.clearRequests();
    assertThat(fake.requests()).isEmpty();
  }
}

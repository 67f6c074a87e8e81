package dev.accesslink4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import dev.accesslink4j.testkit.FakeAccessLink.DropPoint;
import dev.accesslink4j.testkit.FakeAccessLink.Route;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultsTest {
  @RegisterExtension
  final FakeAccessLinkExtension accessLink = Fixtures.extension();

  private FakeAccessLink fake;
  private FakeUser user;
  private String token;
  private String exercise;

  @BeforeEach
  void setUp() {
    fake = accessLink.fake();
    user = fake.addUser();
    token = user.issueToken();
    exercise = fake.baseUrl() + "v3/exercises/" + user.addExercise(ExerciseSpec.of(ExerciseSpec.Sport.RUNNING))
        .hashedId();
  }

  @Test
  void failNextAnswersTheStatusThenTheRealThing() {
    fake.failNext(Route.GET_EXERCISE, 503, 2);
    Http.Result first = Http.get(exercise, token);
    assertThat(first.code()).isEqualTo(503);
    assertThat(first.json().getAsJsonObject().get("errorType").getAsString()).isEqualTo("SERVICE_UNAVAILABLE");
    assertThat(first.json().getAsJsonObject().get("corrId").getAsString()).hasSize(36);
    assertThat(Http.get(exercise, token).code()).isEqualTo(503);
    assertThat(Http.get(exercise, token).code()).isEqualTo(200);

    fake.failNext("/v3/users/\\d+/exercise-transactions", 500);
    String create = fake.baseUrl() + "v3/users/" + user.polarUserId() + "/exercise-transactions";
    assertThat(Http.postEmpty(create, token).code()).isEqualTo(500);
    assertThat(Http.postEmpty(create, token).code()).isEqualTo(201); // the failure changed nothing
    assertThat(fake.requests(Route.CREATE_EXERCISE_TRANSACTION)).hasSize(2);
  }

  @Test
  void anInjected429SaysWhichWindowIsSpent() {
    fake.failNext(Route.GET_EXERCISE, 429);
    Http.Result limited = Http.get(exercise, token);
    assertThat(limited.code()).isEqualTo(429);
    assertThat(limited.header("RateLimit-Usage")).isEqualTo("500, 37");
    assertThat(limited.header("RateLimit-Limit")).isEqualTo("500, 5000");
    assertThat(limited.header("RateLimit-Reset")).isEqualTo("900, 86000");
  }

  @Test
  void htmlErrorPagesLookLikeAProxy() {
    fake.htmlErrorNext(Route.LIST_EXERCISES, 502);
    Http.Result r = Http.get(fake.baseUrl() + "v3/exercises", token);
    assertThat(r.code()).isEqualTo(502);
    assertThat(r.header("Content-Type")).startsWith("text/html");
    assertThat(r.text()).contains("<title>502 Bad Gateway</title>");
  }

  @Test
  void delayNextTriggersAReadTimeout() {
    OkHttpClient impatient = Http.CLIENT.newBuilder().readTimeout(Duration.ofMillis(150)).build();
    fake.delayNext(Route.GET_EXERCISE, Duration.ofMillis(600));
    assertThatThrownBy(() -> impatient.newCall(Http.bearer(exercise, token).build()).execute().close())
        .isInstanceOf(InterruptedIOException.class);
    assertThat(Http.get(exercise, token).code()).isEqualTo(200);
  }

  @Test
  void dropBeforeResponseLeavesTheStateUntouched() {
    String create = fake.baseUrl() + "v3/users/" + user.polarUserId() + "/exercise-transactions";
    String tx = create + "/" + Http.postEmpty(create, token).json().getAsJsonObject().get("transaction-id")
        .getAsLong();
    fake.dropConnectionNext(Route.COMMIT_EXERCISE_TRANSACTION);
    assertThatThrownBy(() -> Http.put(tx, token)).isInstanceOf(UncheckedIOException.class);
    assertThat(Http.put(tx, token).code()).isEqualTo(200); // not committed by the dropped request
  }

  @Test
  void dropMidBodyBreaksADownloadAfterTheHeaders() throws IOException {
    fake.dropConnectionNext("/v3/exercises/.*/fit", DropPoint.MID_BODY);
    try (Response response = Http.CLIENT.newCall(Http.bearer(exercise + "/fit", token).build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
      long declared = Long.parseLong(response.header("Content-Length"));
      assertThat(declared).isGreaterThan(10_000);
      assertThatThrownBy(() -> response.body().bytes()).isInstanceOf(IOException.class);
    }
    assertThat(Http.get(exercise + "/fit", token).body()).hasSizeGreaterThan(10_000);
  }

  @Test
  void truncateNextCutsTheBodyInHalf() {
    int full = Http.get(exercise + "/tcx", token).body().length;
    fake.truncateNext(Route.GET_EXERCISE_TCX);
    Http.Result cut = Http.get(exercise + "/tcx", token);
    assertThat(cut.code()).isEqualTo(200);
    assertThat(cut.body()).hasSize(full / 2);
    assertThat(cut.text()).doesNotEndWith("</TrainingCenterDatabase>\n");
  }

  @Test
  void malformedJsonNextSendsJsonThatNoParserAccepts() {
    fake.malformedJsonNext(Route.LIST_EXERCISES);
    Http.Result r = Http.get(fake.baseUrl() + "v3/exercises", token);
    assertThat(r.code()).isEqualTo(200);
    assertThat(r.header("Content-Type")).startsWith("application/json");
    assertThatThrownBy(() -> JsonParser.parseString(r.text())).isInstanceOf(JsonSyntaxException.class);
    assertThat(Http.get(fake.baseUrl() + "v3/exercises", token).json().getAsJsonArray()).hasSize(1);
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
    assertThatThrownBy(() -> r.headers().put("x", java.util.List.of())).isInstanceOf(
        UnsupportedOperationException.class);
    Http.get(fake.baseUrl() + "v3/users/activities?from=2025-08-01&to=2025-08-02", token);
    assertThat(fake.lastRequest().orElseThrow().queryParameter("from")).contains("2025-08-01");
    fake.clearRequests();
    assertThat(fake.requests()).isEmpty();
  }
}

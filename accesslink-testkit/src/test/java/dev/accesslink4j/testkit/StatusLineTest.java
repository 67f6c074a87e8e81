package dev.accesslink4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.Request;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Status lines carry the standard reason phrases, as a real server sends them (MockWebServer's own {@code code()}
 * would say {@code 201 OK} and {@code 404 Client Error}).
 */
class StatusLineTest {
  @RegisterExtension
  final FakeAccessLinkExtension accessLink = Fixtures.extension();

  private FakeAccessLink fake;
  private FakeUser user;
  private String token;
  private String transactions;

  @BeforeEach
  void setUp() {
    fake = accessLink.fake();
    user = fake.addUser();
    token = user.issueToken().reveal();
    transactions = fake.baseUrl() + "v3/users/" + user.polarUserId() + "/exercise-transactions";
  }

  @Test
  void successesSayOkCreatedAndNoContent() {
    Http.Result none = Http.postEmpty(transactions, token);
    assertThat(none.code()).isEqualTo(204);
    assertThat(none.message()).isEqualTo("No Content");
    user.addExercise();
    Http.Result created = Http.postEmpty(transactions, token);
    assertThat(created.code()).isEqualTo(201);
    assertThat(created.message()).isEqualTo("Created");
    Http.Result ok = Http.get(fake.baseUrl() + "v3/exercises", token);
    assertThat(ok.message()).isEqualTo("OK");
    Http.Result redirect = Http.send(new Request.Builder()
        .url(fake.authorizationUrl() + "?response_type=code&client_id=" + fake.clientId())
        .build());
    assertThat(redirect.code()).isEqualTo(302);
    assertThat(redirect.message()).isEqualTo("Found");
  }

  @Test
  void errorsSayWhatTheirStatusMeans() {
    Http.Result notFound = Http.get(fake.baseUrl() + "v3/exercises/nope", token);
    assertThat(notFound.code()).isEqualTo(404);
    assertThat(notFound.message()).isEqualTo("Not Found");
    assertThat(Http.get(fake.baseUrl() + "v3/exercises", "wrong").message())
        .isEqualTo("Unauthorized");

    fake.rateLimit(1, 100);
    assertThat(Http.get(fake.baseUrl() + "v3/exercises", token).code()).isEqualTo(200);
    Http.Result limited = Http.get(fake.baseUrl() + "v3/exercises", token);
    assertThat(limited.code()).isEqualTo(429);
    assertThat(limited.message()).isEqualTo("Too Many Requests");
  }

  @Test
  void injectedStatusesGetTheirPhrasesToo() {
    fake.inject(Route.LIST_EXERCISES, Fault.status(503));
    fake.inject(Route.LIST_EXERCISES, Fault.htmlError(502));
    fake.inject(Route.LIST_EXERCISES, Fault.status(599));
    assertThat(Http.get(fake.baseUrl() + "v3/exercises", token).message())
        .isEqualTo("Service Unavailable");
    assertThat(Http.get(fake.baseUrl() + "v3/exercises", token).message()).isEqualTo("Bad Gateway");
    Http.Result unregistered = Http.get(fake.baseUrl() + "v3/exercises", token);
    assertThat(unregistered.code()).isEqualTo(599);
    assertThat(unregistered.message()).isEmpty();
  }
}

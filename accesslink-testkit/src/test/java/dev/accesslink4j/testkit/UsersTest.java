package dev.accesslink4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UsersTest {
  @RegisterExtension
  final FakeAccessLinkExtension accessLink = Fixtures.extension();

  @Test
  void registersOnceThenAnswers409() {
    FakeAccessLink fake = accessLink.fake();
    FakeUser user = fake.addUnregisteredUser();
    String token = fake.issueToken(user).reveal();
    String url = fake.baseUrl() + "v3/users/" + user.polarUserId();
    assertThat(Http.get(url, token).code()).isEqualTo(204);

    Http.Result r = Http.post(fake.baseUrl() + "v3/users", token, "{\"member-id\":\"partner-7\"}");
    assertThat(r.code()).isEqualTo(200);
    JsonObject json = r.json().getAsJsonObject();
    assertThat(json.keySet())
        .containsExactly(
            "polar-user-id",
            "member-id",
            "registration-date",
            "first-name",
            "last-name",
            "birthdate",
            "gender",
            "weight",
            "height",
            "extra-info");
    assertThat(json.get("member-id").getAsString()).isEqualTo("partner-7");
    assertThat(json.get("registration-date").getAsString()).isEqualTo("2025-08-14T09:00:00.000Z");
    assertThat(json.get("extra-info").isJsonNull()).isTrue();
    assertThat(user.registered()).isTrue();

    Http.Result again =
        Http.post(fake.baseUrl() + "v3/users", token, "{\"member-id\":\"partner-7\"}");
    assertThat(again.code()).isEqualTo(409);
    assertThat(again.json().getAsJsonObject().get("errorType").getAsString()).isEqualTo("CONFLICT");
    assertThat(
            Http.get(url, token).json().getAsJsonObject().get("polar-user-id").getAsLong())
        .isEqualTo(user.polarUserId());
  }

  @Test
  void aTakenMemberIdIsAConflictAndXmlBodiesWork() {
    FakeAccessLink fake = accessLink.fake();
    fake.addUser("taken");
    FakeUser user = fake.addUnregisteredUser();
    String token = user.issueToken().reveal();
    assertThat(Http.post(fake.baseUrl() + "v3/users", token, "{\"member-id\":\"taken\"}")
            .code())
        .isEqualTo(409);
    Http.Result xml = Http.send(Http.bearer(fake.baseUrl() + "v3/users", token)
        .post(RequestBody.create(
            "<register><member-id>free</member-id></register>", MediaType.get("application/xml")))
        .build());
    assertThat(xml.code()).isEqualTo(200);
    assertThat(user.memberId()).contains("free");
  }

  @Test
  void deleteDeregistersAndRevokesTheToken() {
    FakeAccessLink fake = accessLink.fake();
    FakeUser user = fake.addUser();
    String token = user.issueToken().reveal();
    String url = fake.baseUrl() + "v3/users/" + user.polarUserId();
    assertThat(Http.get(url, token).code()).isEqualTo(200);
    assertThat(Http.delete(url, token).code()).isEqualTo(204);
    assertThat(user.registered()).isFalse();
    Http.Result after = Http.get(url, token);
    assertThat(after.code()).isEqualTo(401);
    assertThat(after.json().getAsJsonObject().get("errorType").getAsString())
        .isEqualTo("UNAUTHORIZED");
    assertThat(after.header("WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void unknownTokensAre401AndWithheldConsentsAre403() {
    FakeAccessLink fake = accessLink.fake();
    FakeUser user = fake.addUser();
    user.seedDays(2);
    String token = user.issueToken().reveal();
    assertThat(Http.get(fake.baseUrl() + "v3/exercises", "not-a-token").code()).isEqualTo(401);
    assertThat(Http.get(fake.baseUrl() + "v3/exercises", token).code()).isEqualTo(200);

    user.withholdConsent();
    Http.Result forbidden = Http.get(fake.baseUrl() + "v3/users/sleep", token);
    assertThat(forbidden.code()).isEqualTo(403);
    JsonObject error = forbidden.json().getAsJsonObject();
    assertThat(error.keySet())
        .containsExactly("timestamp", "status", "errorType", "message", "corrId");
    assertThat(Http.postEmpty(
                fake.baseUrl() + "v3/users/" + user.polarUserId() + "/exercise-transactions", token)
            .code())
        .isEqualTo(403);

    user.grantConsent();
    assertThat(Http.get(fake.baseUrl() + "v3/users/sleep", token).code()).isEqualTo(200);
  }

  @Test
  void anUnregisteredUserSimplyHasNoData() {
    FakeAccessLink fake = accessLink.fake();
    FakeUser user = fake.addUnregisteredUser();
    user.seedDays(3);
    String token = user.issueToken().reveal();
    assertThat(Http.get(fake.baseUrl() + "v3/exercises", token).text()).isEqualTo("[]");
    assertThat(Http.get(fake.baseUrl() + "v3/users/sleep", token).text())
        .isEqualTo("{\"nights\":[]}");
    assertThat(Http.postEmpty(
                fake.baseUrl() + "v3/users/" + user.polarUserId() + "/activity-transactions", token)
            .code())
        .isEqualTo(204);
    user.register("late");
    assertThat(Http.get(fake.baseUrl() + "v3/users/sleep", token)
            .json()
            .getAsJsonObject()
            .getAsJsonArray("nights"))
        .hasSize(3);
  }

  @Test
  void anotherUsersIdInThePathIsNotFound() {
    FakeAccessLink fake = accessLink.fake();
    FakeUser a = fake.addUser();
    FakeUser b = fake.addUser();
    assertThat(Http.get(
                fake.baseUrl() + "v3/users/" + b.polarUserId(), a.issueToken().reveal())
            .code())
        .isEqualTo(404);
  }
}

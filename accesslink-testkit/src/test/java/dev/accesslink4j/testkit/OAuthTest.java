package dev.accesslink4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.accesslink4j.AccessToken;
import java.time.Duration;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OAuthTest {
  @RegisterExtension
  final FakeAccessLinkExtension accessLink = Fixtures.extension();

  private static final String REDIRECT = FakeAccessLinkOptions.DEFAULT_REDIRECT_URI;

  private static HttpUrl.Builder authorize(FakeAccessLink fake) {
    return HttpUrl.get(fake.authorizationUrl())
        .newBuilder()
        .addQueryParameter("response_type", "code")
        .addQueryParameter("client_id", fake.clientId());
  }

  private static HttpUrl redirect(HttpUrl url) {
    Http.Result r = Http.send(new Request.Builder().url(url).build());
    assertThat(r.code()).isEqualTo(302);
    return HttpUrl.get(r.header("Location"));
  }

  @Test
  void redirectsWithCodeAndStateThenExchangesTheCodeForATokenOfTheDemoUser() {
    FakeAccessLink fake = accessLink.fake();
    HttpUrl location = redirect(authorize(fake)
        .addQueryParameter("redirect_uri", REDIRECT)
        .addQueryParameter("scope", "accesslink.read_all")
        .addQueryParameter("state", "csrf-123")
        .build());

    assertThat(location.toString()).startsWith(REDIRECT + "?");
    assertThat(location.queryParameter("state")).isEqualTo("csrf-123");
    String code = location.queryParameter("code");
    assertThat(code).isNotBlank();

    Http.Result token = Http.token(fake, code, REDIRECT);
    assertThat(token.code()).isEqualTo(200);
    JsonObject json = token.json().getAsJsonObject();
    assertThat(json.get("token_type").getAsString()).isEqualTo("bearer");
    assertThat(json.get("expires_in").getAsLong()).isEqualTo(31535999L);
    assertThat(json.get("x_user_id").getAsLong())
        .isEqualTo(fake.demoUser().polarUserId())
        .isEqualTo(2278512L);
    assertThat(token.header("Cache-Control")).isEqualTo("no-store");

    String accessToken = json.get("access_token").getAsString();
    Http.Result registered =
        Http.post(fake.baseUrl() + "v3/users", accessToken, "{\"member-id\":\"m-1\"}");
    assertThat(registered.code()).isEqualTo(200);
    assertThat(registered.json().getAsJsonObject().get("polar-user-id").getAsLong())
        .isEqualTo(2278512L);
  }

  @Test
  void stateIsAbsentWhenNotSentAndTheDefaultRedirectUriIsUsed() {
    FakeAccessLink fake = accessLink.fake();
    HttpUrl location = redirect(authorize(fake).build());
    assertThat(location.toString()).startsWith(REDIRECT + "?code=");
    assertThat(location.queryParameterNames()).containsExactly("code");
    // no redirect_uri at authorize: none needed at the token endpoint
    assertThat(Http.token(fake, location.queryParameter("code"), null).code()).isEqualTo(200);
  }

  @Test
  void nextAuthorizationForApprovesAnotherAccount() {
    FakeAccessLink fake = accessLink.fake();
    FakeUser other = fake.addUnregisteredUser();
    fake.nextAuthorizationFor(other);
    String code = redirect(authorize(fake).build()).queryParameter("code");
    assertThat(Http.token(fake, code, null)
            .json()
            .getAsJsonObject()
            .get("x_user_id")
            .getAsLong())
        .isEqualTo(other.polarUserId());
    // once only: then the demo account again
    String next = redirect(authorize(fake).build()).queryParameter("code");
    assertThat(Http.token(fake, next, null)
            .json()
            .getAsJsonObject()
            .get("x_user_id")
            .getAsLong())
        .isEqualTo(2278512L);
  }

  @Test
  void anUnregisteredRedirectUriAnswers400WithoutRedirecting() {
    FakeAccessLink fake = accessLink.fake();
    Http.Result r = Http.send(new Request.Builder()
        .url(authorize(fake)
            .addQueryParameter("redirect_uri", "https://evil.example/cb")
            .build())
        .build());
    assertThat(r.code()).isEqualTo(400);
    assertThat(r.header("Location")).isNull();
  }

  @Test
  void protocolErrorsComeBackOnTheRedirect() {
    FakeAccessLink fake = accessLink.fake();
    HttpUrl wrongType = redirect(HttpUrl.get(fake.authorizationUrl())
        .newBuilder()
        .addQueryParameter("response_type", "token")
        .addQueryParameter("client_id", fake.clientId())
        .addQueryParameter("state", "s")
        .build());
    assertThat(wrongType.queryParameter("error")).isEqualTo("unsupported_response_type");
    assertThat(wrongType.queryParameter("state")).isEqualTo("s");

    fake.denyNextAuthorization();
    assertThat(redirect(authorize(fake).build()).queryParameter("error"))
        .isEqualTo("access_denied");
  }

  @Test
  void theTokenEndpointNeedsBasicClientAuthentication() {
    FakeAccessLink fake = accessLink.fake();
    String code = redirect(authorize(fake).build()).queryParameter("code");
    Http.Result r = Http.send(new Request.Builder()
        .url(fake.tokenUrl())
        .post(new FormBody.Builder()
            .add("grant_type", "authorization_code")
            .add("code", code)
            .build())
        .build());
    assertThat(r.code())
        .isEqualTo(401); // the spec: wrong client credentials are 401 invalid_client (RFC 6749 5.2)
    assertThat(r.header("WWW-Authenticate")).startsWith("Basic");
    assertThat(r.text()).isEqualTo("{\"error\":\"invalid_client\"}");
    // the failed attempt did not use the code up
    assertThat(Http.token(fake, code, null).code()).isEqualTo(200);
  }

  @Test
  void reusingACodeFailsAndRevokesEveryTokenIssuedForIt() {
    FakeAccessLink fake = accessLink.fake();
    FakeUser user = fake.addUnregisteredUser();
    fake.nextAuthorizationFor(user);
    String code = redirect(
            authorize(fake).addQueryParameter("redirect_uri", REDIRECT).build())
        .queryParameter("code");
    String token = Http.token(fake, code, REDIRECT)
        .json()
        .getAsJsonObject()
        .get("access_token")
        .getAsString();
    String userUrl = fake.baseUrl() + "v3/users/" + user.polarUserId();
    assertThat(Http.get(userUrl, token).code()).isEqualTo(204); // valid token, not registered yet

    Http.Result reuse = Http.token(fake, code, REDIRECT);
    assertThat(reuse.code()).isEqualTo(400);
    assertThat(reuse.text()).isEqualTo("{\"error\":\"invalid_grant\"}");
    assertThat(Http.get(userUrl, token).code()).isEqualTo(401);
  }

  @Test
  void codesExpireAfterTenMinutes() {
    FakeAccessLink fake = accessLink.fake();
    String fresh = redirect(authorize(fake).build()).queryParameter("code");
    String stale = redirect(authorize(fake).build()).queryParameter("code");
    fake.advanceTime(Duration.ofMinutes(9).plusSeconds(59));
    assertThat(Http.token(fake, fresh, null).code()).isEqualTo(200);
    fake.advanceTime(Duration.ofSeconds(1));
    Http.Result expired = Http.token(fake, stale, null);
    assertThat(expired.code()).isEqualTo(400);
    assertThat(expired.json().getAsJsonObject().get("error").getAsString())
        .isEqualTo("invalid_grant");
  }

  @Test
  void theRedirectUriMustMatchTheOneSentToAuthorize() {
    FakeAccessLink fake = FakeAccessLink.start(
        Fixtures.options().redirectUris(REDIRECT, "http://localhost:9090/other").build());
    try (fake) {
      String code = redirect(
              authorize(fake).addQueryParameter("redirect_uri", REDIRECT).build())
          .queryParameter("code");
      assertThat(
              Http.token(fake, code, null).json().getAsJsonObject().get("error").getAsString())
          .isEqualTo("invalid_request");
      assertThat(Http.token(fake, code, "http://localhost:9090/other")
              .json()
              .getAsJsonObject()
              .get("error")
              .getAsString())
          .isEqualTo("invalid_grant");
      assertThat(Http.token(fake, code, REDIRECT).code()).isEqualTo(200);

      HttpUrl second = redirect(authorize(fake)
          .addQueryParameter("redirect_uri", "http://localhost:9090/other")
          .build());
      assertThat(second.toString()).startsWith("http://localhost:9090/other?code=");
    }
  }

  @Test
  void wrongGrantTypeIsUnsupported() {
    FakeAccessLink fake = accessLink.fake();
    Http.Result r = Http.send(Http.basic(fake, fake.tokenUrl())
        .post(new FormBody.Builder()
            .add("grant_type", "refresh_token")
            .add("refresh_token", "x")
            .build())
        .build());
    assertThat(r.code()).isEqualTo(400);
    assertThat(r.text()).isEqualTo("{\"error\":\"unsupported_grant_type\"}");
  }

  @Test
  void anIssuedTokenIsWhatTheTokenEndpointWouldHaveReturned() {
    FakeAccessLink fake = accessLink.fake();
    FakeUser user = fake.addUser();
    AccessToken token = fake.issueToken(user);
    assertThat(token.userId()).hasValue(user.polarUserId());
    assertThat(token.tokenType()).isEqualTo("bearer");
    assertThat(token.expiresIn()).contains(Duration.ofSeconds(31_535_999L));
    assertThat(token.issuedAt()).contains(fake.clock().instant());
    assertThat(token.toString()).doesNotContain(token.reveal());
    assertThat(Http.get(fake.baseUrl() + "v3/users/" + user.polarUserId(), token.reveal())
            .code())
        .isEqualTo(200);
    assertThat(user.issueToken().userId()).hasValue(user.polarUserId());
  }
}

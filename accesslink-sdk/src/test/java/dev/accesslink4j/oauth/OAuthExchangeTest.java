package dev.accesslink4j.oauth;

import static dev.accesslink4j.MockAccessLink.CLIENT_ID;
import static dev.accesslink4j.MockAccessLink.CLIENT_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.accesslink4j.AccessLink;
import dev.accesslink4j.AccessToken;
import dev.accesslink4j.MockAccessLink;
import dev.accesslink4j.RetryPolicy;
import dev.accesslink4j.errors.AccessLinkException;
import dev.accesslink4j.errors.AccessLinkIOException;
import dev.accesslink4j.errors.InvalidResponseException;
import dev.accesslink4j.errors.OAuthErrorCode;
import dev.accesslink4j.errors.OAuthException;
import dev.accesslink4j.errors.RateLimitException;
import dev.accesslink4j.errors.ServiceException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The code exchange: the form it posts with basic auth, the token it parses, every token-endpoint error as a typed
 * {@link dev.accesslink4j.errors.OAuthException}, and never a retry, whatever the policy.
 */
class OAuthExchangeTest extends OAuthTestSupport {
  @Test
  void exchangePostsTheFormWithBasicAuthAndParsesTheToken() {
    Instant now = Instant.parse("2025-03-01T10:15:30Z");
    try (AccessLink client = client(Clock.fixed(now, ZoneOffset.UTC), true)) {
      OAuthService oauth = client.oauth();
      AuthorizationRequest request = oauth.authorizationRequest();
      mock.enqueueFixture(200, "requestToken.json");

      AccessToken token =
          oauth.exchange(request, callback("code=" + CODE + "&state=" + request.state()));

      RecordedRequest sent = mock.takeRequest();
      assertThat(sent.getMethod()).isEqualTo("POST");
      assertThat(sent.getUrl().encodedPath()).isEqualTo("/v2/oauth2/token");
      assertThat(sent.getHeaders().get("Authorization"))
          .isEqualTo("Basic "
              + Base64.getEncoder()
                  .encodeToString(
                      (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)));
      assertThat(sent.getHeaders().get("Content-Type"))
          .startsWith("application/x-www-form-urlencoded");
      assertThat(sent.getHeaders().get("Accept")).contains("application/json");
      assertThat(form(sent))
          .containsExactlyInAnyOrderEntriesOf(Map.of(
              "grant_type",
              "authorization_code",
              "code",
              CODE,
              "redirect_uri",
              DEFAULT_REDIRECT.toString()));

      assertThat(token.reveal()).isEqualTo(ISSUED_TOKEN);
      assertThat(token.tokenType()).isEqualTo("bearer");
      assertThat(token.expiresIn()).contains(Duration.ofSeconds(31535999));
      assertThat(token.issuedAt()).contains(now);
      assertThat(token.userId()).hasValue(10579);
      assertNoSecrets(token.toString());
    }
  }

  @Test
  void redirectUriIsEchoedExactlyAsSentToTheAuthorizationStep() {
    URI redirect = URI.create("https://app.example.com/cb?next=%2Fhome&lang=fi");
    AuthorizationRequest stored = oauth().authorizationRequest(redirect);
    AuthorizationRequest request =
        AuthorizationRequest.fromUrl(URI.create(stored.url().toString()));
    mock.enqueueFixture(200, "requestToken.json");

    oauth().exchange(request, callback("code=" + CODE + "&state=" + request.state()));

    assertThat(form(mock.takeRequest()))
        .containsEntry("redirect_uri", "https://app.example.com/cb?next=%2Fhome&lang=fi");
  }

  @Test
  void redirectUriIsOmittedFromTheExchangeWhenItWasNotSent() {
    mock.enqueueFixture(200, "requestToken.json").enqueueFixture(200, "requestToken.json");
    try (AccessLink client = client(Clock.systemUTC(), false)) {
      OAuthService oauth = client.oauth();
      AuthorizationRequest request = oauth.authorizationRequest();

      oauth.exchange(request, callback("code=" + CODE + "&state=" + request.state()));
      oauth.exchange(CODE, null);
    }

    assertThat(form(mock.takeRequest())).containsOnlyKeys("grant_type", "code");
    assertThat(form(mock.takeRequest())).containsOnlyKeys("grant_type", "code");
  }

  @Test
  void exchangeByCodeSendsTheGivenRedirectUri() {
    mock.enqueueFixture(200, "requestToken.json");

    oauth().exchange(CODE, URI.create("https://app.example.com/other"));

    assertThat(form(mock.takeRequest()))
        .containsEntry("redirect_uri", "https://app.example.com/other");
  }

  static Stream<Arguments> tokenErrors() {
    return Stream.of(
        Arguments.of(
            400, "invalid_request", OAuthErrorCode.INVALID_REQUEST, "redirect_uri exactly when"),
        Arguments.of(
            400, "invalid_client", OAuthErrorCode.INVALID_CLIENT, "check the client id and secret"),
        Arguments.of(
            401, "invalid_client", OAuthErrorCode.INVALID_CLIENT, "check the client id and secret"),
        Arguments.of(
            400,
            "invalid_grant",
            OAuthErrorCode.INVALID_GRANT,
            "the code was already used or expired (codes live 10 minutes), or the redirect_uri differs from the"
                + " one sent to the authorization step"),
        Arguments.of(
            400,
            "unauthorized_client",
            OAuthErrorCode.UNAUTHORIZED_CLIENT,
            "authorization-code flow"),
        Arguments.of(
            400,
            "unsupported_grant_type",
            OAuthErrorCode.UNSUPPORTED_GRANT_TYPE,
            "no refresh tokens"),
        Arguments.of(400, "invalid_scope", OAuthErrorCode.INVALID_SCOPE, "accesslink.read_all"),
        Arguments.of(400, "brand_new_error", OAuthErrorCode.UNKNOWN, "does not know"));
  }

  @ParameterizedTest
  @MethodSource("tokenErrors")
  void everyTokenErrorBecomesAnOAuthExceptionWithCodeAndHint(
      int status, String raw, OAuthErrorCode expected, String hint) {
    mock.enqueueJson(status, "{\"error\": \"" + raw + "\"}");

    OAuthException e =
        catchThrowableOfType(OAuthException.class, () -> oauth().exchange(CODE, DEFAULT_REDIRECT));

    assertThat(e.code()).isEqualTo(expected);
    assertThat(e.rawCode()).isEqualTo(raw);
    assertThat(e.status()).hasValue(status);
    assertThat(e.isCallbackError()).isFalse();
    assertThat(e.hint()).containsIgnoringCase(hint);
    assertThat(e).isInstanceOf(AccessLinkException.class);
    assertThat(e)
        .hasMessageStartingWith("Token exchange failed with HTTP " + status + " (" + raw + ")")
        .hasMessageContaining(e.hint());
    assertNoSecrets(e.getMessage());
    assertThat(mock.server().getRequestCount()).isEqualTo(1);
  }

  @Test
  void errorDescriptionEchoingTheCodeIsScrubbed() {
    mock.enqueueJson(
        400,
        "{\"error\": \"invalid_grant\", \"error_description\": \"Code " + CODE
            + " was already used\"}");

    OAuthException e =
        catchThrowableOfType(OAuthException.class, () -> oauth().exchange(CODE, null));

    assertThat(e.description()).contains("Code ██ was already used");
    assertNoSecrets(e.getMessage());
  }

  @Test
  void bare401IsReadAsInvalidClient() {
    mock.enqueueStatus(401);

    OAuthException e =
        catchThrowableOfType(OAuthException.class, () -> oauth().exchange(CODE, null));

    assertThat(e.code()).isEqualTo(OAuthErrorCode.INVALID_CLIENT);
    assertThat(e.rawCode()).isEmpty();
    assertThat(e).hasMessageStartingWith("Token exchange failed with HTTP 401 (invalid_client)");
  }

  @Test
  void successWithoutAccessTokenIsAnInvalidResponse() {
    mock.enqueueJson(200, "{\"token_type\": \"bearer\", \"x_user_id\": 1}");

    assertThatThrownBy(() -> oauth().exchange(CODE, null))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("no access_token");
  }

  @Nested
  class WithRetriesEnabled {
    @RegisterExtension
    final MockAccessLink retrying = MockAccessLink.withRetries(RetryPolicy.defaults());

    private OAuthService retryingOAuth() {
      return retrying.client().oauth();
    }

    @Test
    void serverErrorIsNotRetried() {
      retrying
          .enqueueJson(500, "{\"error\": \"server_error\"}")
          .enqueueFixture(200, "requestToken.json");

      ServiceException e =
          catchThrowableOfType(ServiceException.class, () -> retryingOAuth().exchange(CODE, null));

      assertThat(e.status()).isEqualTo(500);
      assertThat(e)
          .hasMessageContaining("never retried")
          .hasMessageNotContaining("try again later");
      assertNoSecrets(e.getMessage());
      assertThat(retrying.server().getRequestCount()).isEqualTo(1);
      assertThat(retrying.sleeps()).isEmpty();
    }

    @Test
    void droppedConnectionIsNotRetried() {
      retrying.enqueueFixture(200, "requestToken.json");
      retryingOAuth()
          .exchange("earlier-code", null); // leaves a pooled connection that the next call reuses
      retrying.takeRequest();
      retrying
          .enqueue(new MockResponse.Builder()
              .onResponseStart(new SocketEffect.CloseSocket())
              .build())
          .enqueueFixture(200, "requestToken.json")
          .enqueueFixture(200, "requestToken.json");

      AccessLinkIOException e = catchThrowableOfType(
          AccessLinkIOException.class, () -> retryingOAuth().exchange(CODE, DEFAULT_REDIRECT));

      assertThat(e).hasMessageContaining("never retried");
      assertNoSecrets(e.getMessage());
      assertThat(retrying.server().getRequestCount()).isEqualTo(2);
      assertThat(retrying.sleeps()).isEmpty();
    }

    @Test
    void shortRateLimitIsNotWaitedOutEither() {
      retrying
          .enqueue(MockAccessLink.shortWindowExhausted(2))
          .enqueueFixture(200, "requestToken.json");

      assertThatThrownBy(() -> retryingOAuth().exchange(CODE, null))
          .isInstanceOf(RateLimitException.class);
      assertThat(retrying.server().getRequestCount()).isEqualTo(1);
    }
  }
}

package dev.accesslink4j.oauth;

import dev.accesslink4j.AccessLink;
import dev.accesslink4j.AccessToken;
import dev.accesslink4j.ClientSecret;
import dev.accesslink4j.MockAccessLink;
import dev.accesslink4j.RetryPolicy;
import dev.accesslink4j.errors.AccessLinkException;
import dev.accesslink4j.errors.AccessLinkIOException;
import dev.accesslink4j.errors.InvalidResponseException;
import dev.accesslink4j.errors.OAuthCallbackException;
import dev.accesslink4j.errors.OAuthErrorCode;
import dev.accesslink4j.errors.OAuthException;
import dev.accesslink4j.errors.RateLimitException;
import dev.accesslink4j.errors.ServiceException;
import static dev.accesslink4j.MockAccessLink.CLIENT_ID;
import static dev.accesslink4j.MockAccessLink.CLIENT_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
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
import org.junit.jupiter.params.provider.ValueSource;

class OAuthServiceTest {
  private static final URI DEFAULT_REDIRECT = URI.create("https://app.example.com/oauth2_callback");
  private static final String CODE = "71682f9544255285736fb6d2d8acb6cf";
  private static final String ISSUED_TOKEN = "2YotnFZFEjr1zCsicMWpAA";

  @RegisterExtension final MockAccessLink mock = MockAccessLink.withoutRetries();

  private OAuthService oauth() {
    return mock.client().oauth();
  }

  private AccessLink client(Clock clock, boolean withRedirect) {
    AccessLink.Builder b =
        AccessLink.builder()
            .clientId(CLIENT_ID)
            .clientSecret(ClientSecret.of(CLIENT_SECRET))
            .apiUrl(mock.server().url("/").uri())
            .authorizationUrl(mock.server().url("/oauth2/authorization").uri())
            .tokenUrl(mock.server().url("/v2/oauth2/token").uri())
            .retryPolicy(RetryPolicy.disabled())
            .clock(clock);
    if (withRedirect) {
      b.redirectUri(DEFAULT_REDIRECT);
    }
    return b.build();
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      String previous =
          params.put(
              URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      assertThat(previous).as("repeated parameter in %s", uri).isNull();
    }
    return params;
  }

  private static Map<String, String> form(RecordedRequest request) {
    return query(URI.create("x:/?" + request.getBody().utf8()));
  }

  private static URI callback(String query) {
    return URI.create(DEFAULT_REDIRECT + "?" + query);
  }

  private static void assertNoSecrets(String text) {
    assertThat(text).doesNotContain(CODE, CLIENT_SECRET, ISSUED_TOKEN, MockAccessLink.TOKEN);
  }

  // ---- authorization URL

  @Test
  void authorizationUrlCarriesCodeResponseTypeClientIdDefaultRedirectAndState() {
    AuthorizationRequest request = oauth().authorizationRequest();

    URI url = request.url();
    assertThat(url.getScheme() + "://" + url.getAuthority() + url.getPath())
        .isEqualTo(mock.server().url("/oauth2/authorization").toString());
    Map<String, String> params = query(url);
    assertThat(params)
        .containsEntry("response_type", "code")
        .containsEntry("client_id", CLIENT_ID)
        .containsEntry("redirect_uri", DEFAULT_REDIRECT.toString())
        .containsEntry("state", request.state())
        .doesNotContainKey("scope");
    assertThat(request.redirectUri()).contains(DEFAULT_REDIRECT);
    assertThat(request.scope()).isEmpty();
  }

  @Test
  void stateIsFreshUrlSafeAndAtLeast128Bits() {
    String first = oauth().authorizationRequest().state();
    String second = oauth().authorizationRequest().state();

    assertThat(first).isNotEqualTo(second).matches("[A-Za-z0-9_-]+");
    assertThat(Base64.getUrlDecoder().decode(first).length * 8).isGreaterThanOrEqualTo(128);
  }

  @Test
  void explicitRedirectAndScopeAreSent() {
    URI redirect = URI.create("http://localhost:8765/polar/callback");

    AuthorizationRequest request = oauth().authorizationRequest(redirect, OAuthService.SCOPE_READ_ALL);

    assertThat(query(request.url()))
        .containsEntry("redirect_uri", "http://localhost:8765/polar/callback")
        .containsEntry("scope", "accesslink.read_all");
    assertThat(request.scope()).contains("accesslink.read_all");
  }

  @Test
  void redirectUriIsOmittedWhenNoneIsConfigured() {
    try (AccessLink client = client(Clock.systemUTC(), false)) {
      AuthorizationRequest request = client.oauth().authorizationRequest();

      assertThat(query(request.url())).doesNotContainKey("redirect_uri").containsKey("state");
      assertThat(request.redirectUri()).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/relative/callback", "ftp://app.example.com/cb", "https://app.example.com/cb#frag"})
  void malformedRedirectUrisAreRejectedUpFront(String redirect) {
    assertThatThrownBy(() -> oauth().authorizationRequest(URI.create(redirect)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("redirect URI");
  }

  @Test
  void requestSurvivesStorageAsItsUrl() {
    URI redirect = URI.create("https://app.example.com/cb?next=%2Fhome&lang=fi");
    AuthorizationRequest original = oauth().authorizationRequest(redirect, OAuthService.SCOPE_READ_ALL);

    AuthorizationRequest restored = AuthorizationRequest.fromUrl(URI.create(original.url().toString()));

    assertThat(restored).isEqualTo(original);
    assertThat(restored.state()).isEqualTo(original.state());
    assertThat(restored.redirectUri()).map(URI::toString).contains(redirect.toString());
    assertThat(restored.scope()).contains("accesslink.read_all");
    assertThatThrownBy(() -> AuthorizationRequest.fromUrl(URI.create("https://flow.polar.com/oauth2/authorization")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStringsShowNoStateCodeOrToken() {
    AuthorizationRequest request = oauth().authorizationRequest();
    AuthorizationCode code = oauth().verifyCallback(request, callback("code=" + CODE + "&state=" + request.state()));

    assertThat(request.toString()).doesNotContain(request.state());
    assertNoSecrets(code.toString());
    assertNoSecrets(oauth().toString());
  }

  // ---- callback

  @Test
  void callbackWithMatchingStateYieldsTheCodeBoundToTheRedirect() {
    AuthorizationRequest request = oauth().authorizationRequest();

    AuthorizationCode code = oauth().verifyCallback(request, callback("code=" + CODE + "&state=" + request.state()));

    assertThat(code.reveal()).isEqualTo(CODE);
    assertThat(code.redirectUri()).contains(DEFAULT_REDIRECT);
    AuthorizationCode fromMap = oauth().verifyCallback(request, Map.of("code", CODE, "state", request.state()));
    assertThat(fromMap).isEqualTo(code);
  }

  @Test
  void stateMismatchIsRejectedAndNothingIsExchanged() {
    AuthorizationRequest request = oauth().authorizationRequest();
    AuthorizationRequest other = oauth().authorizationRequest();
    URI forged = callback("code=" + CODE + "&state=" + other.state());

    OAuthCallbackException e =
        catchThrowableOfType(OAuthCallbackException.class, () -> oauth().exchange(request, forged));

    assertThat(e.reason()).isEqualTo(OAuthCallbackException.Reason.STATE_MISMATCH);
    assertThat(e).hasMessageContaining("does not match").hasMessageContaining("start a new authorization");
    assertNoSecrets(e.getMessage());
    assertThat(e.getMessage()).doesNotContain(request.state(), other.state());
    assertThat(mock.server().getRequestCount()).isZero();
  }

  @Test
  void missingStateIsRejected() {
    AuthorizationRequest request = oauth().authorizationRequest();

    assertThatThrownBy(() -> oauth().verifyCallback(request, callback("code=" + CODE)))
        .isInstanceOfSatisfying(
            OAuthCallbackException.class,
            e -> assertThat(e.reason()).isEqualTo(OAuthCallbackException.Reason.STATE_MISSING));
  }

  @Test
  void repeatedStateIsRejected() {
    AuthorizationRequest request = oauth().authorizationRequest();
    URI uri = callback("code=" + CODE + "&state=" + request.state() + "&state=evil");

    assertThatThrownBy(() -> oauth().verifyCallback(request, uri))
        .isInstanceOfSatisfying(
            OAuthCallbackException.class,
            e -> assertThat(e.reason()).isEqualTo(OAuthCallbackException.Reason.MALFORMED));
  }

  @Test
  void callbackWithoutCodeOrErrorIsRejected() {
    AuthorizationRequest request = oauth().authorizationRequest();

    assertThatThrownBy(() -> oauth().verifyCallback(request, callback("state=" + request.state())))
        .isInstanceOfSatisfying(
            OAuthCallbackException.class,
            e -> assertThat(e.reason()).isEqualTo(OAuthCallbackException.Reason.CODE_MISSING));
  }

  @Test
  void accessDeniedCallbackBecomesTypedOAuthException() {
    AuthorizationRequest request = oauth().authorizationRequest();
    URI uri = callback("error=access_denied&error_description=User+cancelled&state=" + request.state());

    OAuthException e = catchThrowableOfType(OAuthException.class, () -> oauth().exchange(request, uri));

    assertThat(e.code()).isEqualTo(OAuthErrorCode.ACCESS_DENIED);
    assertThat(e.rawCode()).isEqualTo("access_denied");
    assertThat(e.isCallbackError()).isTrue();
    assertThat(e.status()).isEmpty();
    assertThat(e.description()).contains("User cancelled");
    assertThat(e.hint()).contains("declined");
    assertThat(e).hasMessageStartingWith("Authorization failed (access_denied): User cancelled");
    assertThat(mock.server().getRequestCount()).isZero();
  }

  @Test
  void controlCharactersInACallbacksErrorDescriptionAreEscaped() {
    AuthorizationRequest request = oauth().authorizationRequest();
    URI uri = callback("error=access_denied%1B%5B2J&error_description=User%1B%5D0%3Bpwned%07+cancelled%0D%0Aforged"
        + "&state=" + request.state());

    OAuthException e = catchThrowableOfType(OAuthException.class, () -> oauth().exchange(request, uri));

    assertThat(e).hasMessageStartingWith(
        "Authorization failed (access_denied\\u001B[2J): User\\u001B]0;pwned\\u0007 cancelled\\u000D\\u000Aforged. ");
    assertThat(e.description()).contains("User\\u001B]0;pwned\\u0007 cancelled\\u000D\\u000Aforged");
    assertThat(e.rawCode()).isEqualTo("access_denied\\u001B[2J");
    assertThat(e.code()).isEqualTo(OAuthErrorCode.UNKNOWN);
  }

  @Test
  void controlCharactersInTheTokenEndpointsErrorDescriptionAreEscaped() {
    mock.enqueueJson(400, "{\"error\": \"invalid_grant\", \"error_description\": \"Expired\\u001b[8m\\u202e\"}");

    OAuthException e = catchThrowableOfType(OAuthException.class, () -> oauth().exchange(CODE, null));

    assertThat(e.code()).isEqualTo(OAuthErrorCode.INVALID_GRANT);
    assertThat(e.description()).contains("Expired\\u001B[8m\\u202E");
    assertThat(e).hasMessageStartingWith("Token exchange failed with HTTP 400 (invalid_grant): Expired\\u001B[8m\\u202E. ");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "invalid_request", "unauthorized_client", "access_denied", "unsupported_response_type", "invalid_scope",
        "server_error", "temporarily_unavailable"
      })
  void everyAuthorizationErrorCodeIsRecognised(String raw) {
    AuthorizationRequest request = oauth().authorizationRequest();

    OAuthException e =
        catchThrowableOfType(
            OAuthException.class,
            () -> oauth().verifyCallback(request, Map.of("error", raw, "state", request.state())));

    assertThat(e.code()).isNotEqualTo(OAuthErrorCode.UNKNOWN);
    assertThat(e.code().value()).isEqualTo(raw);
    assertThat(e.hint()).isNotBlank();
  }

  @Test
  void anErrorCallbackWithoutTheRightStateIsRejectedAsForgedNotReportedAsPolarsError() {
    AuthorizationRequest request = oauth().authorizationRequest();
    AuthorizationRequest other = oauth().authorizationRequest();

    assertThatThrownBy(() -> oauth().verifyCallback(request, callback("error=access_denied")))
        .isExactlyInstanceOf(OAuthCallbackException.class)
        .satisfies(e -> assertThat(((OAuthCallbackException) e).reason())
            .isEqualTo(OAuthCallbackException.Reason.STATE_MISSING));
    assertThatThrownBy(() -> oauth().verifyCallback(request, Map.of("error", "access_denied")))
        .isExactlyInstanceOf(OAuthCallbackException.class);
    assertThatThrownBy(
            () -> oauth().verifyCallback(request, callback("error=access_denied&state=" + other.state())))
        .isExactlyInstanceOf(OAuthCallbackException.class)
        .satisfies(e -> assertThat(((OAuthCallbackException) e).reason())
            .isEqualTo(OAuthCallbackException.Reason.STATE_MISMATCH));
    // with the right state the same error is Polar's answer
    assertThatThrownBy(
            () -> oauth().verifyCallback(request, callback("error=access_denied&state=" + request.state())))
        .isInstanceOfSatisfying(
            OAuthException.class, e -> assertThat(e.code()).isEqualTo(OAuthErrorCode.ACCESS_DENIED));
    assertThat(mock.server().getRequestCount()).isZero();
  }

  // ---- exchange

  @Test
  void exchangePostsTheFormWithBasicAuthAndParsesTheToken() {
    Instant now = Instant.parse("2025-03-01T10:15:30Z");
    try (AccessLink client = client(Clock.fixed(now, ZoneOffset.UTC), true)) {
      OAuthService oauth = client.oauth();
      AuthorizationRequest request = oauth.authorizationRequest();
      mock.enqueueFixture(200, "requestToken.json");

      AccessToken token = oauth.exchange(request, callback("code=" + CODE + "&state=" + request.state()));

      RecordedRequest sent = mock.takeRequest();
      assertThat(sent.getMethod()).isEqualTo("POST");
      assertThat(sent.getUrl().encodedPath()).isEqualTo("/v2/oauth2/token");
      assertThat(sent.getHeaders().get("Authorization"))
          .isEqualTo(
              "Basic "
                  + Base64.getEncoder()
                      .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)));
      assertThat(sent.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
      assertThat(sent.getHeaders().get("Accept")).contains("application/json");
      assertThat(form(sent))
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  "grant_type", "authorization_code",
                  "code", CODE,
                  "redirect_uri", DEFAULT_REDIRECT.toString()));

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
    AuthorizationRequest request = AuthorizationRequest.fromUrl(URI.create(stored.url().toString()));
    mock.enqueueFixture(200, "requestToken.json");

    oauth().exchange(request, callback("code=" + CODE + "&state=" + request.state()));

    assertThat(form(mock.takeRequest())).containsEntry("redirect_uri", "https://app.example.com/cb?next=%2Fhome&lang=fi");
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

    assertThat(form(mock.takeRequest())).containsEntry("redirect_uri", "https://app.example.com/other");
  }

  static Stream<Arguments> tokenErrors() {
    return Stream.of(
        Arguments.of(400, "invalid_request", OAuthErrorCode.INVALID_REQUEST, "redirect_uri exactly when"),
        Arguments.of(400, "invalid_client", OAuthErrorCode.INVALID_CLIENT, "check the client id and secret"),
        Arguments.of(401, "invalid_client", OAuthErrorCode.INVALID_CLIENT, "check the client id and secret"),
        Arguments.of(
            400,
            "invalid_grant",
            OAuthErrorCode.INVALID_GRANT,
            "the code was already used or expired (codes live 10 minutes), or the redirect_uri differs from the"
                + " one sent to the authorization step"),
        Arguments.of(400, "unauthorized_client", OAuthErrorCode.UNAUTHORIZED_CLIENT, "authorization-code flow"),
        Arguments.of(400, "unsupported_grant_type", OAuthErrorCode.UNSUPPORTED_GRANT_TYPE, "no refresh tokens"),
        Arguments.of(400, "invalid_scope", OAuthErrorCode.INVALID_SCOPE, "accesslink.read_all"),
        Arguments.of(400, "brand_new_error", OAuthErrorCode.UNKNOWN, "does not know"));
  }

  @ParameterizedTest
  @MethodSource("tokenErrors")
  void everyTokenErrorBecomesAnOAuthExceptionWithCodeAndHint(
      int status, String raw, OAuthErrorCode expected, String hint) {
    mock.enqueueJson(status, "{\"error\": \"" + raw + "\"}");

    OAuthException e = catchThrowableOfType(OAuthException.class, () -> oauth().exchange(CODE, DEFAULT_REDIRECT));

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
        400, "{\"error\": \"invalid_grant\", \"error_description\": \"Code " + CODE + " was already used\"}");

    OAuthException e = catchThrowableOfType(OAuthException.class, () -> oauth().exchange(CODE, null));

    assertThat(e.description()).contains("Code ██ was already used");
    assertNoSecrets(e.getMessage());
  }

  @Test
  void bare401IsReadAsInvalidClient() {
    mock.enqueueStatus(401);

    OAuthException e = catchThrowableOfType(OAuthException.class, () -> oauth().exchange(CODE, null));

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
    @RegisterExtension final MockAccessLink retrying = MockAccessLink.withRetries(RetryPolicy.defaults());

    private OAuthService retryingOAuth() {
      return retrying.client().oauth();
    }

    @Test
    void serverErrorIsNotRetried() {
      retrying.enqueueJson(500, "{\"error\": \"server_error\"}").enqueueFixture(200, "requestToken.json");

      ServiceException e = catchThrowableOfType(ServiceException.class, () -> retryingOAuth().exchange(CODE, null));

      assertThat(e.status()).isEqualTo(500);
      assertThat(e).hasMessageContaining("never retried").hasMessageNotContaining("try again later");
      assertNoSecrets(e.getMessage());
      assertThat(retrying.server().getRequestCount()).isEqualTo(1);
      assertThat(retrying.sleeps()).isEmpty();
    }

    @Test
    void droppedConnectionIsNotRetried() {
      retrying.enqueueFixture(200, "requestToken.json");
      retryingOAuth().exchange("earlier-code", null); // leaves a pooled connection that the next call reuses
      retrying.takeRequest();
      retrying
          .enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build())
          .enqueueFixture(200, "requestToken.json")
          .enqueueFixture(200, "requestToken.json");

      AccessLinkIOException e =
          catchThrowableOfType(AccessLinkIOException.class, () -> retryingOAuth().exchange(CODE, DEFAULT_REDIRECT));

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

      assertThatThrownBy(() -> retryingOAuth().exchange(CODE, null)).isInstanceOf(RateLimitException.class);
      assertThat(retrying.server().getRequestCount()).isEqualTo(1);
    }
  }
}

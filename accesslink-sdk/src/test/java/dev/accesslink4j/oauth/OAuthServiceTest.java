package dev.accesslink4j.oauth;

import static dev.accesslink4j.MockAccessLink.CLIENT_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.accesslink4j.AccessLink;
import dev.accesslink4j.errors.OAuthCallbackException;
import dev.accesslink4j.errors.OAuthErrorCode;
import dev.accesslink4j.errors.OAuthException;
import java.net.URI;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The authorization URL and the callback check: state, redirect URI, scope and Polar's error parameters. */
class OAuthServiceTest extends OAuthTestSupport {
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

    AuthorizationRequest request =
        oauth().authorizationRequest(redirect, OAuthService.SCOPE_READ_ALL);

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
  @ValueSource(
      strings = {"/relative/callback", "ftp://app.example.com/cb", "https://app.example.com/cb#frag"
      })
  void malformedRedirectUrisAreRejectedUpFront(String redirect) {
    assertThatThrownBy(() -> oauth().authorizationRequest(URI.create(redirect)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("redirect URI");
  }

  @Test
  void requestSurvivesStorageAsItsUrl() {
    URI redirect = URI.create("https://app.example.com/cb?next=%2Fhome&lang=fi");
    AuthorizationRequest original =
        oauth().authorizationRequest(redirect, OAuthService.SCOPE_READ_ALL);

    AuthorizationRequest restored =
        AuthorizationRequest.fromUrl(URI.create(original.url().toString()));

    assertThat(restored).isEqualTo(original);
    assertThat(restored.state()).isEqualTo(original.state());
    assertThat(restored.redirectUri()).map(URI::toString).contains(redirect.toString());
    assertThat(restored.scope()).contains("accesslink.read_all");
    assertThatThrownBy(() ->
            AuthorizationRequest.fromUrl(URI.create("https://flow.polar.com/oauth2/authorization")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStringsShowNoStateCodeOrToken() {
    AuthorizationRequest request = oauth().authorizationRequest();
    AuthorizationCode code =
        oauth().verifyCallback(request, callback("code=" + CODE + "&state=" + request.state()));

    assertThat(request.toString()).doesNotContain(request.state());
    assertNoSecrets(code.toString());
    assertNoSecrets(oauth().toString());
  }

  @Test
  void callbackWithMatchingStateYieldsTheCodeBoundToTheRedirect() {
    AuthorizationRequest request = oauth().authorizationRequest();

    AuthorizationCode code =
        oauth().verifyCallback(request, callback("code=" + CODE + "&state=" + request.state()));

    assertThat(code.reveal()).isEqualTo(CODE);
    assertThat(code.redirectUri()).contains(DEFAULT_REDIRECT);
    AuthorizationCode fromMap =
        oauth().verifyCallback(request, Map.of("code", CODE, "state", request.state()));
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
    assertThat(e)
        .hasMessageContaining("does not match")
        .hasMessageContaining("start a new authorization");
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
    URI uri =
        callback("error=access_denied&error_description=User+cancelled&state=" + request.state());

    OAuthException e =
        catchThrowableOfType(OAuthException.class, () -> oauth().exchange(request, uri));

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
    URI uri = callback(
        "error=access_denied%1B%5B2J&error_description=User%1B%5D0%3Bpwned%07+cancelled%0D%0Aforged"
            + "&state=" + request.state());

    OAuthException e =
        catchThrowableOfType(OAuthException.class, () -> oauth().exchange(request, uri));

    assertThat(e)
        .hasMessageStartingWith(
            "Authorization failed (access_denied\\u001B[2J): User\\u001B]0;pwned\\u0007 cancelled\\u000D\\u000Aforged. ");
    assertThat(e.description())
        .contains("User\\u001B]0;pwned\\u0007 cancelled\\u000D\\u000Aforged");
    assertThat(e.rawCode()).isEqualTo("access_denied\\u001B[2J");
    assertThat(e.code()).isEqualTo(OAuthErrorCode.UNKNOWN);
  }

  @Test
  void controlCharactersInTheTokenEndpointsErrorDescriptionAreEscaped() {
    mock.enqueueJson(
        400, "{\"error\": \"invalid_grant\", \"error_description\": \"Expired\\u001b[8m\\u202e\"}");

    OAuthException e =
        catchThrowableOfType(OAuthException.class, () -> oauth().exchange(CODE, null));

    assertThat(e.code()).isEqualTo(OAuthErrorCode.INVALID_GRANT);
    assertThat(e.description()).contains("Expired\\u001B[8m\\u202E");
    assertThat(e)
        .hasMessageStartingWith(
            "Token exchange failed with HTTP 400 (invalid_grant): Expired\\u001B[8m\\u202E. ");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "invalid_request",
        "unauthorized_client",
        "access_denied",
        "unsupported_response_type",
        "invalid_scope",
        "server_error",
        "temporarily_unavailable"
      })
  void everyAuthorizationErrorCodeIsRecognised(String raw) {
    AuthorizationRequest request = oauth().authorizationRequest();

    OAuthException e = catchThrowableOfType(
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
    assertThatThrownBy(() ->
            oauth().verifyCallback(request, callback("error=access_denied&state=" + other.state())))
        .isExactlyInstanceOf(OAuthCallbackException.class)
        .satisfies(e -> assertThat(((OAuthCallbackException) e).reason())
            .isEqualTo(OAuthCallbackException.Reason.STATE_MISMATCH));
    // with the right state the same error is Polar's answer
    assertThatThrownBy(() -> oauth()
            .verifyCallback(request, callback("error=access_denied&state=" + request.state())))
        .isInstanceOfSatisfying(
            OAuthException.class,
            e -> assertThat(e.code()).isEqualTo(OAuthErrorCode.ACCESS_DENIED));
    assertThat(mock.server().getRequestCount()).isZero();
  }
}

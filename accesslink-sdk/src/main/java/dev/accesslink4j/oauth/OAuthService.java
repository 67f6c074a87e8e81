package dev.accesslink4j.oauth;

import dev.accesslink4j.AccessLink;
import dev.accesslink4j.AccessLinkBuilder;
import dev.accesslink4j.AccessToken;
import dev.accesslink4j.ApiResponse;
import dev.accesslink4j.RetryPolicy;
import dev.accesslink4j.errors.AccessLinkException;
import dev.accesslink4j.errors.AccessLinkIOException;
import dev.accesslink4j.errors.InvalidResponseException;
import dev.accesslink4j.errors.OAuthCallbackException;
import dev.accesslink4j.errors.OAuthErrorCode;
import dev.accesslink4j.errors.OAuthException;
import dev.accesslink4j.errors.RateLimitException;
import dev.accesslink4j.errors.ServiceException;
import dev.accesslink4j.errors.ServiceException.ErrorDetails;
import dev.accesslink4j.generated.api.OAuthApi;
import dev.accesslink4j.generated.model.OAuthToken;
import dev.accesslink4j.internal.HttpStack;
import dev.accesslink4j.internal.QueryStrings;
import dev.accesslink4j.internal.Redaction;
import dev.accesslink4j.internal.ServiceContext;
import dev.accesslink4j.internal.Transport.Replay;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.Retrofit;

/**
 * Polar's OAuth2 authorization-code flow: build the authorization URL, check the callback, exchange the code for the
 * user's {@link AccessToken}. AccessLink has exactly this flow: no refresh tokens, no PKCE, and the exchange needs the
 * client secret, so it belongs on a server (desktop and CLI tools can use a loopback redirect URI during
 * development).
 *
 * <pre>{@code
 * // 1. send the user to Polar
 * AuthorizationRequest request = accessLink.oauth().authorizationRequest();
 * session.put("polar-authorization", request.url().toString());
 * response.sendRedirect(request.url().toString());
 *
 * // 2. in the redirect URI's handler
 * AuthorizationRequest request = AuthorizationRequest.fromUrl(URI.create(session.get("polar-authorization")));
 * AccessToken token = accessLink.oauth().exchange(request, callbackUri);   // checks state, never retried
 * tokenStore.save(memberId, token);
 * accessLink.user(token).users().registerIfAbsent(memberId);
 * }</pre>
 *
 * <p>A code is valid for 10 minutes and can be exchanged once; exchanging it a second time fails and revokes every
 * token issued for it. The exchange is therefore never retried, not even after a timeout or a dropped connection,
 * whatever the {@link RetryPolicy}: on any failure, send the user through authorization again.
 */
public final class OAuthService {
  /** The only scope AccessLink defines: read all of the user's data. */
  public static final String SCOPE_READ_ALL = "accesslink.read_all";

  private static final String GRANT_TYPE = "authorization_code";
  private static final int STATE_BYTES = 32;
  private static final String NOT_RETRIED =
      "The code exchange is never retried (a second use of a code revokes every token issued for it); the code"
          + " may or may not have been used: send the user through authorization again";

  private final HttpStack http;
  private final OAuthApi api;
  private final ClientSettings settings;
  private final Clock clock;

  /**
   * Creates the service for a client: its id, authorization URL, default redirect URI, clock and credentials.
   * Applications get it from {@link AccessLink#oauth()}; the constructor is public only for the client, which lives
   * in another package, and takes its internals.
   *
   * @param context the client's stack and the token endpoint's view, which sends the client credentials (internal:
   *     not a public API)
   * @param clientId the OAuth client id
   * @param authorizationUrl Polar's authorization page
   * @param redirectUri the default redirect URI, or null for none
   * @param clock the clock for token timestamps
   */
  @SuppressWarnings("exports") // ServiceContext is internal: outside this module nobody can name it
  public OAuthService(
      ServiceContext context,
      String clientId,
      URI authorizationUrl,
      @Nullable URI redirectUri,
      Clock clock) {
    this(
        context.http(),
        context.retrofit(),
        new ClientSettings(clientId, authorizationUrl, redirectUri, clock));
  }

  private OAuthService(HttpStack http, Retrofit retrofit, ClientSettings settings) {
    this.http = http;
    this.api = retrofit.create(OAuthApi.class);
    this.settings = settings;
    this.clock = settings.clock();
  }

  /**
   * Starts an authorization with the redirect URI configured on {@link AccessLinkBuilder#redirectUri(URI)}, or with
   * none (Polar then uses the client's only or default registered URL), and no scope (Polar asks for every scope of
   * the client).
   *
   * @return the request: send the user to {@link AuthorizationRequest#url()} and keep the request for the callback
   */
  public AuthorizationRequest authorizationRequest() {
    return authorizationRequest(null, null);
  }

  /**
   * Starts an authorization that sends the user back to {@code redirectUri}.
   *
   * @param redirectUri where Polar redirects the browser; must equal, character for character, a URL registered for
   *     the client (a full URL with scheme, host, port if any, and path)
   * @return the request: send the user to {@link AuthorizationRequest#url()} and keep the request for the callback
   * @throws IllegalArgumentException if the URI is not an absolute http(s) URL with a host and without a fragment
   */
  public AuthorizationRequest authorizationRequest(URI redirectUri) {
    return authorizationRequest(Objects.requireNonNull(redirectUri, "redirectUri"), null);
  }

  /**
   * Starts an authorization with a redirect URI and a scope.
   *
   * @param redirectUri where Polar redirects the browser, or null for the builder's default redirect URI (or none,
   *     when the builder has none)
   * @param scope the scope to ask for ({@link #SCOPE_READ_ALL} is the only one), or null to ask for every scope of
   *     the client
   * @return the request: send the user to {@link AuthorizationRequest#url()} and keep the request for the callback
   * @throws IllegalArgumentException if the redirect URI is not an absolute http(s) URL with a host and without a
   *     fragment, or the scope is blank
   */
  public AuthorizationRequest authorizationRequest(
      @Nullable URI redirectUri, @Nullable String scope) {
    ClientSettings client = settings;
    URI redirect = redirectUri != null ? redirectUri : client.redirectUri();
    if (redirect != null) {
      checkRedirectUri(redirect);
    }
    if (scope != null && scope.isBlank()) {
      throw new IllegalArgumentException("scope must not be blank; pass null to omit it");
    }
    return AuthorizationRequest.create(
        client.authorizationUrl(),
        client.clientId(),
        redirect == null ? null : redirect.toString(),
        scope,
        newState());
  }

  private static void checkRedirectUri(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new IllegalArgumentException(
          "redirect URI must be an absolute http(s) URL registered for the client: " + uri);
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException("redirect URI has no host: " + uri);
    }
    if (uri.getRawFragment() != null) {
      throw new IllegalArgumentException("redirect URI must not have a fragment: " + uri);
    }
  }

  private static String newState() {
    byte[] bytes = new byte[STATE_BYTES];
    StateSource.INSTANCE.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * Checks the redirect back from Polar against the request it answers, and takes the code out of it.
   *
   * <p>The {@code state} is checked first, for every callback: one without {@code state}, or with another request's,
   * is rejected as {@link OAuthCallbackException} even when it reports an error. Only Polar's own redirect knows the
   * state, so a forged {@code ?error=access_denied} link cannot end (or, when shown to the user, deface) a pending
   * authorization: an application should answer it and keep waiting for the real callback.
   *
   * @param request the request the user was sent with
   * @param callbackUri the full callback URL, or just its path and query ({@code /callback?code=…&state=…})
   * @return the code, bound to the request's redirect URI
   * @throws OAuthCallbackException if the state is missing or mismatched (also on an error callback), the query is
   *     malformed or repeats a parameter, or there is neither a code nor an error
   * @throws OAuthException if Polar reported an error on a callback with the right state, such as
   *     {@link OAuthErrorCode#ACCESS_DENIED} when the user declined
   */
  public AuthorizationCode verifyCallback(AuthorizationRequest request, URI callbackUri) {
    Objects.requireNonNull(request, "request");
    Map<String, List<String>> params;
    try {
      params = QueryStrings.parse(Objects.requireNonNull(callbackUri, "callbackUri"));
    } catch (IllegalArgumentException e) {
      throw new OAuthCallbackException(OAuthCallbackException.Reason.MALFORMED);
    }
    return verify(request, params);
  }

  /**
   * Checks the redirect back from Polar, given as its query parameters (as web frameworks hand them over).
   *
   * @param request the request the user was sent with
   * @param queryParameters the callback's decoded query parameters ({@code code}, {@code state}, or {@code error})
   * @return the code, bound to the request's redirect URI
   * @throws OAuthCallbackException if the state is missing or mismatched, or there is neither a code nor an error
   * @throws OAuthException if Polar reported an error
   * @see #verifyCallback(AuthorizationRequest, URI)
   */
  public AuthorizationCode verifyCallback(
      AuthorizationRequest request, Map<String, String> queryParameters) {
    Objects.requireNonNull(request, "request");
    Map<String, List<String>> params = new LinkedHashMap<>();
    queryParameters.forEach((name, value) -> params.put(name, List.of(value)));
    return verify(request, params);
  }

  private static AuthorizationCode verify(
      AuthorizationRequest request, Map<String, List<String>> params) {
    String state = single(params, "state");
    String error = single(params, "error");
    String code = single(params, "code");
    // the state first, also for an error: only the real redirect knows it
    if (state == null) {
      throw new OAuthCallbackException(OAuthCallbackException.Reason.STATE_MISSING);
    }
    if (!constantTimeEquals(state, request.state())) {
      throw new OAuthCallbackException(OAuthCallbackException.Reason.STATE_MISMATCH);
    }
    if (error != null) {
      String description = single(params, "error_description");
      throw OAuthException.fromCallback(
          error, description == null ? null : Redaction.snippet(description));
    }
    if (code == null || code.isBlank()) {
      throw new OAuthCallbackException(OAuthCallbackException.Reason.CODE_MISSING);
    }
    return new AuthorizationCode(code, request.redirectUriAsSent());
  }

  private static @Nullable String single(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw new OAuthCallbackException(OAuthCallbackException.Reason.MALFORMED);
    }
    return values.get(0);
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Checks the callback and exchanges its code for the user's access token: {@link #verifyCallback} then
   * {@link #exchange(AuthorizationCode)}.
   *
   * @param request the request the user was sent with
   * @param callbackUri the callback URL (or its path and query)
   * @return the token, with its lifetime, issue time and Polar user id
   * @throws OAuthCallbackException if the callback does not answer this request
   * @throws OAuthException if Polar reported an error on the callback or the token endpoint
   * @throws ServiceException for any other error status of the token endpoint
   * @throws AccessLinkIOException if the exchange failed on the network (it is not retried)
   */
  public AccessToken exchange(AuthorizationRequest request, URI callbackUri) {
    return exchange(verifyCallback(request, callbackUri));
  }

  /**
   * Exchanges a verified code for the user's access token, sending the request's redirect URI if one was sent.
   *
   * @param code the code from {@link #verifyCallback}
   * @return the token, with its lifetime, issue time and Polar user id
   * @throws OAuthException if the token endpoint answered with an OAuth error (see {@link OAuthException#hint()})
   * @throws ServiceException for any other error status of the token endpoint
   * @throws AccessLinkIOException if the exchange failed on the network (it is not retried)
   */
  public AccessToken exchange(AuthorizationCode code) {
    return exchange(code.reveal(), code.redirectUriAsSent());
  }

  /**
   * Exchanges a code for the user's access token, once. Sent as {@code POST oauth2/token} with the client's HTTP
   * basic credentials and the form fields {@code grant_type=authorization_code}, {@code code} and, only when given,
   * {@code redirect_uri}.
   *
   * @param code the code from the callback
   * @param redirectUri the redirect URI exactly as it was sent to the authorization step, or null if none was sent
   * @return the token, with its lifetime, issue time (the client's clock) and Polar user id
   * @throws OAuthException if the token endpoint answered with an OAuth error ({@code invalid_grant}: the code was
   *     used, expired, or the redirect URI differs; {@code invalid_client}: wrong client id or secret; ...)
   * @throws RateLimitException if the token endpoint refused the request for its rate limit
   * @throws ServiceException for any other error status of the token endpoint
   * @throws InvalidResponseException if the answer carries no access token
   * @throws AccessLinkIOException if the exchange failed on the network (it is not retried)
   */
  public AccessToken exchange(String code, @Nullable URI redirectUri) {
    return exchange(code, redirectUri == null ? null : redirectUri.toString());
  }

  private AccessToken exchange(String code, @Nullable String redirectUri) {
    Objects.requireNonNull(code, "code");
    if (code.isBlank()) {
      throw new IllegalArgumentException("authorization code must not be blank");
    }
    Call<OAuthToken> call = api.requestToken(GRANT_TYPE, code, redirectUri);
    ApiResponse<OAuthToken> response;
    try {
      response = http.transport().execute(call, Replay.NEVER);
    } catch (RateLimitException e) {
      throw e;
    } catch (ServiceException e) {
      throw translate(e, code);
    } catch (AccessLinkIOException e) {
      if (e.getCause() instanceof IOException cause) {
        throw new AccessLinkIOException(e.getMessage() + ". " + NOT_RETRIED, e.isTimeout(), cause);
      }
      throw e;
    }
    OAuthToken body = response
        .body()
        .orElseThrow(() -> invalid(response.status(), "the token response has no body"));
    String value = body.getAccessToken();
    if (value == null || value.isBlank()) {
      throw invalid(response.status(), "the token response has no access_token");
    }
    Long expiresIn = body.getExpiresIn();
    return AccessToken.of(
        value,
        tokenType(body.getTokenType()),
        expiresIn == null ? null : Duration.ofSeconds(expiresIn),
        clock.instant(),
        body.getxUserId());
  }

  /** Polar always says {@code bearer}; whatever arrives is kept, and a missing type is taken as bearer. */
  private static String tokenType(@Nullable String type) {
    return type == null || type.isBlank() ? "bearer" : type;
  }

  private static InvalidResponseException invalid(int status, String what) {
    String message = "POST oauth2/token answered HTTP " + status + " but " + what;
    return new InvalidResponseException(message, status, "", new IllegalStateException(what));
  }

  private static AccessLinkException translate(ServiceException e, String code) {
    String errorType = e.errorType().orElse(null);
    String description = e.polarMessage().map(m -> scrub(m, code)).orElse(null);
    if (e.status() == 400 || e.status() == 401) {
      if (errorType != null && !errorType.isBlank()) {
        return OAuthException.fromTokenEndpoint(
            OAuthErrorCode.fromValue(errorType), errorType, description, e.status());
      }
      OAuthErrorCode inferred =
          e.status() == 401 ? OAuthErrorCode.INVALID_CLIENT : OAuthErrorCode.UNKNOWN;
      return OAuthException.fromTokenEndpoint(inferred, "", description, e.status());
    }
    ErrorDetails details =
        e.details().withPolarMessage(description).withBodySnippet(scrub(e.bodySnippet(), code));
    return new ServiceException(details, NOT_RETRIED);
  }

  /** Removes the code from text Polar sent back, in case an error description echoes it. */
  private static String scrub(String text, String code) {
    return code.length() < 4 ? text : text.replace(code, "██");
  }

  @Override
  public String toString() {
    return "OAuthService["
        + (settings == null ? "exchange only" : "clientId=" + settings.clientId()) + "]";
  }

  private record ClientSettings(
      String clientId, URI authorizationUrl, @Nullable URI redirectUri, Clock clock) {}

  /** One shared, lazily created source of state values; SecureRandom is thread-safe. */
  private static final class StateSource {
    static final SecureRandom INSTANCE = new SecureRandom();
  }
}

package dev.accesslink4j.oauth;

import dev.accesslink4j.internal.QueryStrings;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One authorization attempt: the URL to send the user's browser to, and what the callback must be checked against
 * (the random {@code state}) and the code exchange must echo (the {@code redirect_uri}, exactly as sent, and only if
 * it was sent). Created by {@link OAuthService#authorizationRequest()}; immutable and thread-safe.
 *
 * <p>Keep it between the redirect and the callback, typically in the user's session. Everything it holds is in
 * {@link #url()}, and nothing in it is secret: store {@code url().toString()} and rebuild the request with
 * {@link #fromUrl(URI)}.
 *
 * <pre>{@code
 * AuthorizationRequest request = accessLink.oauth().authorizationRequest();
 * session.put("polar-authorization", request.url().toString());
 * response.sendRedirect(request.url().toString());
 * // ... later, in the callback handler:
 * AuthorizationRequest request = AuthorizationRequest.fromUrl(URI.create(session.get("polar-authorization")));
 * AccessToken token = accessLink.oauth().exchange(request, callbackUri);
 * }</pre>
 */
public final class AuthorizationRequest {
  private final URI url;
  private final String state;
  private final @Nullable String redirectUri;
  private final @Nullable String scope;

  private AuthorizationRequest(
      URI url, String state, @Nullable String redirectUri, @Nullable String scope) {
    this.url = url;
    this.state = state;
    this.redirectUri = redirectUri;
    this.scope = scope;
  }

  static AuthorizationRequest create(
      URI authorizationUrl,
      String clientId,
      @Nullable String redirectUri,
      @Nullable String scope,
      String state) {
    StringBuilder query = new StringBuilder();
    append(query, "response_type", "code");
    append(query, "client_id", clientId);
    if (redirectUri != null) {
      append(query, "redirect_uri", redirectUri);
    }
    if (scope != null) {
      append(query, "scope", scope);
    }
    append(query, "state", state);
    String base = authorizationUrl.toString();
    int fragment = base.indexOf('#');
    if (fragment >= 0) {
      base = base.substring(0, fragment);
    }
    char separator = authorizationUrl.getRawQuery() == null ? '?' : '&';
    URI url = URI.create(base + separator + query);
    return new AuthorizationRequest(url, state, redirectUri, scope);
  }

  private static void append(StringBuilder query, String name, String value) {
    if (query.length() > 0) {
      query.append('&');
    }
    query.append(name).append('=').append(QueryStrings.encode(value));
  }

  /**
   * Rebuilds a request from its {@link #url()}, for example after storing the URL in the user's session.
   *
   * @param url the URL of an earlier request
   * @return the request, with the same state, redirect URI and scope
   * @throws IllegalArgumentException if the URL carries no single, non-blank {@code state}, or repeats
   *     {@code redirect_uri} or {@code scope}
   */
  public static AuthorizationRequest fromUrl(URI url) {
    Objects.requireNonNull(url, "url");
    Map<String, List<String>> params = QueryStrings.parse(url);
    String state = single(params, "state");
    if (state == null || state.isBlank()) {
      throw new IllegalArgumentException(
          "the URL is not an authorization request: it carries no state");
    }
    return new AuthorizationRequest(
        url, state, single(params, "redirect_uri"), single(params, "scope"));
  }

  private static @Nullable String single(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    if (values == null) {
      return null;
    }
    if (values.size() > 1) {
      throw new IllegalArgumentException("the URL repeats the " + name + " parameter");
    }
    return values.get(0);
  }

  /**
   * The URL to send the user's browser to: Polar's authorization page with {@code response_type=code}, the client
   * id, the redirect URI (if any), the scope (if any) and the state.
   *
   * @return the URL
   */
  public URI url() {
    return url;
  }

  /**
   * The random value the callback must echo (CSRF protection). Not secret, but unguessable: 256 bits from
   * {@link java.security.SecureRandom}, base64url-encoded.
   *
   * @return the state
   */
  public String state() {
    return state;
  }

  /**
   * The redirect URI sent to the authorization step; the code exchange sends it again, character for character.
   *
   * @return the URI, or empty when none was sent (Polar then uses the client's default redirect URL)
   */
  public Optional<URI> redirectUri() {
    return Optional.ofNullable(redirectUri).map(URI::create);
  }

  /**
   * The scope asked for.
   *
   * @return the scope, or empty when none was sent (Polar then asks for every scope of the client)
   */
  public Optional<String> scope() {
    return Optional.ofNullable(scope);
  }

  @Nullable
  String redirectUriAsSent() {
    return redirectUri;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AuthorizationRequest other && other.url.equals(url);
  }

  @Override
  public int hashCode() {
    return url.hashCode();
  }

  @Override
  public String toString() {
    return "AuthorizationRequest[redirectUri=" + redirectUri + ", scope=" + scope + ", state=██]";
  }
}

package dev.accesslink4j.oauth;

import java.net.URI;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An authorization code taken from a verified callback, with the redirect URI its exchange must echo. Returned by
 * {@link OAuthService#verifyCallback(AuthorizationRequest, URI)} and spent by {@link OAuthService#exchange(AuthorizationCode)}.
 * The code is valid for 10 minutes and can be exchanged once; it never appears in {@link #toString()}.
 */
public final class AuthorizationCode {
  private final String value;
  private final @Nullable String redirectUri;

  AuthorizationCode(String value, @Nullable String redirectUri) {
    this.value = value;
    this.redirectUri = redirectUri;
  }

  /**
   * The code itself, for exchanging it elsewhere with {@link OAuthService#exchange(String, URI)}.
   *
   * @return the raw code
   */
  public String reveal() {
    return value;
  }

  /**
   * The redirect URI that was sent to the authorization step, which the exchange must send again.
   *
   * @return the URI, or empty when none was sent
   */
  public Optional<URI> redirectUri() {
    return Optional.ofNullable(redirectUri).map(URI::create);
  }

  @Nullable
  String redirectUriAsSent() {
    return redirectUri;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AuthorizationCode other
        && other.value.equals(value)
        && java.util.Objects.equals(other.redirectUri, redirectUri);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "AuthorizationCode[value=██, redirectUri=" + redirectUri + "]";
  }
}

package dev.accesslink4j.errors;

import java.util.Locale;

/**
 * The OAuth 2.0 error codes (RFC 6749 §4.1.2.1 and §5.2) that Polar's authorization and token endpoints answer with,
 * each with the most likely cause for AccessLink. Codes this SDK does not know become {@link #UNKNOWN}; the raw value
 * stays available from {@link OAuthException#rawCode()}.
 */
public enum OAuthErrorCode {
  /** {@code invalid_request}: a parameter is missing, repeated, unsupported or malformed. */
  INVALID_REQUEST(
      "invalid_request",
      "The authorization URL was rejected: check client_id, and that redirect_uri equals a URL registered for the"
          + " client (a full URL with scheme, host, port and path)",
      "A form field is missing or malformed: send redirect_uri exactly when, and exactly as, it was sent to the"
          + " authorization step"),
  /** {@code invalid_client}: the client id or secret was refused (token endpoint). */
  INVALID_CLIENT(
      "invalid_client", "Check the client id and secret", "Check the client id and secret"),
  /** {@code invalid_grant}: the code is unknown, expired, already used, or bound to another redirect URI. */
  INVALID_GRANT(
      "invalid_grant",
      "The code was already used or expired (codes live 10 minutes), or the redirect_uri differs from the one sent"
          + " to the authorization step",
      "The code was already used or expired (codes live 10 minutes), or the redirect_uri differs from the one sent"
          + " to the authorization step; do not exchange it again, send the user through authorization again"),
  /** {@code unauthorized_client}: this client may not use the authorization-code flow. */
  UNAUTHORIZED_CLIENT(
      "unauthorized_client",
      "This client may not use the authorization-code flow: check the client at https://admin.polaraccesslink.com",
      "This client may not use the authorization-code flow: check the client at https://admin.polaraccesslink.com"),
  /** {@code unsupported_grant_type}: only {@code authorization_code} exists (AccessLink has no refresh tokens). */
  UNSUPPORTED_GRANT_TYPE(
      "unsupported_grant_type",
      "Only grant_type=authorization_code is supported; AccessLink has no refresh tokens",
      "Only grant_type=authorization_code is supported; AccessLink has no refresh tokens"),
  /** {@code invalid_scope}: the requested scope does not exist; the only one is {@code accesslink.read_all}. */
  INVALID_SCOPE(
      "invalid_scope",
      "The only scope is accesslink.read_all; omit scope to ask for every scope of the client",
      "The only scope is accesslink.read_all; omit scope to ask for every scope of the client"),
  /** {@code access_denied}: the user declined (authorization step). */
  ACCESS_DENIED(
      "access_denied",
      "The user declined to link their Polar account; offer to link again",
      "Access was denied; send the user through authorization again"),
  /** {@code unsupported_response_type}: the authorization URL did not ask for {@code response_type=code}. */
  UNSUPPORTED_RESPONSE_TYPE(
      "unsupported_response_type", "response_type must be code", "response_type must be code"),
  /** {@code server_error}: Polar's authorization server failed. */
  SERVER_ERROR(
      "server_error",
      "Polar's authorization server failed; send the user through authorization again later",
      "Polar's token server failed; send the user through authorization again later"),
  /** {@code temporarily_unavailable}: Polar's authorization server is overloaded or in maintenance. */
  TEMPORARILY_UNAVAILABLE(
      "temporarily_unavailable",
      "Polar's authorization server is temporarily unavailable; try the authorization again later",
      "Polar's token server is temporarily unavailable; send the user through authorization again later"),
  /** A code this SDK does not know, or no code at all; see {@link OAuthException#rawCode()}. */
  UNKNOWN(
      "",
      "An OAuth error this SDK does not know; send the user through authorization again",
      "An error this SDK does not know; do not exchange the code again, send the user through authorization again");

  private final String value;
  private final String authorizationHint;
  private final String tokenHint;

  OAuthErrorCode(String value, String authorizationHint, String tokenHint) {
    this.value = value;
    this.authorizationHint = authorizationHint;
    this.tokenHint = tokenHint;
  }

  /**
   * The code as it appears on the wire.
   *
   * @return for example {@code invalid_grant}; empty for {@link #UNKNOWN}
   */
  public String value() {
    return value;
  }

  /**
   * Finds the code for a wire value, ignoring case and surrounding blanks.
   *
   * @param value the {@code error} value from a callback or the token endpoint
   * @return the code, or {@link #UNKNOWN} when the value is not one of RFC 6749's
   */
  public static OAuthErrorCode fromValue(String value) {
    String normalized = value.trim().toLowerCase(Locale.ROOT);
    for (OAuthErrorCode code : values()) {
      if (code != UNKNOWN && code.value.equals(normalized)) {
        return code;
      }
    }
    return UNKNOWN;
  }

  String hint(boolean atTokenEndpoint) {
    return atTokenEndpoint ? tokenHint : authorizationHint;
  }
}

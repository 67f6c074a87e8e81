package dev.accesslink4j.errors;

import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * Polar's OAuth server answered with an OAuth error: either on the redirect back from the authorization step
 * ({@code ?error=access_denied}) or as the token endpoint's {@code {"error": "invalid_grant"}}. {@link #code()} names
 * the RFC 6749 error and {@link #hint()} its most likely cause. The message never contains the authorization code,
 * the token or the client secret.
 *
 * <p>None of these errors is worth retrying with the same code: a code is usable once, and exchanging it again
 * revokes every token issued for it. Send the user through the authorization step again instead.
 */
public class OAuthException extends AccessLinkException {
  private static final long serialVersionUID = 1L;
  /** The RFC 6749 error code. */
  private final OAuthErrorCode code;
  /** The error value as sent, or empty. */
  private final String rawCode;
  /** Polar's error description, scrubbed of the code. */
  private final @Nullable String description;
  /** The token endpoint's HTTP status, or 0 for a callback error. */
  private final int status;
  /** The likely cause. */
  private final String hint;

  private OAuthException(
      OAuthErrorCode code, String rawCode, @Nullable String description, int status, String hint) {
    super(describe(code, rawCode, description, status, hint));
    this.code = code;
    this.rawCode = PrintableText.escape(rawCode);
    this.description = PrintableText.escapeOrNull(description);
    this.status = status;
    this.hint = hint;
  }

  /**
   * The exception for an {@code error} parameter on the redirect back from the authorization step, as
   * {@code OAuthService.exchange} throws it; public so that tests of a callback handler can create the same one.
   *
   * @param rawCode the {@code error} value as sent (for example {@code access_denied})
   * @param description the {@code error_description}, or null
   * @return the exception, its {@link #hint()} chosen for the authorization step
   */
  public static OAuthException fromCallback(String rawCode, @Nullable String description) {
    OAuthErrorCode code = OAuthErrorCode.fromValue(rawCode);
    return new OAuthException(code, rawCode, description, 0, code.hint(false));
  }

  /**
   * The exception for an error answer of the token endpoint, as {@code OAuthService.exchange} throws it; public so
   * that tests can create the same one.
   *
   * @param code the RFC 6749 error code
   * @param rawCode the {@code error} value as sent, or empty
   * @param description Polar's {@code error_description}, scrubbed of the code, or null
   * @param status the HTTP status of the answer
   * @return the exception, its {@link #hint()} chosen for the code exchange
   */
  public static OAuthException fromTokenEndpoint(
      OAuthErrorCode code, String rawCode, @Nullable String description, int status) {
    return new OAuthException(code, rawCode, description, status, code.hint(true));
  }

  private static String describe(
      OAuthErrorCode code, String rawCode, @Nullable String description, int status, String hint) {
    StringBuilder sb = new StringBuilder();
    if (status == 0) {
      sb.append("Authorization failed");
    } else {
      sb.append("Token exchange failed with HTTP ").append(status);
    }
    String shown = rawCode.isBlank() ? code.value() : rawCode;
    if (!shown.isBlank()) {
      sb.append(" (").append(shown).append(')');
    }
    if (description != null && !description.isBlank()) {
      sb.append(": ").append(description);
    }
    return sb.append(". ").append(hint).toString();
  }

  /**
   * The RFC 6749 error code.
   *
   * @return the code; {@link OAuthErrorCode#UNKNOWN} for a value this SDK does not know or a missing one
   */
  public OAuthErrorCode code() {
    return code;
  }

  /**
   * The {@code error} value as Polar sent it (control characters shown as escapes).
   *
   * @return the raw value; empty when the response carried none (a bare 400 or 401 from the token endpoint)
   */
  public String rawCode() {
    return rawCode;
  }

  /**
   * Polar's {@code error_description}, with any occurrence of the authorization code removed and control characters
   * shown as escapes.
   *
   * @return the description, if Polar sent one
   */
  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  /**
   * The HTTP status of the token endpoint's answer.
   *
   * @return the status, or empty when the error came on the authorization redirect
   */
  public OptionalInt status() {
    return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
  }

  /**
   * Tells whether the error came on the redirect back from the authorization step rather than from the token
   * endpoint.
   *
   * @return true for a callback error, false for a token endpoint error
   */
  public boolean isCallbackError() {
    return status == 0;
  }

  /**
   * The most likely cause and what to do about it.
   *
   * @return the hint
   */
  public String hint() {
    return hint;
  }
}

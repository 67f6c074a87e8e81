package dev.accesslink4j.errors;

/**
 * The redirect back from Polar's authorization step cannot be trusted or understood: its {@code state} is missing or
 * does not match the {@link dev.accesslink4j.oauth.AuthorizationRequest} it should answer (a forged callback, a stale
 * browser tab, or two authorizations crossing in one session), or it carries neither a {@code code} nor an
 * {@code error}, or its query is malformed. Nothing was exchanged. Start a new authorization.
 */
public class OAuthCallbackException extends AccessLinkException {
  private static final long serialVersionUID = 1L;
  /** Why the callback was rejected. */
  private final Reason reason;

  /** Why the callback was rejected. */
  public enum Reason {
    /** The callback carries no {@code state} although the request sent one. */
    STATE_MISSING,
    /** The callback's {@code state} differs from the request's. */
    STATE_MISMATCH,
    /** The callback carries neither {@code code} nor {@code error}. */
    CODE_MISSING,
    /** The callback's query is malformed, or repeats {@code state}, {@code code} or {@code error}. */
    MALFORMED
  }

  /**
   * Creates the exception {@code OAuthService.exchange} throws for a rejected callback; public so that tests of a
   * callback handler can create the same one.
   *
   * @param reason why the callback was rejected; it also picks the message
   */
  public OAuthCallbackException(Reason reason) {
    super(message(reason));
    this.reason = reason;
  }

  private static String message(Reason reason) {
    String what = switch (reason) {
      case STATE_MISSING ->
        "The callback carries no state parameter, so it cannot be matched to the authorization request"
            + " (possibly forged, or a bookmarked callback URL)";
      case STATE_MISMATCH ->
        "The callback's state does not match the authorization request (possibly forged, a stale browser"
            + " tab, or two authorizations crossing in one session)";
      case CODE_MISSING -> "The callback carries neither a code nor an error parameter";
      case MALFORMED ->
        "The callback's query is malformed or repeats its state, code or error parameter";
    };
    return what + ". Nothing was exchanged; start a new authorization";
  }

  /**
   * Why the callback was rejected.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }
}

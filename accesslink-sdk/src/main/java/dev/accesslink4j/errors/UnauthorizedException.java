package dev.accesslink4j.errors;

/**
 * HTTP 401: the credential was refused. For user data the access token was revoked or expired (the user or you de-registered, or the user withdrew access): link the user again. For client calls the client id or secret is wrong.
 */
public class UnauthorizedException extends ServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from a parsed error response.
   *
   * @param details what the response said
   */
  public UnauthorizedException(ErrorDetails details) {
    super(
        details,
        "The access token was revoked or expired: link the user again (for client calls: check the client id and secret)");
  }
}

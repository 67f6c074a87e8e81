package dev.accesslink4j.errors;

/**
 * HTTP 403: the user has not accepted all of Polar's mandatory consents. The token is still valid; the user fixes this at account.polar.com.
 */
public class ConsentRequiredException extends ServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from a parsed error response.
   *
   * @param details what the response said
   */
  public ConsentRequiredException(ErrorDetails details) {
    super(details, "The user must accept Polar's mandatory consents at https://account.polar.com");
  }
}

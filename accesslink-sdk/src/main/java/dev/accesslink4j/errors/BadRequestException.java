package dev.accesslink4j.errors;

/**
 * HTTP 400: AccessLink rejected the request, typically a malformed date or a date or range outside the allowed window.
 */
public class BadRequestException extends ServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from a parsed error response.
   *
   * @param details what the response said
   */
  public BadRequestException(ErrorDetails details) {
    super(details, "Check the dates and ranges: most data is kept 28 days, some 365");
  }
}

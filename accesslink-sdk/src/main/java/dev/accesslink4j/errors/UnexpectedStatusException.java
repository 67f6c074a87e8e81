package dev.accesslink4j.errors;

/**
 * An error status that AccessLink does not document for this operation (for example 405 or 418).
 */
public class UnexpectedStatusException extends ServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from a parsed error response.
   *
   * @param details what the response said
   */
  public UnexpectedStatusException(ErrorDetails details) {
    super(details, "");
  }
}

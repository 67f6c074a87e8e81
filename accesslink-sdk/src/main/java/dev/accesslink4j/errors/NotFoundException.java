package dev.accesslink4j.errors;

/**
 * HTTP 404 where it means a missing resource (an unknown id, a transaction that is gone). Endpoints that use 404 for "no data" return an empty result instead of throwing this.
 */
public class NotFoundException extends ServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from a parsed error response.
   *
   * @param details what the response said
   */
  public NotFoundException(ErrorDetails details) {
    super(details, "The resource does not exist (or no longer exists)");
  }
}

package dev.accesslink4j.errors;

/**
 * HTTP 409: the resource already exists, for example the user is already registered to this client (or the member id is taken), or a webhook already exists.
 */
public class ConflictException extends ServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from a parsed error response.
   *
   * @param details what the response said
   */
  public ConflictException(ErrorDetails details) {
    super(details, "The resource already exists");
  }
}

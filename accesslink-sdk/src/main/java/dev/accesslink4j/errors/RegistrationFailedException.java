package dev.accesslink4j.errors;

/**
 * Registering the user did not link them to this client: AccessLink answered {@code 204} ("user not found") to the
 * registration, or it answered {@code 409} and the user turned out not to be registered, which means the member id
 * is already taken by another user of this client. {@link #status()} tells which.
 */
public class RegistrationFailedException extends ServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param details what the response said
   * @param hint what the caller can do about it
   */
  public RegistrationFailedException(ErrorDetails details, String hint) {
    super(details, hint);
  }
}

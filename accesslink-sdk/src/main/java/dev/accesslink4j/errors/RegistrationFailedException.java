package dev.accesslink4j.errors;

import org.jspecify.annotations.Nullable;

/**
 * Registering the user did not link them to this client, although AccessLink answered without an error status for
 * it: either it answered {@code 204} to the registration (documented as "user not found": send the user through
 * authorization again and register with the new token), or it answered {@code 409} and reading the user showed they
 * are not registered, which means the member id is already taken by another user of this client (register with
 * another member id). {@link #status()} tells which; for the 409 the cause is the {@link ConflictException}, with
 * Polar's error details. Nothing was registered.
 *
 * <p>Not a {@link ServiceException}: a 204 is a success status, and the 409 alone would have been a
 * {@link ConflictException}; what failed is the registration, as the SDK concluded from the answers.
 */
public class RegistrationFailedException extends AccessLinkException {
  private static final long serialVersionUID = 1L;
  private final int status;

  /**
   * Creates the exception {@code UsersService} throws; public so that tests can create the same one.
   *
   * @param message what was answered and what to do
   * @param status the status of the registration's answer: 204 or 409
   * @param cause the {@link ConflictException} for a 409, or null
   */
  public RegistrationFailedException(String message, int status, @Nullable Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /**
   * The status AccessLink answered the registration with.
   *
   * @return 204 (user not found) or 409 (the member id is taken by another user)
   */
  public int status() {
    return status;
  }
}

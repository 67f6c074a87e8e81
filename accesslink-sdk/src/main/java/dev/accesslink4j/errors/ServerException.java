package dev.accesslink4j.errors;

import dev.accesslink4j.RetryPolicy;

/**
 * HTTP 5xx: AccessLink failed. Idempotent reads were retried by the {@link RetryPolicy} before this was thrown.
 */
public class ServerException extends ServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from a parsed error response.
   *
   * @param details what the response said
   */
  public ServerException(ErrorDetails details) {
    super(details, "AccessLink failed on its side; try again later");
  }
}

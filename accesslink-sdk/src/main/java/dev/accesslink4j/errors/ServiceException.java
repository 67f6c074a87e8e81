package dev.accesslink4j.errors;

import dev.accesslink4j.RateLimit;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * AccessLink answered a request with an error status. Subclasses name the statuses you can act on; the fields carry
 * what Polar said (its error type, message and correlation id) and the rate-limit state of the response.
 */
public class ServiceException extends AccessLinkException {
  private static final long serialVersionUID = 1L;
  private final ErrorDetails details;

  /**
   * Creates an exception from a parsed error response.
   *
   * @param details what the response said
   * @param hint what the caller can do about it, or an empty string
   */
  public ServiceException(ErrorDetails details, String hint) {
    super(details.describe(hint));
    this.details = details;
  }

  /**
   * The HTTP status code.
   *
   * @return the status
   */
  public int status() {
    return details.status();
  }

  /**
   * The HTTP method of the failed request.
   *
   * @return for example {@code GET}
   */
  public String method() {
    return details.method();
  }

  /**
   * The path of the failed request, without query string.
   *
   * @return for example {@code /v3/users/sleep/2025-01-01}
   */
  public String path() {
    return details.path();
  }

  /**
   * Polar's error type, when the body carried one.
   *
   * @return for example {@code NOT_FOUND}
   */
  public Optional<String> errorType() {
    return Optional.ofNullable(details.errorType());
  }

  /**
   * Polar's human-readable message, when the body carried one.
   *
   * @return the message
   */
  public Optional<String> polarMessage() {
    return Optional.ofNullable(details.polarMessage());
  }

  /**
   * Polar's correlation id, to quote when asking Polar for help.
   *
   * @return the id, when the body carried one
   */
  public Optional<String> correlationId() {
    return Optional.ofNullable(details.correlationId());
  }

  /**
   * The rate-limit state the response reported.
   *
   * @return the state, when the response carried the {@code RateLimit-*} headers
   */
  public Optional<RateLimit> rateLimit() {
    return Optional.ofNullable(details.rateLimit());
  }

  /**
   * The start of the error body (at most 512 characters), redacted.
   *
   * @return the snippet, empty when there was no body
   */
  public String bodySnippet() {
    return details.bodySnippet();
  }

  /**
   * What an error response said, gathered once and shared by every {@link ServiceException}.
   *
   * @param status the HTTP status
   * @param method the request method
   * @param path the request path without query
   * @param errorType Polar's error type, if any
   * @param polarMessage Polar's message, if any
   * @param correlationId Polar's correlation id, if any
   * @param rateLimit the rate-limit headers, if any
   * @param bodySnippet the redacted start of the body
   */
  public record ErrorDetails(
      int status,
      String method,
      String path,
      @Nullable String errorType,
      @Nullable String polarMessage,
      @Nullable String correlationId,
      @Nullable RateLimit rateLimit,
      String bodySnippet) {

    String describe(String hint) {
      StringBuilder sb = new StringBuilder();
      sb.append(method).append(' ').append(path).append(" failed with HTTP ").append(status);
      if (errorType != null) {
        sb.append(" (").append(errorType).append(')');
      }
      if (polarMessage != null && !polarMessage.isBlank()) {
        sb.append(": ").append(polarMessage);
      }
      if (correlationId != null) {
        sb.append(" [corr_id ").append(correlationId).append(']');
      }
      if (!hint.isEmpty()) {
        sb.append(". ").append(hint);
      }
      return sb.toString();
    }
  }
}

package dev.accesslink4j.errors;

import dev.accesslink4j.RateLimit;
import java.util.Objects;
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
    return details.errorType();
  }

  /**
   * Polar's human-readable message, when the body carried one.
   *
   * @return the message
   */
  public Optional<String> polarMessage() {
    return details.polarMessage();
  }

  /**
   * Polar's correlation id, to quote when asking Polar for help.
   *
   * @return the id, when the body carried one
   */
  public Optional<String> correlationId() {
    return details.correlationId();
  }

  /**
   * The rate-limit state the response reported.
   *
   * @return the state, when the response carried the {@code RateLimit-*} headers
   */
  public Optional<RateLimit> rateLimit() {
    return details.rateLimit();
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
   * Everything this exception knows about the error response, as one value: to wrap it, log it or build another
   * exception from it.
   *
   * @return the details
   */
  public ErrorDetails details() {
    return details;
  }

  /**
   * What an error response said, gathered once and shared by every {@link ServiceException}: the status, the
   * request's method and path, and whatever the body and headers told (Polar's error type, message and correlation
   * id, the rate-limit state, the redacted start of the body). Built one way, by the SDK and by tests alike:
   * {@link #of(int, String, String)} and a {@code with…} call for each value the response carried.
   *
   * <pre>{@code
   * ErrorDetails details = ErrorDetails.of(404, "GET", "/v3/exercises/abc").withErrorType("NOT_FOUND");
   * throw new NotFoundException(details);
   * }</pre>
   *
   * <p>Immutable. Text is kept printable: characters a terminal would act on (C0 and C1 controls, DEL, bidirectional
   * formatting) are replaced by visible escapes such as <code>&#92;u001B</code> when the value is made, so neither
   * an accessor nor the exception's message hands raw control characters from AccessLink to a log.
   */
  public static final class ErrorDetails {
    private final int status;
    private final String method;
    private final String path;
    private final @Nullable String errorType;
    private final @Nullable String polarMessage;
    private final @Nullable String correlationId;
    private final @Nullable RateLimit rateLimit;
    private final String bodySnippet;

    private ErrorDetails(
        int status,
        String method,
        String path,
        @Nullable String errorType,
        @Nullable String polarMessage,
        @Nullable String correlationId,
        @Nullable RateLimit rateLimit,
        String bodySnippet) {
      this.status = status;
      this.method = PrintableText.escape(Objects.requireNonNull(method, "method"));
      this.path = PrintableText.escape(Objects.requireNonNull(path, "path"));
      this.errorType = PrintableText.escapeOrNull(errorType);
      this.polarMessage = PrintableText.escapeOrNull(polarMessage);
      this.correlationId = PrintableText.escapeOrNull(correlationId);
      this.rateLimit = rateLimit;
      this.bodySnippet = PrintableText.escape(Objects.requireNonNull(bodySnippet, "bodySnippet"));
    }

    /**
     * The details of an answer that said nothing beyond its status: no error type, message or correlation id, no
     * rate-limit headers, no body. Add what it did say with the {@code with…} methods.
     *
     * @param status the HTTP status
     * @param method the request method, for example {@code GET}
     * @param path the request path without query, for example {@code /v3/users/42}
     * @return the details
     */
    public static ErrorDetails of(int status, String method, String path) {
      return new ErrorDetails(status, method, path, null, null, null, null, "");
    }

    /**
     * A copy with Polar's error type.
     *
     * @param errorType for example {@code NOT_FOUND}, or null for none
     * @return the copy
     */
    public ErrorDetails withErrorType(@Nullable String errorType) {
      return new ErrorDetails(
          status, method, path, errorType, polarMessage, correlationId, rateLimit, bodySnippet);
    }

    /**
     * A copy with Polar's human-readable message.
     *
     * @param polarMessage the message, or null for none
     * @return the copy
     */
    public ErrorDetails withPolarMessage(@Nullable String polarMessage) {
      return new ErrorDetails(
          status, method, path, errorType, polarMessage, correlationId, rateLimit, bodySnippet);
    }

    /**
     * A copy with Polar's correlation id.
     *
     * @param correlationId the id, or null for none
     * @return the copy
     */
    public ErrorDetails withCorrelationId(@Nullable String correlationId) {
      return new ErrorDetails(
          status, method, path, errorType, polarMessage, correlationId, rateLimit, bodySnippet);
    }

    /**
     * A copy with the rate-limit state the response reported.
     *
     * @param rateLimit the state, or null when the response carried no {@code RateLimit-*} headers
     * @return the copy
     */
    public ErrorDetails withRateLimit(@Nullable RateLimit rateLimit) {
      return new ErrorDetails(
          status, method, path, errorType, polarMessage, correlationId, rateLimit, bodySnippet);
    }

    /**
     * A copy with the start of the body.
     *
     * @param bodySnippet the start of the body, already redacted and truncated (the SDK keeps at most 512
     *     characters); empty for none
     * @return the copy
     */
    public ErrorDetails withBodySnippet(String bodySnippet) {
      return new ErrorDetails(
          status, method, path, errorType, polarMessage, correlationId, rateLimit, bodySnippet);
    }

    /**
     * The HTTP status.
     *
     * @return the status
     */
    public int status() {
      return status;
    }

    /**
     * The request method.
     *
     * @return for example {@code GET}
     */
    public String method() {
      return method;
    }

    /**
     * The request path, without query.
     *
     * @return for example {@code /v3/users/42}
     */
    public String path() {
      return path;
    }

    /**
     * Polar's error type.
     *
     * @return the type, when the body carried one
     */
    public Optional<String> errorType() {
      return Optional.ofNullable(errorType);
    }

    /**
     * Polar's human-readable message.
     *
     * @return the message, when the body carried one
     */
    public Optional<String> polarMessage() {
      return Optional.ofNullable(polarMessage);
    }

    /**
     * Polar's correlation id.
     *
     * @return the id, when the body carried one
     */
    public Optional<String> correlationId() {
      return Optional.ofNullable(correlationId);
    }

    /**
     * The rate-limit state the response reported.
     *
     * @return the state, when the response carried the {@code RateLimit-*} headers
     */
    public Optional<RateLimit> rateLimit() {
      return Optional.ofNullable(rateLimit);
    }

    /**
     * The redacted start of the body.
     *
     * @return the snippet, empty when there was no body
     */
    public String bodySnippet() {
      return bodySnippet;
    }

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

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof ErrorDetails d
          && status == d.status
          && method.equals(d.method)
          && path.equals(d.path)
          && Objects.equals(errorType, d.errorType)
          && Objects.equals(polarMessage, d.polarMessage)
          && Objects.equals(correlationId, d.correlationId)
          && Objects.equals(rateLimit, d.rateLimit)
          && bodySnippet.equals(d.bodySnippet);
    }

    @Override
    public int hashCode() {
      return Objects.hash(
          status, method, path, errorType, polarMessage, correlationId, rateLimit, bodySnippet);
    }

    /**
     * The details for a log line; the body snippet is left out (it is redacted, but long).
     *
     * @return for example {@code ErrorDetails[404 GET /v3/users/42, errorType=NOT_FOUND, corrId=c0ffee]}
     */
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("ErrorDetails[")
          .append(status)
          .append(' ')
          .append(method)
          .append(' ')
          .append(path);
      if (errorType != null) {
        sb.append(", errorType=").append(errorType);
      }
      if (correlationId != null) {
        sb.append(", corrId=").append(correlationId);
      }
      return sb.append(']').toString();
    }
  }
}

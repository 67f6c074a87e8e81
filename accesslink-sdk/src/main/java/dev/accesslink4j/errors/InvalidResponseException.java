package dev.accesslink4j.errors;

import org.jspecify.annotations.Nullable;

/**
 * AccessLink answered, but the body could not be understood: malformed JSON, an HTML page where JSON was expected, an
 * empty body where data was promised (or a 2xx such as 204 without the file a download asked for), or a body cut
 * short; or a downloaded FIT, TCX or GPX file failed its check (cut short of its declared size, a wrong CRC, XML that
 * is not well-formed), with a message naming the file kind and the defect. The status and the start of the body are
 * kept for diagnosis (with any credential-looking values redacted; empty for a file download, whose body went to its
 * destination); nothing was handed to your code as data and nothing was committed.
 */
public class InvalidResponseException extends AccessLinkException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String bodySnippet;

  /**
   * Creates an exception for a response that could not be parsed.
   *
   * @param message what was being parsed and why it failed
   * @param status the HTTP status of the response
   * @param bodySnippet the start of the body, redacted and truncated; empty for none
   * @param cause the parse failure, or null
   */
  public InvalidResponseException(
      String message, int status, String bodySnippet, @Nullable Throwable cause) {
    super(message, cause);
    this.status = status;
    this.bodySnippet = PrintableText.escape(bodySnippet);
  }

  /**
   * The HTTP status of the unparseable response.
   *
   * @return the status code
   */
  public int status() {
    return status;
  }

  /**
   * The start of the response body (at most 512 characters of it), with token, secret and key values redacted and
   * control characters shown as escapes.
   *
   * @return the snippet, empty when the body was empty
   */
  public String bodySnippet() {
    return bodySnippet;
  }
}

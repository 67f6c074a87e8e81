package dev.accesslink4j.examples.receiver;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An answer for a {@link ReceiverServer} to send: status, content type, body, extra headers, and what to do once it
 * was sent. Immutable: {@link #header} and {@link #then} return new replies.
 */
public final class Reply {
  private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

  private final int status;
  private final String contentType;
  private final byte[] body;
  private final Map<String, String> headers;
  private final Runnable afterSent;

  private Reply(
      int status,
      String contentType,
      byte[] body,
      Map<String, String> headers,
      Runnable afterSent) {
    if (status < 200 || status > 599) {
      throw new IllegalArgumentException("not a final HTTP status: " + status);
    }
    this.status = status;
    this.contentType = checked(contentType);
    this.body = body;
    this.headers = headers;
    this.afterSent = afterSent;
  }

  /**
   * A plain-text reply: the text and a line feed, in UTF-8.
   *
   * @param status the HTTP status
   * @param text the text; never anything from the request
   * @return the reply
   */
  public static Reply text(int status, String text) {
    return new Reply(
        status,
        "text/plain; charset=utf-8",
        (text + "\n").getBytes(StandardCharsets.UTF_8),
        Map.of(),
        () -> {});
  }

  /**
   * An HTML reply in UTF-8.
   *
   * @param status the HTTP status
   * @param html the page, already escaped
   * @return the reply
   */
  public static Reply html(int status, String html) {
    return new Reply(
        status,
        "text/html; charset=utf-8",
        html.getBytes(StandardCharsets.UTF_8),
        Map.of(),
        () -> {});
  }

  /**
   * This reply with one more header.
   *
   * @param name the header name; a token
   * @param value the value; no line breaks
   * @return the new reply
   */
  public Reply header(String name, String value) {
    if (!isToken(name)) {
      throw new IllegalArgumentException("not a header name: " + name);
    }
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, checked(value));
    return new Reply(status, contentType, body, Map.copyOf(more), afterSent);
  }

  /**
   * This reply, running an action once it was sent (or sending it failed). A command that stops its server as soon
   * as it has its result must learn of the result only then, or the client would see a dropped connection.
   *
   * @param afterSent the action; runs on a server thread once the answer was written
   * @return the new reply
   */
  public Reply then(Runnable afterSent) {
    Objects.requireNonNull(afterSent, "afterSent");
    Runnable before = this.afterSent;
    return new Reply(status, contentType, body, headers, () -> {
      before.run();
      afterSent.run();
    });
  }

  /**
   * The status.
   *
   * @return the HTTP status
   */
  public int status() {
    return status;
  }

  /**
   * The content type.
   *
   * @return for example {@code text/plain; charset=utf-8}
   */
  public String contentType() {
    return contentType;
  }

  /**
   * The body.
   *
   * @return a copy of the bytes
   */
  public byte[] body() {
    return body.clone();
  }

  /**
   * The extra headers.
   *
   * @return the headers by name
   */
  public Map<String, String> headers() {
    return headers;
  }

  Runnable afterSent() {
    return afterSent;
  }

  byte[] bodyBytes() {
    return body;
  }

  /** Whether a header name is an RFC 9110 token. */
  private static boolean isToken(String name) {
    return !name.isEmpty()
        && name.chars()
            .allMatch(
                c -> c < 0x7F && (Character.isLetterOrDigit(c) || TOKEN_SYMBOLS.indexOf(c) >= 0));
  }

  private static String checked(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7F || c > 0xFF) {
        throw new IllegalArgumentException("a header value must be one line of ISO-8859-1 text");
      }
    }
    return value;
  }

  @Override
  public String toString() {
    return "Reply[" + status + ", " + body.length + " bytes]";
  }
}

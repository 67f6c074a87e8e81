package dev.accesslink4j.examples.receiver;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The few HTTP/1.1 facts the server needs: reason phrases, token characters, writing a reply. */
final class Http {
  private static final Map<Integer, String> REASONS =
      Map.ofEntries(
          Map.entry(200, "OK"),
          Map.entry(400, "Bad Request"),
          Map.entry(401, "Unauthorized"),
          Map.entry(403, "Forbidden"),
          Map.entry(404, "Not Found"),
          Map.entry(405, "Method Not Allowed"),
          Map.entry(408, "Request Timeout"),
          Map.entry(409, "Conflict"),
          Map.entry(413, "Content Too Large"),
          Map.entry(414, "URI Too Long"),
          Map.entry(417, "Expectation Failed"),
          Map.entry(431, "Request Header Fields Too Large"),
          Map.entry(500, "Internal Server Error"),
          Map.entry(501, "Not Implemented"),
          Map.entry(503, "Service Unavailable"),
          Map.entry(505, "HTTP Version Not Supported"));

  private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

  private Http() {}

  static String reason(int status) {
    return REASONS.getOrDefault(status, "Status " + status);
  }

  /** Whether a string is an RFC 9110 token: a method or a header name. */
  static boolean isToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || TOKEN_SYMBOLS.indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Writes a complete reply with {@code Content-Length} and {@code Connection: close}, and flushes it. */
  static void write(OutputStream out, Reply reply) throws IOException {
    byte[] body = reply.bodyBytes();
    StringBuilder head =
        new StringBuilder(256)
            .append("HTTP/1.1 ").append(reply.status()).append(' ').append(reason(reply.status())).append("\r\n")
            .append("Content-Type: ").append(reply.contentType()).append("\r\n")
            .append("Content-Length: ").append(body.length).append("\r\n")
            .append("Connection: close\r\n");
    reply.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
  }

  /** A request the server answers itself, with a fixed text that never quotes the request. */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    Failure(int status, String text) {
      super(text, null, false, false);
      this.status = status;
    }

    int status() {
      return status;
    }

    Reply reply() {
      return Reply.text(status, getMessage());
    }
  }
}

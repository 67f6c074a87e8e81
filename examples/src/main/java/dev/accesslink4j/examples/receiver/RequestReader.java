package dev.accesslink4j.examples.receiver;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one HTTP/1.x request (RFC 9112) strictly: origin-form targets only, no folded headers, a body by
 * {@code Content-Length} or {@code Transfer-Encoding: chunked} (never both), within the size limits. Anything it
 * cannot read safely is an {@link Http.Failure} with the status to answer.
 */
final class RequestReader {
  private static final int MAX_HEADERS = 100;
  private static final int MAX_CHUNK_LINE = 1024;
  private static final int MAX_LEADING_EMPTY_LINES = 4;

  private final DeadlineInput in;
  private final OutputStream out;
  private final ReceiverLimits limits;
  private int headerBudget;

  RequestReader(DeadlineInput in, OutputStream out, ReceiverLimits limits) {
    this.in = in;
    this.out = out;
    this.limits = limits;
    this.headerBudget = limits.maxHeaderBytes();
  }

  /**
   * Reads the request.
   *
   * @throws Http.Failure for a request to answer with an error status
   * @throws IOException when the connection broke, or the deadline passed ({@link java.net.SocketTimeoutException})
   */
  ReceivedRequest read(InetSocketAddress remote) throws IOException, Http.Failure {
    String requestLine = line(414, "request line too long");
    for (int i = 0; requestLine.isEmpty() && i < MAX_LEADING_EMPTY_LINES; i++) {
      requestLine = line(414, "request line too long"); // RFC 9112 2.2: empty lines before a request are ignored
    }
    String[] parts = requestLine.split(" ", -1);
    if (parts.length != 3 || !Http.isToken(parts[0])) {
      throw new Http.Failure(400, "malformed request line");
    }
    String version = parts[2];
    if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
      throw version.startsWith("HTTP/")
          ? new Http.Failure(505, "only HTTP/1.1")
          : new Http.Failure(400, "malformed request line");
    }
    URI uri = target(parts[1]);
    Map<String, List<String>> headers = headers();
    byte[] body = body(headers);
    return new ReceivedRequest(parts[0], uri, headers, body, remote);
  }

  private static URI target(String target) throws Http.Failure {
    if (!target.startsWith("/")) {
      throw new Http.Failure(400, "the request target must be a path");
    }
    try {
      return new URI(target);
    } catch (URISyntaxException e) {
      throw new Http.Failure(400, "malformed request target");
    }
  }

  private Map<String, List<String>> headers() throws IOException, Http.Failure {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    int count = 0;
    while (true) {
      String line = line(431, "headers too large");
      if (line.isEmpty()) {
        return headers;
      }
      if (++count > MAX_HEADERS) {
        throw new Http.Failure(431, "too many headers");
      }
      if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
        throw new Http.Failure(400, "folded headers are not accepted");
      }
      int colon = line.indexOf(':');
      String name = colon < 0 ? "" : line.substring(0, colon);
      if (!Http.isToken(name)) {
        throw new Http.Failure(400, "malformed header");
      }
      String value = line.substring(colon + 1).strip();
      headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
    }
  }

  private byte[] body(Map<String, List<String>> headers) throws IOException, Http.Failure {
    List<String> encodings = headers.get("transfer-encoding");
    List<String> lengths = headers.get("content-length");
    if (encodings != null && lengths != null) {
      throw new Http.Failure(400, "both Content-Length and Transfer-Encoding");
    }
    boolean chunked = false;
    long length = 0;
    if (encodings != null) {
      if (encodings.size() != 1 || !encodings.get(0).equalsIgnoreCase("chunked")) {
        throw new Http.Failure(501, "only the chunked transfer coding");
      }
      chunked = true;
    } else if (lengths != null) {
      length = contentLength(lengths);
      if (length > limits.maxBodyBytes()) {
        throw new Http.Failure(413, "body too large");
      }
    }
    List<String> expect = headers.get("expect");
    if (expect != null) {
      if (expect.size() != 1 || !expect.get(0).equalsIgnoreCase("100-continue")) {
        throw new Http.Failure(417, "only Expect: 100-continue");
      }
      if (chunked || length > 0) {
        out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      }
    }
    return chunked ? chunkedBody() : exactly((int) length);
  }

  private static long contentLength(List<String> values) throws Http.Failure {
    String first = null;
    for (String value : values) {
      for (String part : value.split(",", -1)) {
        String digits = part.strip();
        if (!digits.matches("[0-9]{1,12}") || (first != null && !first.equals(digits))) {
          throw new Http.Failure(400, "malformed Content-Length");
        }
        first = digits;
      }
    }
    return Long.parseLong(first == null ? "0" : first);
  }

  private byte[] chunkedBody() throws IOException, Http.Failure {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = chunkLine();
      int semicolon = sizeLine.indexOf(';');
      String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip();
      if (!hex.matches("[0-9A-Fa-f]{1,8}")) {
        throw new Http.Failure(400, "malformed chunk size");
      }
      long size = Long.parseLong(hex, 16);
      if (size == 0) {
        while (!line(431, "trailers too large").isEmpty()) {
          // trailer fields are read (within the header budget) and ignored
        }
        return body.toByteArray();
      }
      if (body.size() + size > limits.maxBodyBytes()) {
        throw new Http.Failure(413, "body too large");
      }
      body.write(exactly((int) size));
      if (!chunkLine().isEmpty()) {
        throw new Http.Failure(400, "malformed chunk");
      }
    }
  }

  private byte[] exactly(int n) throws IOException {
    byte[] bytes = in.readNBytes(n);
    if (bytes.length < n) {
      throw new EOFException("the client closed the connection inside the body");
    }
    return bytes;
  }

  /** A line of the chunked framing, with its own small cap. */
  private String chunkLine() throws IOException, Http.Failure {
    int saved = headerBudget;
    headerBudget = MAX_CHUNK_LINE;
    try {
      return line(400, "malformed chunk");
    } finally {
      headerBudget = saved;
    }
  }

  /**
   * Reads one line ending in CRLF (or a bare LF, RFC 9112 2.2) as ISO-8859-1, charging it to the header budget.
   *
   * @param status the status to answer when the budget runs out
   */
  private String line(int status, String tooLong) throws IOException, Http.Failure {
    StringBuilder line = new StringBuilder(64);
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("the client closed the connection inside the headers");
      }
      if (--headerBudget < 0) {
        throw new Http.Failure(status, tooLong);
      }
      if (b == '\n') {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
          line.setLength(end - 1);
        }
        if (line.indexOf("\r") >= 0 || line.indexOf("\0") >= 0) {
          throw new Http.Failure(400, "stray control characters");
        }
        return line.toString();
      }
      line.append((char) b);
    }
  }
}

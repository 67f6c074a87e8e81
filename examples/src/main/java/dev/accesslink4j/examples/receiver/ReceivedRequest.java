package dev.accesslink4j.examples.receiver;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One complete HTTP request as a {@link ReceiverServer} read it: method, target, headers and the whole body, all
 * received within the deadline. Immutable.
 */
public final class ReceivedRequest {
  private final String method;
  private final URI uri;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final InetSocketAddress remoteAddress;

  ReceivedRequest(
      String method,
      URI uri,
      Map<String, List<String>> headers,
      byte[] body,
      InetSocketAddress remoteAddress) {
    this.method = method;
    this.uri = uri;
    this.headers = Map.copyOf(headers);
    this.body = body.clone();
    this.remoteAddress = remoteAddress;
  }

  /**
   * The method.
   *
   * @return for example {@code POST}
   */
  public String method() {
    return method;
  }

  /**
   * The request target's path and query, exactly as received (still percent-encoded).
   *
   * @return for example {@code /oauth2_callback?code=…&state=…}
   */
  public URI uri() {
    return uri;
  }

  /**
   * The first value of a header.
   *
   * @param name the header name, in any case
   * @return the value without surrounding blanks, or null when the request has no such header
   */
  public @Nullable String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /**
   * The body, de-chunked if it was sent chunked.
   *
   * @return a copy of the bytes; empty when there was none
   */
  public byte[] body() {
    return body.clone();
  }

  /**
   * Where the request came from.
   *
   * @return the client's address and port
   */
  public InetSocketAddress remoteAddress() {
    return remoteAddress;
  }

  @Override
  public String toString() {
    return "ReceivedRequest[" + method + " " + uri.getRawPath() + ", " + body.length + " bytes]";
  }
}

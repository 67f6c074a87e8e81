package dev.accesslink4j.testkit.internal;

import com.google.gson.JsonElement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/** A response before it becomes a {@code MockResponse}, so faults can rewrite it. */
public final class Reply {
  /** The JSON content type. */
  public static final String JSON = "application/json;charset=UTF-8";

  /** The HTTP status. */
  public final int status;
  /** Extra headers, name and value. */
  public final List<String[]> headers = new ArrayList<>();
  /** The body (faults may replace it). */
  public byte[] body;
  /** The content type, or null without a body. */
  public @Nullable String contentType;

  Reply(int status, byte[] body, @Nullable String contentType) {
    this.status = status;
    this.body = body;
    this.contentType = contentType;
  }

  /** A JSON body. */
  public static Reply json(int status, JsonElement body) {
    return new Reply(status, Json.write(body).getBytes(StandardCharsets.UTF_8), JSON);
  }

  /** No body (204, 302, and Polar's bodiless 200s). */
  public static Reply empty(int status) {
    return new Reply(status, new byte[0], null);
  }

  /** Raw bytes with a content type. */
  public static Reply bytes(int status, byte[] body, String contentType) {
    return new Reply(status, body, contentType);
  }

  /** Adds a header. */
  public Reply header(String name, String value) {
    headers.add(new String[] {name, value});
    return this;
  }

  /** Whether the body is JSON. */
  public boolean isJson() {
    return contentType != null && contentType.startsWith("application/json");
  }

  /** The response: the status line with its standard reason phrase, the headers, the content type and the body. */
  MockResponse.Builder toMock() {
    MockResponse.Builder b = new MockResponse.Builder().status(ReasonPhrases.statusLine(status));
    for (String[] h : headers) {
      b.addHeader(h[0], h[1]);
    }
    if (contentType != null) {
      b.setHeader("Content-Type", contentType);
    }
    if (body.length > 0) {
      b.body(new Buffer().write(body));
    }
    return b;
  }
}

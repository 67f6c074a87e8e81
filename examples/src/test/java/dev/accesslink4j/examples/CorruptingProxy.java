package dev.accesslink4j.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.internal.http.HttpMethod;
import okio.Buffer;

/**
 * A loopback proxy in front of the testkit's fake that flips one byte in the middle of the next body whose path
 * matches, as a faulty disk or network card between Polar and us would: a complete HTTP message with a damaged
 * file, which the fake's own faults (cut, drop, delay) do not produce. Absolute URLs in JSON bodies are rewritten to
 * point at the proxy, so the client talks to the proxy only.
 */
final class CorruptingProxy implements AutoCloseable {
  private final MockWebServer server = new MockWebServer();
  private final OkHttpClient client = new OkHttpClient.Builder().followRedirects(false).build();
  private final String upstream;
  private final Pattern path;
  private final AtomicInteger armed = new AtomicInteger();
  private final AtomicInteger corrupted = new AtomicInteger();

  private CorruptingProxy(String upstream, String pathRegex) {
    this.upstream = upstream.endsWith("/") ? upstream : upstream + "/";
    this.path = Pattern.compile(pathRegex);
  }

  /** Starts a proxy to {@code upstream} that corrupts bodies of paths matching {@code pathRegex} when armed. */
  static CorruptingProxy start(String upstream, String pathRegex) throws IOException {
    CorruptingProxy proxy = new CorruptingProxy(upstream, pathRegex);
    proxy.server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return proxy.forward(request);
          }
        });
    proxy.server.start();
    return proxy;
  }

  /** The proxy's base URL, to use as the API URL. */
  String baseUrl() {
    return server.url("/").toString();
  }

  /** Corrupts the next matching body. */
  void corruptNext() {
    armed.incrementAndGet();
  }

  /** How many bodies were corrupted so far. */
  int corrupted() {
    return corrupted.get();
  }

  private MockResponse forward(RecordedRequest request) {
    Headers.Builder headers = new Headers.Builder();
    for (int i = 0; i < request.getHeaders().size(); i++) {
      String name = request.getHeaders().name(i);
      if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")
          && !name.equalsIgnoreCase("Connection") && !name.equalsIgnoreCase("Accept-Encoding")) {
        headers.add(name, request.getHeaders().value(i));
      }
    }
    String contentType = request.getHeaders().get("Content-Type");
    RequestBody body =
        HttpMethod.permitsRequestBody(request.getMethod())
            ? RequestBody.create(
                request.getBody() == null ? new byte[0] : request.getBody().toByteArray(),
                contentType == null ? null : MediaType.parse(contentType))
            : null;
    Request upstreamRequest =
        new Request.Builder()
            .url(upstream + request.getTarget().substring(1))
            .headers(headers.build())
            .method(request.getMethod(), body)
            .build();
    try (Response response = client.newCall(upstreamRequest).execute()) {
      byte[] bytes = response.body().bytes();
      String type = response.header("Content-Type", "");
      if (type.contains("json")) {
        bytes =
            new String(bytes, StandardCharsets.UTF_8)
                .replace(upstream, baseUrl())
                .getBytes(StandardCharsets.UTF_8);
      } else if (bytes.length > 0
          && path.matcher(request.getUrl().encodedPath()).matches()
          && armed.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        bytes[bytes.length / 2] = (byte) ~bytes[bytes.length / 2];
        corrupted.incrementAndGet();
      }
      MockResponse.Builder answer = new MockResponse.Builder().code(response.code());
      for (int i = 0; i < response.headers().size(); i++) {
        String name = response.headers().name(i);
        if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Transfer-Encoding")
            && !name.equalsIgnoreCase("Content-Encoding") && !name.equalsIgnoreCase("Connection")) {
          answer.addHeader(name, response.headers().value(i));
        }
      }
      return answer.body(new Buffer().write(bytes)).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.close();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}

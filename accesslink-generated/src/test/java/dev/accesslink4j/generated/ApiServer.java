package dev.accesslink4j.generated;

import com.google.gson.Gson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import retrofit2.Retrofit;
import retrofit2.converter.gson.GsonConverterFactory;

/**
 * A started MockWebServer and the generated Retrofit interfaces pointed at it, through a Retrofit with
 * {@link GsonConverterFactory} and {@link TestGson}. As a {@code @RegisterExtension} field it is new for every test
 * (so other fields may already call {@link #api}) and closed after it; dynamic tests, which share one lifecycle, use
 * {@code try (ApiServer server = new ApiServer())}.
 */
final class ApiServer implements AfterEachCallback, AutoCloseable {

  final Gson gson = TestGson.create();
  private final MockWebServer server = new MockWebServer();
  private final OkHttpClient client =
      new OkHttpClient.Builder().readTimeout(10, TimeUnit.SECONDS).build();

  ApiServer() {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
    server.close();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    close();
  }

  /** The interface with the AccessLink base URL ({@code /}) on the test server. */
  <T> T api(Class<T> type) {
    return api(type, "/");
  }

  /** The interface with a base URL of the given path on the test server ({@code /v2/} for the token endpoint). */
  <T> T api(Class<T> type, String basePath) {
    return new Retrofit.Builder()
        .baseUrl(server.url(basePath))
        .client(client)
        .addConverterFactory(GsonConverterFactory.create(gson))
        .build()
        .create(type);
  }

  ApiServer enqueueJson(int status, String json) {
    return enqueue(new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/json")
        .setHeader("RateLimit-Usage", "3, 40")
        .setHeader("RateLimit-Limit", "520, 5100")
        .setHeader("RateLimit-Reset", "600, 80000")
        .body(json)
        .build());
  }

  ApiServer enqueue(MockResponse response) {
    server.enqueue(response);
    return this;
  }

  /** The next request the server received; fails after 5 s without one. */
  RecordedRequest takeRequest() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    if (request == null) {
      throw new AssertionError("no request reached the server");
    }
    return request;
  }
}

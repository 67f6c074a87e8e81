package dev.accesslink4j.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.accesslink4j.RetryPolicy;
import dev.accesslink4j.Sleeper;
import java.time.Duration;
import java.util.Set;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import retrofit2.Retrofit;

/**
 * The one connection pool, Gson and {@link Transport} behind a client, and the Retrofit views that carry each
 * credential. Views share the pool and dispatcher of the base {@link OkHttpClient}.
 */
public final class HttpStack implements AutoCloseable {
  private final OkHttpClient base;
  private final boolean ownsClient;
  private final Gson gson;
  private final HttpUrl apiBase;
  private final HttpUrl tokenBase;
  private final Retrofit apiRetrofit;
  private final Transport transport;

  /**
   * Builds the stack.
   *
   * @param supplied an OkHttpClient to derive from, or null to create one
   * @param apiBase the AccessLink base URL
   * @param tokenBase the base URL the token endpoint path ({@code oauth2/token}) is resolved against
   * @param connectTimeout connect timeout for a created client
   * @param readTimeout read timeout for a created client
   * @param userAgent the User-Agent header value
   * @param policy the retry policy
   * @param sleeper how to wait between retries
   * @param logLoudly whether to log requests at INFO
   */
  public HttpStack(
      @Nullable OkHttpClient supplied,
      HttpUrl apiBase,
      HttpUrl tokenBase,
      Duration connectTimeout,
      Duration readTimeout,
      String userAgent,
      RetryPolicy policy,
      Sleeper sleeper,
      boolean logLoudly) {
    this.ownsClient = supplied == null;
    OkHttpClient.Builder builder =
        supplied == null
            ? new OkHttpClient.Builder()
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(readTimeout)
            : supplied.newBuilder();
    this.base =
        builder
            .addInterceptor(
                chain ->
                    chain.proceed(
                        chain.request().newBuilder().header("User-Agent", userAgent).build()))
            .addInterceptor(new LastStatus())
            .addInterceptor(new RequestLogger(logLoudly))
            .build();
    this.gson = JavaTimeAdapters.register(new GsonBuilder()).disableHtmlEscaping().create();
    this.apiBase = apiBase;
    this.tokenBase = tokenBase;
    this.apiRetrofit =
        new Retrofit.Builder()
            .baseUrl(apiBase)
            .client(base)
            .addConverterFactory(new JsonConverterFactory(gson))
            .build();
    this.transport = new Transport(policy, sleeper);
  }

  /**
   * The Gson that reads and writes the generated models.
   *
   * @return the configured Gson
   */
  public Gson gson() {
    return gson;
  }

  /**
   * The executor of calls.
   *
   * @return the transport
   */
  public Transport transport() {
    return transport;
  }

  /**
   * The AccessLink base URL.
   *
   * @return the URL
   */
  public HttpUrl apiBase() {
    return apiBase;
  }

  /**
   * A Retrofit on the API base URL that sends the user's bearer token.
   *
   * @param accessToken the raw token
   * @return a view sharing the connection pool
   */
  public Retrofit bearer(String accessToken) {
    return withAuthorization(apiRetrofit, "Bearer " + accessToken);
  }

  /**
   * A Retrofit on the API base URL that sends the client credentials (HTTP basic).
   *
   * @param clientId the client id
   * @param clientSecret the client secret
   * @return a view sharing the connection pool
   */
  public Retrofit basic(String clientId, String clientSecret) {
    return withAuthorization(apiRetrofit, Credentials.basic(clientId, clientSecret));
  }

  /**
   * A Retrofit on the token endpoint's base URL that sends the client credentials (HTTP basic).
   *
   * @param clientId the client id
   * @param clientSecret the client secret
   * @return a view sharing the connection pool
   */
  public Retrofit tokenEndpoint(String clientId, String clientSecret) {
    return withAuthorization(
        apiRetrofit.newBuilder().baseUrl(tokenBase).build(),
        Credentials.basic(clientId, clientSecret));
  }

  private Retrofit withAuthorization(Retrofit retrofit, String authorization) {
    OkHttpClient client =
        base.newBuilder()
            .addInterceptor(new CredentialInterceptor(authorization, Set.of(apiBase, tokenBase)))
            .build();
    return retrofit.newBuilder().client(client).build();
  }

  /** Releases the connection pool and dispatcher threads if this stack created the OkHttpClient. */
  @Override
  public void close() {
    if (ownsClient) {
      base.dispatcher().executorService().shutdown();
      base.connectionPool().evictAll();
    }
  }
}

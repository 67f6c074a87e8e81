package dev.accesslink4j.internal;

import com.google.gson.Gson;
import dev.accesslink4j.AccessLinkJson;
import dev.accesslink4j.RateBudget;
import dev.accesslink4j.RateLimit;
import dev.accesslink4j.RetryPolicy;
import dev.accesslink4j.Sleeper;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import retrofit2.Retrofit;

/**
 * The one connection pool, Gson and {@link Transport} behind a client, the Retrofit views that carry each credential,
 * and the executor of asynchronous calls. Views share the pool and dispatcher of the base {@link OkHttpClient}; each
 * credential is sent only to the origin it belongs to (the user token and the client credentials to the API base
 * URL, the token request's client credentials to the token endpoint). OkHttp's own redirect following is off: the
 * {@link RedirectGuard} follows a GET within its origin and refuses every other redirect.
 */
public final class HttpStack implements AutoCloseable {
  private final OkHttpClient base;
  private final RateLimitTracker rateLimits;
  private final boolean ownsClient;
  private final Gson gson;
  private final HttpUrl apiBase;
  private final HttpUrl tokenBase;
  private final Retrofit apiRetrofit;
  private final Transport transport;
  private final PartFiles partFiles = new PartFiles();
  private final Executor asyncExecutor;
  private final @Nullable ExecutorService ownedAsyncPool;

  /**
   * Builds the stack.
   *
   * @param supplied an OkHttpClient to derive from, or null to create one
   * @param apiBase the AccessLink base URL
   * @param tokenBase the base URL the token endpoint path ({@code oauth2/token}) is resolved against
   * @param connectTimeout connect timeout for a created client
   * @param readTimeout read timeout for a created client
   * @param callTimeout the budget of one non-streaming call, retries included; zero for none
   * @param downloadTimeout the budget of one download, body and retries included; zero for none
   * @param userAgent the User-Agent header value
   * @param policy the retry policy
   * @param sleeper how to wait between retries
   * @param logLoudly whether to log requests at INFO
   * @param asyncExecutor where asynchronous calls run, or null for a cached pool of daemon threads owned (and shut
   *     down) by this stack
   * @param rateLimitListener told about every rate-limit report, or null
   * @param rateBudget paces the requests to the API, or null for none
   * @param maxBudgetWait the longest short-window wait the rate budget sits out
   */
  public HttpStack(
      @Nullable OkHttpClient supplied,
      HttpUrl apiBase,
      HttpUrl tokenBase,
      Duration connectTimeout,
      Duration readTimeout,
      Duration callTimeout,
      Duration downloadTimeout,
      String userAgent,
      RetryPolicy policy,
      Sleeper sleeper,
      boolean logLoudly,
      @Nullable Executor asyncExecutor,
      @Nullable Consumer<RateLimit> rateLimitListener,
      @Nullable RateBudget rateBudget,
      Duration maxBudgetWait) {
    this.ownsClient = supplied == null;
    this.rateLimits = new RateLimitTracker(rateLimitListener);
    OkHttpClient.Builder builder = supplied == null
        ? new OkHttpClient.Builder()
            .connectTimeout(connectTimeout)
            .readTimeout(readTimeout)
            .writeTimeout(readTimeout)
        : supplied.newBuilder();
    this.base = builder
        // The RetryPolicy alone decides what is sent twice. OkHttp's own recovery would silently
        // replay a POST
        // whose connection dropped after it was sent (for the OAuth code exchange that revokes
        // every token) and
        // a request answered 408, behind the policy's back.
        .retryOnConnectionFailure(false)
        .addInterceptor(chain -> chain.proceed(
            chain.request().newBuilder().header("User-Agent", userAgent).build()))
        .addInterceptor(new LastStatus())
        .addInterceptor(rateLimits)
        .addInterceptor(new RequestLogger(logLoudly))
        .addInterceptor(new ErrorBodyLimit())
        // Redirects are followed by the guard alone: a GET within its origin, never to another host
        // or from
        // HTTPS to HTTP. It sits inside the limits above and outside the credential views'
        // interceptor, which
        // adds the Authorization header to each hop it follows.
        .followRedirects(false)
        .followSslRedirects(false)
        .addInterceptor(new RedirectGuard())
        .build();
    this.gson = AccessLinkJson.gson();
    this.apiBase = apiBase;
    this.tokenBase = tokenBase;
    this.apiRetrofit = new Retrofit.Builder()
        .baseUrl(apiBase)
        .client(base)
        .addConverterFactory(new JsonConverterFactory(gson))
        .build();
    this.transport = new Transport(
        policy, sleeper, callTimeout, downloadTimeout, rateBudget, maxBudgetWait, apiBase);
    if (asyncExecutor == null) {
      ExecutorService pool = cachedDaemonPool();
      this.ownedAsyncPool = pool;
      this.asyncExecutor = pool;
    } else {
      this.ownedAsyncPool = null;
      this.asyncExecutor = asyncExecutor;
    }
  }

  private static ExecutorService cachedDaemonPool() {
    AtomicInteger count = new AtomicInteger();
    return new ThreadPoolExecutor(
        0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
          Thread thread = new Thread(task, "accesslink-async-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  /**
   * Where asynchronous calls run.
   *
   * @return the configured executor, or the pool this stack owns
   */
  public Executor asyncExecutor() {
    return asyncExecutor;
  }

  /**
   * The rate-limit state AccessLink reported most recently to this client.
   *
   * @return the tracker
   */
  public RateLimitTracker rateLimits() {
    return rateLimits;
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
   * The temporary files of this client's downloads to a {@code Path}.
   *
   * @return the registry, which sweeps each folder once
   */
  public PartFiles partFiles() {
    return partFiles;
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
    return withAuthorization(apiRetrofit, "Bearer " + accessToken, apiBase);
  }

  /**
   * A Retrofit on the API base URL that sends the client credentials (HTTP basic).
   *
   * @param clientId the client id
   * @param clientSecret the client secret
   * @return a view sharing the connection pool
   */
  public Retrofit basic(String clientId, String clientSecret) {
    return withAuthorization(apiRetrofit, Credentials.basic(clientId, clientSecret), apiBase);
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
        Credentials.basic(clientId, clientSecret),
        tokenBase);
  }

  private Retrofit withAuthorization(Retrofit retrofit, String authorization, HttpUrl trusted) {
    OkHttpClient client = base.newBuilder()
        .addInterceptor(new CredentialInterceptor(authorization, Set.of(trusted)))
        .build();
    return retrofit.newBuilder().client(client).build();
  }

  /**
   * Shuts down the asynchronous pool this stack owns (running tasks finish; idle threads end at once), and releases
   * the connection pool and dispatcher threads if this stack created the OkHttpClient.
   */
  @Override
  public void close() {
    if (ownedAsyncPool != null) {
      ownedAsyncPool.shutdown();
    }
    if (ownsClient) {
      base.dispatcher().executorService().shutdown();
      base.connectionPool().evictAll();
    }
  }
}

package dev.accesslink4j;

import dev.accesslink4j.errors.AccessLinkException;
import dev.accesslink4j.errors.AccessLinkIOException;
import dev.accesslink4j.internal.HttpStack;
import dev.accesslink4j.internal.RawCalls;
import dev.accesslink4j.internal.RequestLogger;
import dev.accesslink4j.internal.ServiceContext;
import dev.accesslink4j.oauth.OAuthService;
import dev.accesslink4j.services.NotificationsService;
import dev.accesslink4j.webhooks.WebhooksService;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The AccessLink client: build it once, share it between threads, close it when the application stops.
 *
 * <p>Partner-level operations (OAuth, pull notifications, webhooks) hang off this object and use the client
 * credentials; a linked user's data is reached through {@link #user(AccessToken)}, a light view that shares this
 * client's connection pool. Nobody builds a header or a URL.
 *
 * <pre>{@code
 * try (AccessLink accessLink = AccessLink.builder()
 *     .clientId("my-client-id")
 *     .clientSecret(ClientSecret.of(System.getenv("POLAR_CLIENT_SECRET")))
 *     .build()) {
 *   UserClient user = accessLink.user(AccessToken.of(storedToken));
 *   user.sleep().list().forEach(night -> System.out.println(night.getDate()));
 * }
 * }</pre>
 */
public final class AccessLink implements AutoCloseable {
  /** Polar's production API base URL. */
  public static final URI DEFAULT_API_URL = URI.create("https://www.polaraccesslink.com/");
  /** Polar's OAuth2 authorization endpoint (a browser page). */
  public static final URI DEFAULT_AUTHORIZATION_URL =
      URI.create("https://flow.polar.com/oauth2/authorization");
  /** Polar's OAuth2 token endpoint. */
  public static final URI DEFAULT_TOKEN_URL = URI.create("https://polarremote.com/v2/oauth2/token");

  /**
   * The default whole-call deadline of a non-streaming call, retries and their waits included: two minutes. Longer
   * than any ordinary AccessLink answer takes (the largest, a 30-day exercise list with samples and routes, is tens
   * of megabytes), short enough that a stalled or trickling server cannot hold a thread for longer.
   */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(2);

  private static final String TOKEN_PATH = "oauth2/token";

  private final String clientId;
  private final ClientSecret clientSecret;
  private final @Nullable URI redirectUri;
  private final URI authorizationUrl;
  private final URI tokenUrl;
  private final Clock clock;
  private final HttpStack http;
  /** The view that sends the client credentials, built once and shared by the partner-level services. */
  private final ServiceContext clientCredentials;

  private AccessLink(Builder b) {
    this.clientId = Objects.requireNonNull(b.clientId, "clientId is required");
    this.clientSecret = Objects.requireNonNull(b.clientSecret, "clientSecret is required");
    this.redirectUri = b.redirectUri;
    httpUrl(b.authorizationUrl, "authorization URL");
    this.authorizationUrl = b.authorizationUrl;
    this.tokenUrl = b.tokenUrl;
    this.clock = b.clock;
    this.http =
        new HttpStack(
            b.httpClient,
            baseUrl(b.apiUrl, "API URL"),
            tokenBase(b.tokenUrl),
            b.connectTimeout,
            b.readTimeout,
            b.callTimeout,
            b.downloadTimeout,
            userAgent(b.userAgentSuffix),
            b.retryPolicy,
            b.sleeper,
            b.logRequests,
            b.asyncExecutor,
            b.rateLimitListener);
    this.clientCredentials = new ServiceContext(http, http.basic(clientId, clientSecret.reveal()));
  }

  /**
   * Starts building a client.
   *
   * @return a builder with Polar's production URLs and the default timeouts and retry policy
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a client from environment variables: {@code ACCESSLINK_CLIENT_ID} and {@code ACCESSLINK_CLIENT_SECRET}
   * (required), and optionally {@code ACCESSLINK_REDIRECT_URI}, {@code ACCESSLINK_BASE_URL},
   * {@code ACCESSLINK_AUTH_URL} and {@code ACCESSLINK_TOKEN_URL}. {@code ACCESSLINK_BASE_URL} alone moves all three
   * URLs to one server (the authorization and token endpoints become {@code BASE/oauth2/authorization} and
   * {@code BASE/v2/oauth2/token}, as the testkit serves them); the other two override that. Also read:
   * {@code ACCESSLINK_LOG} ({@code debug}, {@code info}, {@code true} or {@code 1} logs every request at INFO).
   *
   * <p>{@code POLAR_CLIENT_ID} and {@code POLAR_CLIENT_SECRET}, the names the {@code accesslink} CLI used first, are
   * accepted as aliases of the two required variables; when both names are set, the {@code ACCESSLINK_} one wins.
   *
   * @return the client
   * @throws IllegalStateException if a required variable is missing
   * @throws IllegalArgumentException if a URL variable is not an absolute http(s) URL
   */
  public static AccessLink fromEnv() {
    return fromEnv(System::getenv);
  }

  static AccessLink fromEnv(Function<String, @Nullable String> env) {
    Builder b = builder();
    // The credentials also answer to their POLAR_ aliases; a set, non-blank ACCESSLINK_ name wins.
    Function<String, @Nullable String> credentials = name -> {
      String value = env.apply(name);
      return value != null && !value.isBlank() ? value : env.apply(name.replace("ACCESSLINK_", "POLAR_"));
    };
    b.clientId(required(credentials, "ACCESSLINK_CLIENT_ID"));
    b.clientSecret(ClientSecret.of(required(credentials, "ACCESSLINK_CLIENT_SECRET")));
    Optional.ofNullable(env.apply("ACCESSLINK_REDIRECT_URI")).map(URI::create).ifPresent(b::redirectUri);
    Optional<URI> base = Optional.ofNullable(env.apply("ACCESSLINK_BASE_URL")).map(URI::create);
    base.ifPresent(b::apiUrl);
    // One variable points everything at a single server (the testkit serves OAuth beside the API).
    base.map(uri -> resolve(uri, "oauth2/authorization")).ifPresent(b::authorizationUrl);
    base.map(uri -> resolve(uri, "v2/oauth2/token")).ifPresent(b::tokenUrl);
    Optional.ofNullable(env.apply("ACCESSLINK_AUTH_URL")).map(URI::create).ifPresent(b::authorizationUrl);
    Optional.ofNullable(env.apply("ACCESSLINK_TOKEN_URL")).map(URI::create).ifPresent(b::tokenUrl);
    b.logRequests(RequestLogger.enabledBy(env.apply("ACCESSLINK_LOG")));
    return b.build();
  }

  private static URI resolve(URI base, String path) {
    String text = base.toString();
    return URI.create(text.endsWith("/") ? text + path : text + "/" + path);
  }

  private static String required(Function<String, @Nullable String> env, String name) {
    String value = env.apply(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("environment variable " + name + " is not set");
    }
    return value;
  }

  /**
   * The view of one linked user's data, authenticated with their access token. Cheap to create; shares this
   * client's connection pool.
   *
   * @param token the user's access token
   * @return the user view
   */
  public UserClient user(AccessToken token) {
    return new UserClient(http, http.bearer(token.reveal()), token);
  }

  /**
   * Polar's OAuth2 flow: build the authorization URL, check the callback, exchange the code.
   *
   * @return the OAuth service
   */
  public OAuthService oauth() {
    return new OAuthService(
        new ServiceContext(http, http.tokenEndpoint(clientId, clientSecret.reveal())),
        clientId,
        authorizationUrl,
        redirectUri,
        clock);
  }

  /**
   * Pull notifications, authenticated with the client credentials.
   *
   * @return the notifications service
   */
  public NotificationsService notifications() {
    return new NotificationsService(clientCredentials);
  }

  /**
   * The client's webhook, managed with the client credentials.
   *
   * @return the webhooks service
   */
  public WebhooksService webhooks() {
    return new WebhooksService(clientCredentials);
  }

  /**
   * Calls any operation of a generated interface that uses the client credentials ({@code NotificationsApi},
   * {@code WebhooksApi}) with the SDK's error model and retry policy, and returns the raw response: status,
   * headers, rate limit and parsed body. For user data use {@link UserClient#call(Class, Function)}.
   *
   * @param api the generated interface
   * @param operation picks the operation and its arguments
   * @param <A> the interface type
   * @param <T> the body type
   * @return the successful response (its body is empty for 204)
   * @throws AccessLinkException for any failure
   */
  public <A, T> ApiResponse<T> call(Class<A> api, Function<? super A, retrofit2.Call<T>> operation) {
    return RawCalls.execute(clientCredentials, api, operation);
  }

  /**
   * The rate-limit state AccessLink reported most recently to this client: how much of the 15-minute and 24-hour
   * budgets is used and when each window resets. The windows belong to the client (shared by all its users), so one
   * value serves every {@link UserClient}; pace a backfill by {@link RateLimit.Window#remaining()}.
   *
   * @return the latest reported state, or empty before the first response that carried one
   */
  public Optional<RateLimit> rateLimit() {
    return http.rateLimits().latest();
  }

  /**
   * The client id this client authenticates with.
   *
   * @return the OAuth client id
   */
  public String clientId() {
    return clientId;
  }

  /**
   * The redirect URI configured on the builder.
   *
   * @return the URI, if one was configured
   */
  public Optional<URI> redirectUri() {
    return Optional.ofNullable(redirectUri);
  }

  /**
   * The authorization endpoint users are sent to.
   *
   * @return the URL
   */
  public URI authorizationUrl() {
    return authorizationUrl;
  }

  /**
   * The token endpoint codes are exchanged at.
   *
   * @return the URL
   */
  public URI tokenUrl() {
    return tokenUrl;
  }

  /**
   * The AccessLink base URL.
   *
   * @return the URL
   */
  public URI apiUrl() {
    return http.apiBase().uri();
  }

  /**
   * The clock used for token timestamps.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }

  HttpStack http() {
    return http;
  }

  ClientSecret clientSecret() {
    return clientSecret;
  }

  /**
   * Releases the threads of the asynchronous pool (unless an executor was supplied), and the connection pool and
   * dispatcher threads (unless the OkHttpClient was supplied by the caller).
   */
  @Override
  public void close() {
    http.close();
  }

  @Override
  public String toString() {
    HttpUrl api = http.apiBase().newBuilder().username("").password("").build();
    return "AccessLink[clientId=" + clientId + ", clientSecret=██, apiUrl=" + api + "]";
  }

  private static HttpUrl httpUrl(URI uri, String what) {
    HttpUrl url = HttpUrl.parse(uri.toString());
    if (url == null) {
      throw new IllegalArgumentException(what + " is not an absolute http(s) URL: " + uri);
    }
    return url;
  }

  private static HttpUrl baseUrl(URI uri, String what) {
    HttpUrl url = httpUrl(uri, what);
    String path = url.encodedPath();
    return path.endsWith("/") ? url : url.newBuilder().addPathSegment("").build();
  }

  private static HttpUrl tokenBase(URI tokenUrl) {
    HttpUrl url = httpUrl(tokenUrl, "token URL");
    String path = url.encodedPath();
    if (!path.endsWith("/" + TOKEN_PATH)) {
      throw new IllegalArgumentException("token URL must end with /" + TOKEN_PATH + ": " + tokenUrl);
    }
    return url.newBuilder()
        .encodedPath(path.substring(0, path.length() - TOKEN_PATH.length()))
        .build();
  }

  private static String userAgent(@Nullable String suffix) {
    String version = AccessLink.class.getPackage().getImplementationVersion();
    String ua =
        "accesslink4j/" + (version == null ? "dev" : version) + " (Java " + Runtime.version().feature() + ")";
    return suffix == null ? ua : ua + " " + suffix;
  }

  /** Builds an {@link AccessLink} client. Only the client id and secret are required. */
  public static final class Builder {
    private @Nullable String clientId;
    private @Nullable ClientSecret clientSecret;
    private @Nullable URI redirectUri;
    private URI apiUrl = DEFAULT_API_URL;
    private URI authorizationUrl = DEFAULT_AUTHORIZATION_URL;
    private URI tokenUrl = DEFAULT_TOKEN_URL;
    private @Nullable OkHttpClient httpClient;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
    private Duration downloadTimeout = Duration.ZERO;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Sleeper sleeper = Sleeper.system();
    private Clock clock = Clock.systemUTC();
    private @Nullable String userAgentSuffix;
    private boolean logRequests = RequestLogger.enabledByEnvironment();
    private @Nullable Consumer<RateLimit> rateLimitListener;
    private @Nullable Executor asyncExecutor;

    private Builder() {}

    /**
     * Sets the OAuth client id from Polar's admin portal.
     *
     * @param clientId the client id
     * @return this builder
     * @throws IllegalArgumentException if it is blank
     */
    public Builder clientId(String clientId) {
      Objects.requireNonNull(clientId, "clientId");
      if (clientId.isBlank()) {
        throw new IllegalArgumentException("clientId must not be blank");
      }
      this.clientId = clientId;
      return this;
    }

    /**
     * Sets the OAuth client secret.
     *
     * @param clientSecret the secret
     * @return this builder
     */
    public Builder clientSecret(ClientSecret clientSecret) {
      this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
      return this;
    }

    /**
     * Sets the default redirect URI for authorization requests; it must equal one registered for the client.
     *
     * @param redirectUri the redirect URI
     * @return this builder
     */
    public Builder redirectUri(URI redirectUri) {
      this.redirectUri = Objects.requireNonNull(redirectUri, "redirectUri");
      return this;
    }

    /**
     * Sets the AccessLink base URL (default {@link #DEFAULT_API_URL}); point it at the testkit in tests.
     *
     * @param apiUrl the base URL
     * @return this builder
     */
    public Builder apiUrl(URI apiUrl) {
      this.apiUrl = Objects.requireNonNull(apiUrl, "apiUrl");
      return this;
    }

    /**
     * Sets the authorization endpoint (default {@link #DEFAULT_AUTHORIZATION_URL}).
     *
     * @param authorizationUrl the URL
     * @return this builder
     */
    public Builder authorizationUrl(URI authorizationUrl) {
      this.authorizationUrl = Objects.requireNonNull(authorizationUrl, "authorizationUrl");
      return this;
    }

    /**
     * Sets the token endpoint (default {@link #DEFAULT_TOKEN_URL}); its path must end with {@code /oauth2/token}.
     *
     * @param tokenUrl the URL
     * @return this builder
     */
    public Builder tokenUrl(URI tokenUrl) {
      this.tokenUrl = Objects.requireNonNull(tokenUrl, "tokenUrl");
      return this;
    }

    /**
     * Supplies the OkHttpClient to derive from (its pool, dispatcher, proxy, TLS settings, interceptors and timeouts
     * are kept; its {@code retryOnConnectionFailure} is switched off in the derived client, because the
     * {@link RetryPolicy} alone decides what may be sent twice, and its redirect following is switched off in favour
     * of the SDK's, which follows a GET only within its origin). The call timeout and download timeout of this builder
     * apply to it per call. The client is not shut down by {@link AccessLink#close()}.
     *
     * @param httpClient the client
     * @return this builder
     */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /**
     * Sets the connect timeout (default 10 s); ignored when an OkHttpClient is supplied.
     *
     * @param timeout the timeout
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * Sets the read and write timeout (default 30 s): the longest silence tolerated while a response, including a
     * file download, streams in. Ignored when an OkHttpClient is supplied.
     *
     * @param timeout the timeout
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * Sets the whole-call deadline of every non-streaming call (default {@link AccessLink#DEFAULT_CALL_TIMEOUT}, two
     * minutes): connecting, sending, waiting and reading the whole body, <em>all attempts and the waits between them
     * included</em>, so a server that trickles its answer cannot hold a call longer than this. A retry wait that
     * would end after the deadline is not started; the error in hand is thrown instead. When the deadline ends a
     * call, it throws an {@link AccessLinkIOException} whose {@code isTimeout()} is true and whose message names the
     * call and the deadline. File downloads never get it (a large file must not be cut off while data flows): they
     * have the read timeout and, if set, {@link #downloadTimeout(Duration)}. Applies also to a supplied
     * OkHttpClient, per call, in place of its own call timeout.
     *
     * @param timeout the deadline; {@link Duration#ZERO} for none
     * @return this builder
     * @throws IllegalArgumentException if it is negative
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = nonNegative(timeout);
      return this;
    }

    /**
     * Sets an overall limit for one file download (default none): the headers and the whole body, all attempts
     * included, on top of the read timeout that always applies. Set it to bound how long a download may take on a
     * slow link; leave it unset so that a large file is never cut off while data still flows. When it ends a
     * download, the download throws an {@link AccessLinkIOException} whose {@code isTimeout()} is true. Applies also
     * to a supplied OkHttpClient, per call.
     *
     * @param timeout the limit; {@link Duration#ZERO} for none
     * @return this builder
     * @throws IllegalArgumentException if it is negative
     */
    public Builder downloadTimeout(Duration timeout) {
      this.downloadTimeout = nonNegative(timeout);
      return this;
    }

    private static Duration nonNegative(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("timeout must not be negative: " + timeout);
      }
      return timeout;
    }

    /**
     * Sets the retry policy (default {@link RetryPolicy#defaults()}).
     *
     * @param retryPolicy the policy; {@link RetryPolicy#disabled()} switches retries off
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * Replaces how the client waits between retries; tests use it to record waits instead of sleeping.
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Sets the clock for token timestamps (default UTC system clock).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Appends a product token to the User-Agent ({@code accesslink4j/VERSION (Java N) SUFFIX}).
     *
     * @param suffix for example {@code my-app/2.1}
     * @return this builder
     */
    public Builder userAgentSuffix(String suffix) {
      this.userAgentSuffix = Objects.requireNonNull(suffix, "suffix");
      return this;
    }

    /**
     * Logs one line per request at INFO instead of DEBUG (default: on when {@code ACCESSLINK_LOG=debug}).
     *
     * @param logRequests whether to log visibly
     * @return this builder
     */
    public Builder logRequests(boolean logRequests) {
      this.logRequests = logRequests;
      return this;
    }

    /**
     * Sets where {@link UserClient#async()} runs calls (default: a cached pool of daemon threads that the client
     * owns and shuts down in {@link AccessLink#close()}). An executor supplied here is not shut down by the client.
     *
     * @param executor the executor, for example a virtual-thread executor on Java 21
     * @return this builder
     */
    public Builder asyncExecutor(Executor executor) {
      this.asyncExecutor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Registers a listener told about the rate-limit state of every response that reports one (on the thread that
     * made the call; keep it quick). Useful for metrics or for slowing a backfill before AccessLink answers 429. A
     * listener that throws is logged and otherwise ignored.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder onRateLimit(Consumer<RateLimit> listener) {
      this.rateLimitListener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Builds the client.
     *
     * @return an immutable, thread-safe client
     * @throws NullPointerException if the client id or secret is missing
     * @throws IllegalArgumentException if a URL is not an absolute http(s) URL, or the token URL does not end with
     *     {@code /oauth2/token}
     */
    public AccessLink build() {
      return new AccessLink(this);
    }
  }
}

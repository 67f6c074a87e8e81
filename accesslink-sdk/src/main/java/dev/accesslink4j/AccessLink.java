package dev.accesslink4j;

import dev.accesslink4j.errors.AccessLinkException;
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
import java.util.function.Function;
import okhttp3.HttpUrl;
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
  private final @Nullable RateBudget rateBudget;
  private final HttpStack http;
  /** The view that sends the client credentials, built once and shared by the partner-level services. */
  private final ServiceContext clientCredentials;

  AccessLink(AccessLinkBuilder b) {
    this.clientId = Objects.requireNonNull(b.clientId, "clientId is required");
    this.clientSecret = Objects.requireNonNull(b.clientSecret, "clientSecret is required");
    this.redirectUri = b.redirectUri;
    httpUrl(b.authorizationUrl, "authorization URL");
    this.authorizationUrl = b.authorizationUrl;
    this.tokenUrl = b.tokenUrl;
    this.clock = b.clock;
    this.rateBudget = b.rateBudget;
    this.http = new HttpStack(
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
        b.rateLimitListener,
        b.rateBudget,
        b.maxBudgetWait);
    this.clientCredentials = new ServiceContext(http, http.basic(clientId, clientSecret.reveal()));
  }

  /**
   * Starts building a client.
   *
   * @return a builder with Polar's production URLs and the default timeouts and retry policy
   */
  public static AccessLinkBuilder builder() {
    return new AccessLinkBuilder();
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
    AccessLinkBuilder b = builder();
    // The credentials also answer to their POLAR_ aliases; a set, non-blank ACCESSLINK_ name wins.
    Function<String, @Nullable String> credentials = name -> {
      String value = env.apply(name);
      return value != null && !value.isBlank()
          ? value
          : env.apply(name.replace("ACCESSLINK_", "POLAR_"));
    };
    b.clientId(required(credentials, "ACCESSLINK_CLIENT_ID"));
    b.clientSecret(ClientSecret.of(required(credentials, "ACCESSLINK_CLIENT_SECRET")));
    Optional.ofNullable(env.apply("ACCESSLINK_REDIRECT_URI"))
        .map(URI::create)
        .ifPresent(b::redirectUri);
    Optional<URI> base = Optional.ofNullable(env.apply("ACCESSLINK_BASE_URL")).map(URI::create);
    base.ifPresent(b::apiUrl);
    // One variable points everything at a single server (the testkit serves OAuth beside the API).
    base.map(uri -> resolve(uri, "oauth2/authorization")).ifPresent(b::authorizationUrl);
    base.map(uri -> resolve(uri, "v2/oauth2/token")).ifPresent(b::tokenUrl);
    Optional.ofNullable(env.apply("ACCESSLINK_AUTH_URL"))
        .map(URI::create)
        .ifPresent(b::authorizationUrl);
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
  public <A, T> ApiResponse<T> call(
      Class<A> api, Function<? super A, retrofit2.Call<T>> operation) {
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
   * The rate budget that paces this client's requests ({@link AccessLinkBuilder#rateBudget(RateBudget)}), so that
   * code handed only the client (a sync engine) can subscribe to its waits and what it has left
   * ({@link RateBudget#subscribe(RateBudgetListener)}).
   *
   * @return the budget, or empty when the client sends every request at once
   */
  public Optional<RateBudget> rateBudget() {
    return Optional.ofNullable(rateBudget);
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

  /** The stack, for the SDK's own tests of the transport in this package. */
  HttpStack http() {
    return http;
  }

  /** The secret, for the SDK's own tests of what is sent in this package. */
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
      throw new IllegalArgumentException(
          "token URL must end with /" + TOKEN_PATH + ": " + tokenUrl);
    }
    return url.newBuilder()
        .encodedPath(path.substring(0, path.length() - TOKEN_PATH.length()))
        .build();
  }

  private static String userAgent(@Nullable String suffix) {
    String version = AccessLink.class.getPackage().getImplementationVersion();
    String ua = "accesslink4j/" + (version == null ? "dev" : version) + " (Java "
        + Runtime.version().feature() + ")";
    return suffix == null ? ua : ua + " " + suffix;
  }
}

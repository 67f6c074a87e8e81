package dev.accesslink4j;

import dev.accesslink4j.errors.AccessLinkIOException;
import dev.accesslink4j.internal.RequestLogger;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * Builds an {@link AccessLink} client; get one from {@link AccessLink#builder()}. Only the client id and secret are
 * required; everything else has a default stated on its setter (Polar's production URLs, 10 s connect, 30 s read, a
 * two-minute call deadline, {@link RetryPolicy#defaults()}). Not thread-safe: configure it on one thread, then share
 * the client it builds.
 */
public final class AccessLinkBuilder {
  @Nullable
  String clientId;

  @Nullable
  ClientSecret clientSecret;

  @Nullable
  URI redirectUri;

  URI apiUrl = AccessLink.DEFAULT_API_URL;
  URI authorizationUrl = AccessLink.DEFAULT_AUTHORIZATION_URL;
  URI tokenUrl = AccessLink.DEFAULT_TOKEN_URL;

  @Nullable
  OkHttpClient httpClient;

  Duration connectTimeout = Duration.ofSeconds(10);
  Duration readTimeout = Duration.ofSeconds(30);
  Duration callTimeout = AccessLink.DEFAULT_CALL_TIMEOUT;
  Duration downloadTimeout = Duration.ZERO;
  RetryPolicy retryPolicy = RetryPolicy.defaults();
  Sleeper sleeper = Sleeper.system();
  Clock clock = Clock.systemUTC();

  @Nullable
  String userAgentSuffix;

  boolean logRequests = RequestLogger.enabledByEnvironment();

  @Nullable
  Consumer<RateLimit> rateLimitListener;

  @Nullable
  Executor asyncExecutor;

  @Nullable
  RateBudget rateBudget;

  Duration maxBudgetWait = DEFAULT_MAX_BUDGET_WAIT;

  /** The longest wait for the rate budget's short window by default: its full 15 minutes, and a margin. */
  static final Duration DEFAULT_MAX_BUDGET_WAIT = Duration.ofMinutes(16);

  AccessLinkBuilder() {}

  /**
   * Sets the OAuth client id from Polar's admin portal.
   *
   * @param clientId the client id
   * @return this builder
   * @throws IllegalArgumentException if it is blank
   */
  public AccessLinkBuilder clientId(String clientId) {
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
  public AccessLinkBuilder clientSecret(ClientSecret clientSecret) {
    this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
    return this;
  }

  /**
   * Sets the default redirect URI for authorization requests; it must equal one registered for the client.
   *
   * @param redirectUri the redirect URI
   * @return this builder
   */
  public AccessLinkBuilder redirectUri(URI redirectUri) {
    this.redirectUri = Objects.requireNonNull(redirectUri, "redirectUri");
    return this;
  }

  /**
   * Sets the AccessLink base URL (default {@link AccessLink#DEFAULT_API_URL}); point it at the testkit in tests.
   *
   * @param apiUrl the base URL
   * @return this builder
   */
  public AccessLinkBuilder apiUrl(URI apiUrl) {
    this.apiUrl = Objects.requireNonNull(apiUrl, "apiUrl");
    return this;
  }

  /**
   * Sets the authorization endpoint (default {@link AccessLink#DEFAULT_AUTHORIZATION_URL}).
   *
   * @param authorizationUrl the URL
   * @return this builder
   */
  public AccessLinkBuilder authorizationUrl(URI authorizationUrl) {
    this.authorizationUrl = Objects.requireNonNull(authorizationUrl, "authorizationUrl");
    return this;
  }

  /**
   * Sets the token endpoint (default {@link AccessLink#DEFAULT_TOKEN_URL}); its path must end with
   * {@code /oauth2/token}.
   *
   * @param tokenUrl the URL
   * @return this builder
   */
  public AccessLinkBuilder tokenUrl(URI tokenUrl) {
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
  public AccessLinkBuilder httpClient(OkHttpClient httpClient) {
    this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
    return this;
  }

  /**
   * Sets the connect timeout (default 10 s); ignored when an OkHttpClient is supplied.
   *
   * @param timeout the timeout
   * @return this builder
   */
  public AccessLinkBuilder connectTimeout(Duration timeout) {
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
  public AccessLinkBuilder readTimeout(Duration timeout) {
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
  public AccessLinkBuilder callTimeout(Duration timeout) {
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
  public AccessLinkBuilder downloadTimeout(Duration timeout) {
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
  public AccessLinkBuilder retryPolicy(RetryPolicy retryPolicy) {
    this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
    return this;
  }

  /**
   * Replaces how the client waits between retries; tests use it to record waits instead of sleeping.
   *
   * @param sleeper the sleeper
   * @return this builder
   */
  public AccessLinkBuilder sleeper(Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    return this;
  }

  /**
   * Sets the clock for token timestamps (default UTC system clock).
   *
   * @param clock the clock
   * @return this builder
   */
  public AccessLinkBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Appends a product token to the User-Agent ({@code accesslink4j/VERSION (Java N) SUFFIX}).
   *
   * @param suffix for example {@code my-app/2.1}
   * @return this builder
   */
  public AccessLinkBuilder userAgentSuffix(String suffix) {
    this.userAgentSuffix = Objects.requireNonNull(suffix, "suffix");
    return this;
  }

  /**
   * Logs one line per request at INFO instead of DEBUG (default: on when {@code ACCESSLINK_LOG=debug}).
   *
   * @param logRequests whether to log visibly
   * @return this builder
   */
  public AccessLinkBuilder logRequests(boolean logRequests) {
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
  public AccessLinkBuilder asyncExecutor(Executor executor) {
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
  public AccessLinkBuilder onRateLimit(Consumer<RateLimit> listener) {
    this.rateLimitListener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /**
   * Paces every request to the AccessLink API against a {@link RateBudget} (default: none; every request is sent at
   * once, as before), so that the client's own traffic never earns a 429. Before each attempt (retries and
   * downloads included, under user and partner credentials alike) the client takes a permit: while the 15-minute
   * window is spent it waits for the reset (with the {@link #sleeper(Sleeper)}; the wait is not counted against
   * the call timeout, since the request has not been sent), and when the 24-hour window is spent it throws
   * {@link dev.accesslink4j.errors.RateBudgetExhaustedException} with {@code resumeAt()}, without sending. A 429
   * that happens anyway (other traffic of the same partner client) is then waited out by the budget as its
   * headers say, instead of by {@link RetryPolicy#maxRateLimitWait()}. The OAuth token endpoint, on another host,
   * is not paced. Share one budget between all clients of the same partner credentials.
   *
   * <pre>{@code
   * AccessLink client = AccessLink.builder()
   *     .clientId(id).clientSecret(secret)
   *     .rateBudget(RateBudget.inProcess(registeredUsers))
   *     .build();
   * }</pre>
   *
   * @param budget the budget, for example {@link RateBudget#inProcess(int)}
   * @return this builder
   */
  public AccessLinkBuilder rateBudget(RateBudget budget) {
    this.rateBudget = Objects.requireNonNull(budget, "budget");
    return this;
  }

  /**
   * Sets the longest wait for the rate budget's short window that a call sits out (default 16 minutes: a whole
   * 15-minute window and a margin); a longer wait throws
   * {@link dev.accesslink4j.errors.RateBudgetExhaustedException} at once. A spent 24-hour window is never waited
   * for.
   *
   * @param maxWait the limit; zero throws whenever the budget cannot pay at once
   * @return this builder
   * @throws IllegalArgumentException if it is negative
   */
  public AccessLinkBuilder maxRateBudgetWait(Duration maxWait) {
    this.maxBudgetWait = nonNegative(maxWait);
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

package dev.accesslink4j.testkit;

import dev.accesslink4j.AccessLink;
import dev.accesslink4j.AccessLinkBuilder;
import dev.accesslink4j.AccessToken;
import dev.accesslink4j.ClientSecret;
import dev.accesslink4j.testkit.internal.Account;
import dev.accesslink4j.testkit.internal.Engine;
import dev.accesslink4j.testkit.internal.EngineConfig;
import dev.accesslink4j.testkit.internal.FakeDispatcher;
import dev.accesslink4j.testkit.internal.NoDelaySockets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;

/**
 * A stateful, in-process fake of the Polar AccessLink API v3 on a real HTTP server bound to loopback.
 *
 * <pre>{@code
 * try (FakeAccessLink fake = FakeAccessLink.start()) {
 *   FakeUser user = fake.addUser("member-42");        // a registered Polar account
 *   user.seedDays(14);                                 // two weeks of every kind of data
 *   AccessToken token = fake.issueToken(user);         // skip the browser flow
 *   fake.inject(Route.GET_EXERCISE_FIT, Fault.status(503));
 *   // point a client at fake.baseUrl(), fake.tokenUrl(), fake.clientId(), fake.clientSecret()
 * }
 * }</pre>
 *
 * <p>It serves OAuth2, users, pull notifications, the three transaction families, every data resource (with
 * deterministic, realistic data from a seeded generator), webhooks with real PINGs and signed deliveries, and rate
 * limits: see the package documentation, and {@link Route} for the choices made where Polar's documentation is
 * silent. To run it on its own, see {@link FakeAccessLinkMain}.
 *
 * <p>Thread-safe. Time comes from the clock in {@link FakeAccessLinkOptions} (advance it with
 * {@link #advanceTime(Duration)}), so tests are deterministic. Close it to stop the server.
 */
public final class FakeAccessLink implements AutoCloseable {
  /** The {@code expires_in} the token endpoint reports, as Polar's example does: about a year. */
  static final Duration TOKEN_LIFETIME = Duration.ofSeconds(31_535_999L);

  private final MockWebServer server;
  private final Engine engine;
  private final FakeDispatcher dispatcher;
  private final FakeAccessLinkOptions options;
  private final String baseUrl;
  private final Map<Account, FakeUser> users = new IdentityHashMap<>();

  private FakeAccessLink(
      MockWebServer server,
      Engine engine,
      FakeDispatcher dispatcher,
      FakeAccessLinkOptions options,
      String baseUrl) {
    this.server = server;
    this.engine = engine;
    this.dispatcher = dispatcher;
    this.options = options;
    this.baseUrl = baseUrl;
  }

  /** {@return a fake started with {@link FakeAccessLinkOptions#defaults()} on a free loopback port} */
  public static FakeAccessLink start() {
    return start(FakeAccessLinkOptions.defaults());
  }

  /**
   * Starts a fake.
   *
   * @param options the options
   * @return the running fake
   * @throws UncheckedIOException when the server cannot start
   */
  public static FakeAccessLink start(FakeAccessLinkOptions options) {
    Objects.requireNonNull(options, "options");
    Engine engine = new Engine(new EngineConfig(
        options.seed(),
        options.clientId(),
        options.clientSecret(),
        options.redirectUris(),
        options.clock(),
        options.zone(),
        options.demoUserDays(),
        options.shortRateLimit(),
        options.longRateLimit(),
        options.autoDeliverWebhooks(),
        options.webhookTimeout()));
    FakeDispatcher dispatcher = new FakeDispatcher(engine);
    dispatcher.rateLimiter().lengths(options.shortRateWindow(), options.longRateWindow());
    dispatcher.latency(options.latency());
    MockWebServer server = new MockWebServer();
    server.setServerSocketFactory(new NoDelaySockets());
    server.setDispatcher(dispatcher);
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try {
      server.start(loopback, options.port());
    } catch (IOException e) {
      server.close();
      throw new UncheckedIOException("cannot start the fake AccessLink server", e);
    }
    String base = new HttpUrl.Builder()
        .scheme("http")
        .host(loopback.getHostAddress())
        .port(server.getPort())
        .build()
        .toString();
    engine.baseUrl(base);
    return new FakeAccessLink(server, engine, dispatcher, options, base);
  }

  /**
   * {@return the API base URL, with a trailing slash, such as {@code http://127.0.0.1:53211/}; every absolute URL in
   * responses starts with it}
   */
  public String baseUrl() {
    return baseUrl;
  }

  /** {@return the authorization endpoint on this server: {@code baseUrl() + "oauth2/authorization"}} */
  public String authorizationUrl() {
    return baseUrl + "oauth2/authorization";
  }

  /** {@return the token endpoint on this server: {@code baseUrl() + "v2/oauth2/token"}} */
  public String tokenUrl() {
    return baseUrl + "v2/oauth2/token";
  }

  /** {@return the partner client id the fake accepts} */
  public String clientId() {
    return options.clientId();
  }

  /** {@return the partner client secret the fake accepts} */
  public String clientSecret() {
    return options.clientSecret();
  }

  /**
   * An SDK client builder already pointed at this fake: its client id and secret, API, authorization and token URLs,
   * and its first registered redirect URI. Add your own settings (retry policy, timeouts) and build it.
   *
   * @return a builder; the client it builds is the caller's to close
   */
  public AccessLinkBuilder clientBuilder() {
    AccessLinkBuilder builder = AccessLink.builder()
        .clientId(clientId())
        .clientSecret(ClientSecret.of(clientSecret()))
        .apiUrl(URI.create(baseUrl()))
        .authorizationUrl(URI.create(authorizationUrl()))
        .tokenUrl(URI.create(tokenUrl()));
    redirectUris().stream().findFirst().map(URI::create).ifPresent(builder::redirectUri);
    return builder;
  }

  /** {@return a new SDK client pointed at this fake, with the SDK's defaults otherwise; close it when done} */
  public AccessLink newClient() {
    return clientBuilder().build();
  }

  /** {@return the registered redirect URIs, the default first} */
  public List<String> redirectUris() {
    return options.redirectUris();
  }

  /** {@return the fake's clock: the options' clock plus every {@link #advanceTime(Duration)}} */
  public Clock clock() {
    return engine.clock();
  }

  /** {@return today in the device time zone, on the fake's clock} */
  public LocalDate today() {
    return engine.today();
  }

  /**
   * Moves the fake's clock forward: codes expire, rate-limit windows reset.
   *
   * @param duration how far; not negative
   */
  public void advanceTime(Duration duration) {
    engine.clock().advance(Objects.requireNonNull(duration, "duration"));
  }

  // ---------------------------------------------------------------- accounts

  /**
   * The demo account that the authorization endpoint approves by default. It is not registered with the client
   * at start (the OAuth flow, then {@code POST /v3/users}, registers it) and has
   * {@link FakeAccessLinkOptions#demoUserDays()} days of data.
   *
   * @return the demo user, Polar user id 2278512
   */
  public FakeUser demoUser() {
    return wrap(engine.demo());
  }

  /**
   * Adds a Polar account that is already registered with the client under a generated member id.
   *
   * @return the new user, without data
   */
  public FakeUser addUser() {
    return wrap(engine.seeder().addAccount(null, true));
  }

  /**
   * Adds a Polar account already registered with the client under a member id.
   *
   * @param memberId the partner's member id
   * @return the new user, without data
   */
  public FakeUser addUser(String memberId) {
    return wrap(engine.seeder().addAccount(Objects.requireNonNull(memberId, "memberId"), true));
  }

  /**
   * Adds a Polar account that has not linked to the client yet: after the OAuth flow it must be registered with
   * {@code POST /v3/users}.
   *
   * @return the new user, without data
   */
  public FakeUser addUnregisteredUser() {
    return wrap(engine.seeder().addAccount(null, false));
  }

  /** {@return every account, the demo account first} */
  public List<FakeUser> users() {
    List<FakeUser> list = new ArrayList<>();
    for (Account a : engine.accounts()) {
      list.add(wrap(a));
    }
    return List.copyOf(list);
  }

  /**
   * The account with a Polar user id.
   *
   * @param polarUserId the id
   * @return the user, or empty
   */
  public Optional<FakeUser> user(long polarUserId) {
    Account a = engine.account(polarUserId);
    return a == null ? Optional.empty() : Optional.of(wrap(a));
  }

  /**
   * Issues an access token for a user without the browser flow, as if the flow had completed: the token the
   * token endpoint would have returned, with its type ({@code bearer}), lifetime ({@code expires_in}), issue time
   * on the fake's clock, and the user id ({@code x_user_id}).
   *
   * @param user the user
   * @return the token; {@link AccessToken#reveal()} gives the bearer value
   */
  public AccessToken issueToken(FakeUser user) {
    Account a = own(user);
    return AccessToken.of(
        engine.issueToken(a), "bearer", TOKEN_LIFETIME, engine.clock().instant(), a.id);
  }

  /**
   * Makes the next authorization approve this user instead of the demo account (once).
   *
   * @param user the user
   */
  public void nextAuthorizationFor(FakeUser user) {
    engine.nextAuthorizationFor(own(user));
  }

  /** Makes the next authorization redirect with {@code error=access_denied} (once), as if the user declined. */
  public void denyNextAuthorization() {
    engine.denyNextAuthorization();
  }

  synchronized FakeUser wrap(Account a) {
    return users.computeIfAbsent(a, acc -> new FakeUser(this, acc));
  }

  Account own(FakeUser user) {
    Objects.requireNonNull(user, "user");
    if (user.fake() != this) {
      throw new IllegalArgumentException("user belongs to another FakeAccessLink");
    }
    return user.account();
  }

  Engine engine() {
    return engine;
  }

  // ---------------------------------------------------------------- rate limits

  /**
   * Fixes the rate-limit budget instead of Polar's formula ({@code 500 + 20 × users} per 15 minutes,
   * {@code 5000 + 100 × users} per 24 hours), and empties both windows.
   *
   * @param shortLimit requests per 15 minutes
   * @param longLimit requests per 24 hours
   */
  public void rateLimit(int shortLimit, int longLimit) {
    if (shortLimit < 0 || longLimit < 0) {
      throw new IllegalArgumentException("limits must not be negative");
    }
    dispatcher.rateLimiter().limits(shortLimit, longLimit);
    dispatcher.rateLimiter().reset();
  }

  /**
   * How many requests the fake refused with 429 because a rate-limit window was spent, since it started (faults
   * injected with {@link Fault#status(int)} are not counted).
   *
   * @return the number of refusals
   */
  public long rateLimitRefusals() {
    return dispatcher.rateLimiter().refusals();
  }

  /**
   * Holds back every answer from now on by this latency (zero for none); see
   * {@link FakeAccessLinkOptions.Builder#latency(Duration)}.
   *
   * @param latency the latency, not negative
   */
  public void latency(Duration latency) {
    if (Objects.requireNonNull(latency, "latency").isNegative()) {
      throw new IllegalArgumentException("latency must not be negative: " + latency);
    }
    dispatcher.latency(latency);
  }

  /** Empties both rate-limit windows (the budget stays). */
  public void resetRateLimits() {
    dispatcher.rateLimiter().reset();
  }

  // ---------------------------------------------------------------- faults

  /**
   * Makes the next request of a route go wrong, once. See {@link Fault} for what each fault does and whether the
   * request is processed.
   *
   * <pre>{@code
   * fake.inject(Route.GET_EXERCISE_FIT, Fault.drop(Fault.DropPoint.MID_BODY));
   * }</pre>
   *
   * @param route the operation
   * @param fault what goes wrong
   */
  public void inject(Route route, Fault fault) {
    inject(route, fault, 1);
  }

  /**
   * Makes the next {@code times} requests of a route go wrong. Faults queue: a request takes the first queued fault
   * that matches it, and only one.
   *
   * @param route the operation
   * @param fault what goes wrong
   * @param times how many requests; at least 1
   */
  public void inject(Route route, Fault fault, int times) {
    dispatcher.faults().add(route, fault, times);
  }

  /**
   * Makes the next request whose path matches go wrong, once.
   *
   * @param pathRegex a regular expression for the whole encoded path, without the query: {@code /v3/exercises/.*}
   * @param fault what goes wrong
   */
  public void inject(String pathRegex, Fault fault) {
    inject(pathRegex, fault, 1);
  }

  /**
   * Makes the next {@code times} requests whose path matches go wrong.
   *
   * @param pathRegex a regular expression for the whole encoded path, without the query
   * @param fault what goes wrong
   * @param times how many requests; at least 1
   */
  public void inject(String pathRegex, Fault fault, int times) {
    dispatcher.faults().add(pathRegex, fault, times);
  }

  /** Forgets every queued fault. */
  public void clearFaults() {
    dispatcher.faults().clear();
  }

  // ---------------------------------------------------------------- recorded requests

  /** {@return every request received so far, oldest first, those answered by a fault or a 429 included (a snapshot)} */
  public List<ReceivedRequest> requests() {
    return dispatcher.requests().all();
  }

  /**
   * The requests received so far for one operation.
   *
   * @param route the operation
   * @return an immutable snapshot, oldest first
   */
  public List<ReceivedRequest> requests(Route route) {
    return dispatcher.requests().of(Objects.requireNonNull(route, "route"));
  }

  /** {@return the most recent request, or empty when none arrived yet} */
  public Optional<ReceivedRequest> lastRequest() {
    return dispatcher.requests().last();
  }

  /** Forgets the recorded requests. */
  public void clearRequests() {
    dispatcher.requests().clear();
  }

  // ---------------------------------------------------------------- webhooks

  /**
   * Sends an event to the webhook, signed with its {@code signature_secret_key} (HMAC-SHA256 over the exact body,
   * {@code Polar-Webhook-Signature}), with {@code Polar-Webhook-Event} set, and waits for the receiver's answer.
   *
   * @param event the event
   * @return what was sent and the receiver's status
   * @throws IllegalStateException when there is no webhook, it is deactivated, or not subscribed to the event type
   */
  public WebhookDelivery deliver(FakeWebhookEvent event) {
    return engine.deliver(Objects.requireNonNull(event, "event"));
  }

  /** {@return every POST the fake made to a webhook url, PINGs included, oldest first (a snapshot)} */
  public List<WebhookDelivery> webhookDeliveries() {
    return engine.deliveries();
  }

  /** Stops the server. Idempotent. */
  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "FakeAccessLink[" + baseUrl + "]";
  }
}

package dev.accesslink4j.testkit;

import dev.accesslink4j.AccessLink;
import dev.accesslink4j.ClientSecret;
import dev.accesslink4j.testkit.internal.Account;
import dev.accesslink4j.testkit.internal.Engine;
import dev.accesslink4j.testkit.internal.Faults;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * A stateful, in-process fake of the Polar AccessLink API v3 on a real HTTP server bound to loopback.
 *
 * <pre>{@code
 * try (FakeAccessLink fake = FakeAccessLink.start()) {
 *   FakeUser user = fake.addUser("member-42");        // a registered Polar account
 *   user.seedDays(14);                                 // two weeks of every kind of data
 *   String token = fake.issueToken(user);              // skip the browser flow
 *   // point a client at fake.baseUrl(), fake.tokenUrl(), fake.clientId(), fake.clientSecret()
 * }
 * }</pre>
 *
 * <p>What it does, in AccessLink's terms:
 *
 * <ul>
 *   <li><b>OAuth2</b> on the same server: {@link #authorizationUrl()} approves at once (the demo account, or the one
 *       chosen with {@link #nextAuthorizationFor(FakeUser)}) and redirects with {@code code} and {@code state};
 *       {@link #tokenUrl()} exchanges single-use codes that expire after ten minutes, and a reused code revokes every
 *       token issued for it.
 *   <li><b>Users</b>: registration (409 the second time), read (204 when not registered), delete (revokes the token).
 *       An account that is not registered has no data. With {@link FakeUser#withholdConsent()} every user-data call
 *       answers 403; unknown or revoked tokens answer 401.
 *   <li><b>Transactions</b> for exercises, activity and physical information, with at most 50 items each, commits
 *       that delete, and uncommitted items that come back in the next transaction; <b>pull notifications</b> list
 *       the users with uncommitted data until it is committed.
 *   <li><b>Every non-transactional resource</b>, with deterministic, realistic data from a seeded generator: exercises
 *       (FIT written with the Garmin FIT SDK, TCX, GPX), daily activity, continuous heart rate, cardio load, SleepWise,
 *       biosensing, sleep, Nightly Recharge and physical information, in Polar's own field names and time formats.
 *   <li><b>Webhooks</b>: create, read, update, delete, activate, deactivate, each PINGing the url with a real POST;
 *       {@link #deliver(FakeWebhookEvent)} sends events signed with the real algorithm.
 *   <li><b>Rate limits</b>: {@code RateLimit-Usage}, {@code RateLimit-Limit} and {@code RateLimit-Reset} on every
 *       {@code /v3} response, 429 once a window is spent.
 *   <li><b>Faults</b>: failures, HTML error pages, delays, dropped connections, truncated and malformed bodies.
 * </ul>
 *
 * <p>Where Polar's documentation is silent the fake makes one documented choice: see {@link Route} and the methods
 * for each. Two worth knowing: the transactional TCX is served gzip-compressed (raw gzip bytes, no
 * {@code Content-Encoding}) while {@code /v3/exercises/{id}/tcx} is plain XML; and creating a transaction while
 * one is open abandons the open one (404 from then on).
 *
 * <p>Thread-safe. Time comes from the clock in {@link Options} (advance it with {@link #advanceTime(Duration)}),
 * so tests are deterministic. Close it to stop the server.
 */
public final class FakeAccessLink implements AutoCloseable {
  /**
   * Every operation the fake serves, with its method and path template. Use a route to target fault injection and
   * to filter {@link ReceivedRequest}s. Literal segments win over templates ({@code /v3/users/cardio-load/date}
   * never reaches {@code /{date}}); a trailing slash is ignored, so {@code /v3/users/activities/?from=...} works.
   */
  public enum Route {
    /** {@code GET /oauth2/authorization}: approve and redirect with a code. */
    OAUTH_AUTHORIZE("GET", "/oauth2/authorization"),
    /** {@code POST /v2/oauth2/token}: exchange a code for a token (basic client auth). */
    OAUTH_TOKEN("POST", "/v2/oauth2/token"),
    /** {@code POST /v3/users}: register the token's user. */
    REGISTER_USER("POST", "/v3/users"),
    /** {@code GET /v3/users/{user-id}}. */
    GET_USER("GET", "/v3/users/{user-id}"),
    /** {@code DELETE /v3/users/{user-id}}: de-register and revoke the token. */
    DELETE_USER("DELETE", "/v3/users/{user-id}"),
    /** {@code GET /v3/notifications} (basic auth). */
    LIST_NOTIFICATIONS("GET", "/v3/notifications"),
    /** {@code GET /v3/exercises}. */
    LIST_EXERCISES("GET", "/v3/exercises"),
    /** {@code GET /v3/exercises/{exercise-id}}. */
    GET_EXERCISE("GET", "/v3/exercises/{exercise-id}"),
    /** {@code GET /v3/exercises/{exercise-id}/fit}. */
    GET_EXERCISE_FIT("GET", "/v3/exercises/{exercise-id}/fit"),
    /** {@code GET /v3/exercises/{exercise-id}/tcx}: plain XML. */
    GET_EXERCISE_TCX("GET", "/v3/exercises/{exercise-id}/tcx"),
    /** {@code GET /v3/exercises/{exercise-id}/gpx}: 404 without a route. */
    GET_EXERCISE_GPX("GET", "/v3/exercises/{exercise-id}/gpx"),
    /** {@code GET /v3/users/activities}, optionally {@code ?from&to}. */
    LIST_ACTIVITIES("GET", "/v3/users/activities"),
    /** {@code GET /v3/users/activities/{date}}. */
    GET_ACTIVITY("GET", "/v3/users/activities/{date}"),
    /** {@code GET /v3/users/activities/samples}, optionally {@code ?from&to}. */
    LIST_ACTIVITY_SAMPLES("GET", "/v3/users/activities/samples"),
    /** {@code GET /v3/users/activities/samples/{date}}. */
    GET_ACTIVITY_SAMPLES("GET", "/v3/users/activities/samples/{date}"),
    /** {@code GET /v3/users/continuous-heart-rate?from&to}. */
    LIST_CONTINUOUS_HEART_RATE("GET", "/v3/users/continuous-heart-rate"),
    /** {@code GET /v3/users/continuous-heart-rate/{date}}: 404 when no data. */
    GET_CONTINUOUS_HEART_RATE("GET", "/v3/users/continuous-heart-rate/{date}"),
    /** {@code GET /v3/users/cardio-load}. */
    LIST_CARDIO_LOAD("GET", "/v3/users/cardio-load"),
    /** {@code GET /v3/users/cardio-load/{date}}: an array even for one date. */
    GET_CARDIO_LOAD("GET", "/v3/users/cardio-load/{date}"),
    /** {@code GET /v3/users/cardio-load/date?from&to}: one entry per day. */
    LIST_CARDIO_LOAD_BY_DATE_RANGE("GET", "/v3/users/cardio-load/date"),
    /** {@code GET /v3/users/cardio-load/period/days/{days}}. */
    LIST_CARDIO_LOAD_BY_DAYS("GET", "/v3/users/cardio-load/period/days/{days}"),
    /** {@code GET /v3/users/cardio-load/period/months/{months}}. */
    LIST_CARDIO_LOAD_BY_MONTHS("GET", "/v3/users/cardio-load/period/months/{months}"),
    /** {@code GET /v3/users/sleepwise/alertness}. */
    LIST_ALERTNESS("GET", "/v3/users/sleepwise/alertness"),
    /** {@code GET /v3/users/sleepwise/alertness/date?from&to}. */
    LIST_ALERTNESS_BY_DATE_RANGE("GET", "/v3/users/sleepwise/alertness/date"),
    /** {@code GET /v3/users/sleepwise/circadian-bedtime}. */
    LIST_CIRCADIAN_BEDTIME("GET", "/v3/users/sleepwise/circadian-bedtime"),
    /** {@code GET /v3/users/sleepwise/circadian-bedtime/date?from&to}. */
    LIST_CIRCADIAN_BEDTIME_BY_DATE_RANGE("GET", "/v3/users/sleepwise/circadian-bedtime/date"),
    /** {@code GET /v3/users/biosensing/bodytemperature}. */
    LIST_BODY_TEMPERATURE("GET", "/v3/users/biosensing/bodytemperature"),
    /** {@code GET /v3/users/biosensing/skintemperature}. */
    LIST_SKIN_TEMPERATURE("GET", "/v3/users/biosensing/skintemperature"),
    /** {@code GET /v3/users/biosensing/skincontacts}. */
    LIST_SKIN_CONTACTS("GET", "/v3/users/biosensing/skincontacts"),
    /** {@code GET /v3/users/biosensing/ecg}. */
    LIST_ECG("GET", "/v3/users/biosensing/ecg"),
    /** {@code GET /v3/users/biosensing/spo2}. */
    LIST_SPO2("GET", "/v3/users/biosensing/spo2"),
    /** {@code GET /v3/users/sleep}. */
    LIST_SLEEP("GET", "/v3/users/sleep"),
    /** {@code GET /v3/users/sleep/{date}}: 404 when no data. */
    GET_SLEEP("GET", "/v3/users/sleep/{date}"),
    /** {@code GET /v3/users/sleep/available}. */
    LIST_AVAILABLE_SLEEP("GET", "/v3/users/sleep/available"),
    /** {@code GET /v3/users/nightly-recharge}. */
    LIST_NIGHTLY_RECHARGE("GET", "/v3/users/nightly-recharge"),
    /** {@code GET /v3/users/nightly-recharge/{date}}: 404 when no data. */
    GET_NIGHTLY_RECHARGE("GET", "/v3/users/nightly-recharge/{date}"),
    /** {@code GET /v3/users/physical-info}. */
    GET_PHYSICAL_INFO("GET", "/v3/users/physical-info"),
    /** {@code POST /v3/webhooks}. */
    CREATE_WEBHOOK("POST", "/v3/webhooks"),
    /** {@code GET /v3/webhooks}. */
    GET_WEBHOOK("GET", "/v3/webhooks"),
    /** {@code PATCH /v3/webhooks/{webhook-id}}. */
    UPDATE_WEBHOOK("PATCH", "/v3/webhooks/{webhook-id}"),
    /** {@code DELETE /v3/webhooks/{webhook-id}}. */
    DELETE_WEBHOOK("DELETE", "/v3/webhooks/{webhook-id}"),
    /** {@code POST /v3/webhooks/activate}. */
    ACTIVATE_WEBHOOK("POST", "/v3/webhooks/activate"),
    /** {@code POST /v3/webhooks/deactivate}. */
    DEACTIVATE_WEBHOOK("POST", "/v3/webhooks/deactivate"),
    /** {@code POST /v3/users/{user-id}/exercise-transactions}. */
    CREATE_EXERCISE_TRANSACTION("POST", "/v3/users/{user-id}/exercise-transactions"),
    /** {@code GET /v3/users/{user-id}/exercise-transactions/{transaction-id}}. */
    GET_EXERCISE_TRANSACTION("GET", "/v3/users/{user-id}/exercise-transactions/{transaction-id}"),
    /** {@code PUT /v3/users/{user-id}/exercise-transactions/{transaction-id}}: commit. */
    COMMIT_EXERCISE_TRANSACTION("PUT", "/v3/users/{user-id}/exercise-transactions/{transaction-id}"),
    /** {@code GET .../exercise-transactions/{transaction-id}/exercises/{exercise-id}}. */
    GET_TRANSACTION_EXERCISE("GET",
        "/v3/users/{user-id}/exercise-transactions/{transaction-id}/exercises/{exercise-id}"),
    /** {@code GET .../exercises/{exercise-id}/fit}: 204 when no FIT. */
    GET_TRANSACTION_EXERCISE_FIT("GET",
        "/v3/users/{user-id}/exercise-transactions/{transaction-id}/exercises/{exercise-id}/fit"),
    /** {@code GET .../exercises/{exercise-id}/tcx}: gzip-compressed bytes. */
    GET_TRANSACTION_EXERCISE_TCX("GET",
        "/v3/users/{user-id}/exercise-transactions/{transaction-id}/exercises/{exercise-id}/tcx"),
    /** {@code GET .../exercises/{exercise-id}/gpx?includePauseTimes}: 204 without a route. */
    GET_TRANSACTION_EXERCISE_GPX("GET",
        "/v3/users/{user-id}/exercise-transactions/{transaction-id}/exercises/{exercise-id}/gpx"),
    /** {@code GET .../exercises/{exercise-id}/heart-rate-zones}: 204 without heart rate. */
    GET_TRANSACTION_EXERCISE_HEART_RATE_ZONES("GET",
        "/v3/users/{user-id}/exercise-transactions/{transaction-id}/exercises/{exercise-id}/heart-rate-zones"),
    /** {@code GET .../exercises/{exercise-id}/samples}: URLs of the available sample types. */
    GET_TRANSACTION_EXERCISE_SAMPLES("GET",
        "/v3/users/{user-id}/exercise-transactions/{transaction-id}/exercises/{exercise-id}/samples"),
    /** {@code GET .../exercises/{exercise-id}/samples/{type-id}}: 204 for a type not recorded. */
    GET_TRANSACTION_EXERCISE_SAMPLE("GET",
        "/v3/users/{user-id}/exercise-transactions/{transaction-id}/exercises/{exercise-id}/samples/{type-id}"),
    /** {@code POST /v3/users/{user-id}/activity-transactions}. */
    CREATE_ACTIVITY_TRANSACTION("POST", "/v3/users/{user-id}/activity-transactions"),
    /** {@code GET /v3/users/{user-id}/activity-transactions/{transaction-id}}. */
    GET_ACTIVITY_TRANSACTION("GET", "/v3/users/{user-id}/activity-transactions/{transaction-id}"),
    /** {@code PUT /v3/users/{user-id}/activity-transactions/{transaction-id}}: commit. */
    COMMIT_ACTIVITY_TRANSACTION("PUT", "/v3/users/{user-id}/activity-transactions/{transaction-id}"),
    /** {@code GET .../activity-transactions/{transaction-id}/activities/{activity-id}}. */
    GET_TRANSACTION_ACTIVITY("GET",
        "/v3/users/{user-id}/activity-transactions/{transaction-id}/activities/{activity-id}"),
    /** {@code GET .../activities/{activity-id}/step-samples}. */
    GET_TRANSACTION_ACTIVITY_STEP_SAMPLES("GET",
        "/v3/users/{user-id}/activity-transactions/{transaction-id}/activities/{activity-id}/step-samples"),
    /** {@code GET .../activities/{activity-id}/zone-samples}. */
    GET_TRANSACTION_ACTIVITY_ZONE_SAMPLES("GET",
        "/v3/users/{user-id}/activity-transactions/{transaction-id}/activities/{activity-id}/zone-samples"),
    /** {@code POST /v3/users/{user-id}/physical-information-transactions}. */
    CREATE_PHYSICAL_INFO_TRANSACTION("POST", "/v3/users/{user-id}/physical-information-transactions"),
    /** {@code GET /v3/users/{user-id}/physical-information-transactions/{transaction-id}}. */
    GET_PHYSICAL_INFO_TRANSACTION("GET",
        "/v3/users/{user-id}/physical-information-transactions/{transaction-id}"),
    /** {@code PUT /v3/users/{user-id}/physical-information-transactions/{transaction-id}}: commit. */
    COMMIT_PHYSICAL_INFO_TRANSACTION("PUT",
        "/v3/users/{user-id}/physical-information-transactions/{transaction-id}"),
    /** {@code GET .../physical-information-transactions/{transaction-id}/physical-informations/{id}}. */
    GET_TRANSACTION_PHYSICAL_INFO("GET",
        "/v3/users/{user-id}/physical-information-transactions/{transaction-id}/physical-informations/"
            + "{physical-info-id}");

    private final String method;
    private final String pathTemplate;

    Route(String method, String pathTemplate) {
      this.method = method;
      this.pathTemplate = pathTemplate;
    }

    /**
     * The HTTP method.
     *
     * @return for example {@code GET}
     */
    public String method() {
      return method;
    }

    /**
     * The path template, parameters in braces.
     *
     * @return for example {@code /v3/users/sleep/{date}}
     */
    public String pathTemplate() {
      return pathTemplate;
    }
  }

  /** Where {@link #dropConnectionNext(Route, DropPoint)} cuts the connection. */
  public enum DropPoint {
    /** After the request is read and before any response byte; the request is not processed. */
    BEFORE_RESPONSE,
    /**
     * After the headers and half of the body; the request IS processed (a commit is committed), the client sees an
     * I/O error while reading the body.
     */
    MID_BODY
  }

  private final MockWebServer server;
  private final Engine engine;
  private final Options options;
  private final String baseUrl;
  private final Map<Account, FakeUser> users = new IdentityHashMap<>();

  private FakeAccessLink(MockWebServer server, Engine engine, Options options, String baseUrl) {
    this.server = server;
    this.engine = engine;
    this.options = options;
    this.baseUrl = baseUrl;
  }

  /**
   * Starts a fake with {@link Options#defaults()} on a free loopback port.
   *
   * @return the running fake
   * @throws UncheckedIOException when the server cannot start
   */
  public static FakeAccessLink start() {
    return start(Options.defaults());
  }

  /**
   * Starts a fake.
   *
   * @param options the options
   * @return the running fake
   * @throws UncheckedIOException when the server cannot start
   */
  public static FakeAccessLink start(Options options) {
    Objects.requireNonNull(options, "options");
    Engine engine = new Engine(new Engine.Config(options.seed, options.clientId, options.clientSecret,
        options.redirectUris, options.clock(), options.zone, options.demoDays, options.shortLimit,
        options.longLimit, options.autoDeliverWebhooks, options.webhookTimeout));
    MockWebServer server = new MockWebServer();
    server.setDispatcher(engine);
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try {
      server.start(loopback, options.port);
    } catch (IOException e) {
      server.close();
      throw new UncheckedIOException("cannot start the fake AccessLink server", e);
    }
    String base = new HttpUrl.Builder().scheme("http").host(loopback.getHostAddress()).port(server.getPort())
        .build().toString();
    engine.baseUrl(base);
    return new FakeAccessLink(server, engine, options, base);
  }

  /**
   * Runs the fake standalone on loopback until the process is stopped: registers and seeds the demo user, then
   * prints the base URL, the OAuth URLs, the client id and the demo user's access token. Arguments: an optional
   * port (default 8765) and an optional seed.
   *
   * @param args {@code [port [seed]]}
   * @throws InterruptedException when interrupted while waiting
   */
  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8765;
    Options.Builder b = Options.builder().port(port).demoUserDays(14);
    if (args.length > 1) {
      b.seed(Long.parseLong(args[1]));
    }
    FakeAccessLink fake = start(b.build());
    FakeUser demo = fake.demoUser();
    demo.register("demo-member");
    String token = fake.issueToken(demo);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      fake.close();
      stopped.countDown();
    }, "fake-accesslink-shutdown"));
    PrintStream out = System.out;
    out.println("Fake Polar AccessLink running (Ctrl-C to stop)");
    out.println("  base URL:          " + fake.baseUrl());
    out.println("  authorization URL: " + fake.authorizationUrl());
    out.println("  token URL:         " + fake.tokenUrl());
    out.println("  client id:         " + fake.clientId() + " (secret: the testkit default unless configured)");
    out.println("  redirect URIs:     " + fake.redirectUris());
    out.println("  demo user:         " + demo.polarUserId() + ", registered, " + fake.engine.config().demoDays()
        + " days of data");
    out.println("  demo access token: " + token);
    out.println("  try: curl -H 'Authorization: Bearer " + token + "' " + fake.baseUrl() + "v3/exercises");
    stopped.await();
  }

  /**
   * The API base URL, with a trailing slash; every absolute URL in responses starts with it.
   *
   * @return for example {@code http://127.0.0.1:53211/}
   */
  public String baseUrl() {
    return baseUrl;
  }

  /**
   * The authorization endpoint on this server (Polar's is {@code https://flow.polar.com/oauth2/authorization}).
   *
   * @return {@code baseUrl() + "oauth2/authorization"}
   */
  public String authorizationUrl() {
    return baseUrl + "oauth2/authorization";
  }

  /**
   * The token endpoint on this server (Polar's is {@code https://polarremote.com/v2/oauth2/token}).
   *
   * @return {@code baseUrl() + "v2/oauth2/token"}
   */
  public String tokenUrl() {
    return baseUrl + "v2/oauth2/token";
  }

  /**
   * The partner client id the fake accepts.
   *
   * @return the client id
   */
  public String clientId() {
    return options.clientId;
  }

  /**
   * The partner client secret the fake accepts.
   *
   * @return the client secret
   */
  public String clientSecret() {
    return options.clientSecret;
  }

  /**
   * An SDK client builder already pointed at this fake: its client id and secret, API, authorization and token URLs,
   * and its first registered redirect URI. Add your own settings (retry policy, timeouts) and build it.
   *
   * @return a builder; the client it builds is the caller's to close
   */
  public AccessLink.Builder clientBuilder() {
    AccessLink.Builder builder = AccessLink.builder()
        .clientId(clientId())
        .clientSecret(ClientSecret.of(clientSecret()))
        .apiUrl(URI.create(baseUrl()))
        .authorizationUrl(URI.create(authorizationUrl()))
        .tokenUrl(URI.create(tokenUrl()));
    redirectUris().stream().findFirst().map(URI::create).ifPresent(builder::redirectUri);
    return builder;
  }

  /**
   * An SDK client pointed at this fake, with the SDK's defaults otherwise.
   *
   * @return a new client; close it when done (before or after the fake)
   */
  public AccessLink newClient() {
    return clientBuilder().build();
  }

  /**
   * The registered redirect URIs; the first is the default.
   *
   * @return the URIs
   */
  public List<String> redirectUris() {
    return options.redirectUris;
  }

  /**
   * The fake's clock: the options' clock plus every {@link #advanceTime(Duration)}.
   *
   * @return the clock
   */
  public Clock clock() {
    return engine.clock();
  }

  /**
   * Today in the device time zone, on the fake's clock.
   *
   * @return today
   */
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
   * at start (the OAuth flow, then {@code POST /v3/users}, registers it) and has {@link Options#demoUserDays()} days
   * of data.
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
    return wrap(engine.addAccount(null, true));
  }

  /**
   * Adds a Polar account already registered with the client under a member id.
   *
   * @param memberId the partner's member id
   * @return the new user, without data
   */
  public FakeUser addUser(String memberId) {
    return wrap(engine.addAccount(Objects.requireNonNull(memberId, "memberId"), true));
  }

  /**
   * Adds a Polar account that has not linked to the client yet: after the OAuth flow it must be registered with
   * {@code POST /v3/users}.
   *
   * @return the new user, without data
   */
  public FakeUser addUnregisteredUser() {
    return wrap(engine.addAccount(null, false));
  }

  /**
   * Every account, the demo account first.
   *
   * @return the users
   */
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
   * Issues an access token for a user without the browser flow, as if the flow had completed.
   *
   * @param user the user
   * @return the bearer token
   */
  public String issueToken(FakeUser user) {
    return engine.issueToken(own(user));
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
    engine.rateLimiter().limits(shortLimit, longLimit);
    engine.rateLimiter().reset();
  }

  /** Empties both rate-limit windows (the budget stays). */
  public void resetRateLimits() {
    engine.rateLimiter().reset();
  }

  // ---------------------------------------------------------------- faults

  /**
   * Answers the next matching request with a status and Polar's error JSON, without processing it. An injected
   * {@code 429} carries rate-limit headers saying the 15-minute window is spent and resets in 900 seconds.
   *
   * @param route the operation
   * @param status the HTTP status, for example 503
   */
  public void failNext(Route route, int status) {
    failNext(route, status, 1);
  }

  /**
   * Answers the next {@code times} matching requests with a status and Polar's error JSON, without processing them.
   *
   * @param route the operation
   * @param status the HTTP status
   * @param times how many requests; at least 1
   */
  public void failNext(Route route, int status, int times) {
    engine.faults().add(Faults.Kind.FAIL, Objects.requireNonNull(route, "route"), status(status), Duration.ZERO,
        times);
  }

  /**
   * Answers the next request whose path matches with a status and Polar's error JSON, without processing it.
   *
   * @param pathRegex a regular expression for the whole encoded path (no query), e.g. {@code /v3/exercises/.*}
   * @param status the HTTP status
   */
  public void failNext(String pathRegex, int status) {
    failNext(pathRegex, status, 1);
  }

  /**
   * Answers the next {@code times} requests whose path matches with a status and Polar's error JSON.
   *
   * @param pathRegex a regular expression for the whole encoded path (no query)
   * @param status the HTTP status
   * @param times how many requests; at least 1
   */
  public void failNext(String pathRegex, int status, int times) {
    engine.faults().add(Faults.Kind.FAIL, Objects.requireNonNull(pathRegex, "pathRegex"), status(status),
        Duration.ZERO, times);
  }

  /**
   * Answers the next matching request with an nginx-style HTML error page ({@code text/html}), as a proxy or load
   * balancer in front of the API would; the request is not processed.
   *
   * @param route the operation
   * @param status the HTTP status, for example 502
   */
  public void htmlErrorNext(Route route, int status) {
    engine.faults().add(Faults.Kind.HTML, Objects.requireNonNull(route, "route"), status(status), Duration.ZERO, 1);
  }

  /**
   * Answers the next request whose path matches with an HTML error page.
   *
   * @param pathRegex a regular expression for the whole encoded path
   * @param status the HTTP status
   */
  public void htmlErrorNext(String pathRegex, int status) {
    engine.faults().add(Faults.Kind.HTML, Objects.requireNonNull(pathRegex, "pathRegex"), status(status),
        Duration.ZERO, 1);
  }

  /**
   * Processes the next matching request normally but holds the response headers back for a while (to trigger a
   * client's read timeout).
   *
   * @param route the operation
   * @param delay how long
   */
  public void delayNext(Route route, Duration delay) {
    engine.faults().add(Faults.Kind.DELAY, Objects.requireNonNull(route, "route"), 0, nonNegative(delay), 1);
  }

  /**
   * Processes the next request whose path matches normally but holds the response headers back.
   *
   * @param pathRegex a regular expression for the whole encoded path
   * @param delay how long
   */
  public void delayNext(String pathRegex, Duration delay) {
    engine.faults().add(Faults.Kind.DELAY, Objects.requireNonNull(pathRegex, "pathRegex"), 0, nonNegative(delay),
        1);
  }

  /**
   * Closes the connection of the next matching request before answering; the request is not processed.
   *
   * @param route the operation
   */
  public void dropConnectionNext(Route route) {
    dropConnectionNext(route, DropPoint.BEFORE_RESPONSE);
  }

  /**
   * Closes the connection of the next matching request at a point.
   *
   * @param route the operation
   * @param point before the response (not processed) or in the middle of the body (processed)
   */
  public void dropConnectionNext(Route route, DropPoint point) {
    engine.faults().add(dropKind(point), Objects.requireNonNull(route, "route"), 0, Duration.ZERO, 1);
  }

  /**
   * Closes the connection of the next request whose path matches, before answering.
   *
   * @param pathRegex a regular expression for the whole encoded path
   */
  public void dropConnectionNext(String pathRegex) {
    dropConnectionNext(pathRegex, DropPoint.BEFORE_RESPONSE);
  }

  /**
   * Closes the connection of the next request whose path matches, at a point.
   *
   * @param pathRegex a regular expression for the whole encoded path
   * @param point before the response or in the middle of the body
   */
  public void dropConnectionNext(String pathRegex, DropPoint point) {
    engine.faults().add(dropKind(point), Objects.requireNonNull(pathRegex, "pathRegex"), 0, Duration.ZERO, 1);
  }

  /**
   * Processes the next matching request but sends only the first half of its body, as a complete HTTP message
   * with a matching {@code Content-Length} (the payload is cut, the transfer is not).
   *
   * @param route the operation
   */
  public void truncateNext(Route route) {
    engine.faults().add(Faults.Kind.TRUNCATE, Objects.requireNonNull(route, "route"), 0, Duration.ZERO, 1);
  }

  /**
   * Processes the next request whose path matches but sends only the first half of its body.
   *
   * @param pathRegex a regular expression for the whole encoded path
   */
  public void truncateNext(String pathRegex) {
    engine.faults().add(Faults.Kind.TRUNCATE, Objects.requireNonNull(pathRegex, "pathRegex"), 0, Duration.ZERO, 1);
  }

  /**
   * Processes the next matching request but sends a body that is not valid JSON (a name-value separator is
   * missing, which no lenient parser repairs), labelled {@code application/json}.
   *
   * @param route the operation
   */
  public void malformedJsonNext(Route route) {
    engine.faults().add(Faults.Kind.MALFORMED_JSON, Objects.requireNonNull(route, "route"), 0, Duration.ZERO, 1);
  }

  /**
   * Processes the next request whose path matches but sends a body that is not valid JSON.
   *
   * @param pathRegex a regular expression for the whole encoded path
   */
  public void malformedJsonNext(String pathRegex) {
    engine.faults().add(Faults.Kind.MALFORMED_JSON, Objects.requireNonNull(pathRegex, "pathRegex"), 0,
        Duration.ZERO, 1);
  }

  /** Forgets every queued fault. */
  public void clearFaults() {
    engine.faults().clear();
  }

  private static Faults.Kind dropKind(DropPoint point) {
    return Objects.requireNonNull(point, "point") == DropPoint.MID_BODY
        ? Faults.Kind.DROP_MID_BODY : Faults.Kind.DROP_BEFORE_RESPONSE;
  }

  private static int status(int status) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("not an HTTP status: " + status);
    }
    return status;
  }

  private static Duration nonNegative(Duration d) {
    if (Objects.requireNonNull(d, "delay").isNegative()) {
      throw new IllegalArgumentException("negative delay");
    }
    return d;
  }

  // ---------------------------------------------------------------- recorded requests

  /**
   * Every request received so far, oldest first (including those answered by a fault or a 429).
   *
   * @return an immutable snapshot
   */
  public List<ReceivedRequest> requests() {
    return engine.requests();
  }

  /**
   * The requests received so far for one operation.
   *
   * @param route the operation
   * @return an immutable snapshot, oldest first
   */
  public List<ReceivedRequest> requests(Route route) {
    List<ReceivedRequest> list = new ArrayList<>();
    for (ReceivedRequest r : engine.requests()) {
      if (r.route().orElse(null) == route) {
        list.add(r);
      }
    }
    return List.copyOf(list);
  }

  /**
   * The most recent request.
   *
   * @return the request, or empty when none arrived yet
   */
  public Optional<ReceivedRequest> lastRequest() {
    List<ReceivedRequest> all = engine.requests();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /** Forgets the recorded requests. */
  public void clearRequests() {
    engine.clearRequests();
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

  /**
   * Every POST the fake made to a webhook url, PINGs included, oldest first.
   *
   * @return an immutable snapshot
   */
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

  /**
   * How a fake starts: the generator seed, the partner client's credentials and redirect URIs, the clock, and the
   * defaults for rate limits and webhooks. Immutable.
   */
  public static final class Options {
    /** The default client id. */
    public static final String DEFAULT_CLIENT_ID = "fake-client-id";
    /** The default client secret. */
    public static final String DEFAULT_CLIENT_SECRET = "fake-client-secret";
    /** The default (and only default-registered) redirect URI. */
    public static final String DEFAULT_REDIRECT_URI = "http://localhost:8080/oauth2/callback";

    private final long seed;
    private final String clientId;
    private final String clientSecret;
    private final List<String> redirectUris;
    private final @Nullable Clock clock;
    private final @Nullable LocalDate today;
    private final ZoneId zone;
    private final int demoDays;
    private final @Nullable Integer shortLimit;
    private final @Nullable Integer longLimit;
    private final boolean autoDeliverWebhooks;
    private final Duration webhookTimeout;
    private final int port;

    private Options(Builder b) {
      this.seed = b.seed;
      this.clientId = b.clientId;
      this.clientSecret = b.clientSecret;
      this.redirectUris = List.copyOf(b.redirectUris);
      this.clock = b.clock;
      this.today = b.today;
      this.zone = b.zone;
      this.demoDays = b.demoDays;
      this.shortLimit = b.shortLimit;
      this.longLimit = b.longLimit;
      this.autoDeliverWebhooks = b.autoDeliverWebhooks;
      this.webhookTimeout = b.webhookTimeout;
      this.port = b.port;
    }

    /**
     * The defaults: seed 42, {@value #DEFAULT_CLIENT_ID} / {@value #DEFAULT_CLIENT_SECRET}, redirect URI
     * {@value #DEFAULT_REDIRECT_URI}, the system clock, zone Europe/Helsinki, 7 demo days, Polar's rate-limit
     * formula, no automatic webhook delivery, 5-second webhook timeout, any free port.
     *
     * @return the default options
     */
    public static Options defaults() {
      return builder().build();
    }

    /**
     * Starts a builder with the defaults.
     *
     * @return a builder
     */
    public static Builder builder() {
      return new Builder();
    }

    /**
     * The generator seed.
     *
     * @return the seed
     */
    public long seed() {
      return seed;
    }

    /**
     * The client id.
     *
     * @return the client id
     */
    public String clientId() {
      return clientId;
    }

    /**
     * The client secret.
     *
     * @return the secret
     */
    public String clientSecret() {
      return clientSecret;
    }

    /**
     * The registered redirect URIs, the default first.
     *
     * @return the URIs
     */
    public List<String> redirectUris() {
      return redirectUris;
    }

    /**
     * The clock the fake starts from: the configured clock, a clock fixed at noon of the configured "today" in
     * the device zone, or the system clock.
     *
     * @return the clock
     */
    public Clock clock() {
      if (clock != null) {
        return clock;
      }
      if (today != null) {
        Instant noon = today.atTime(12, 0).atZone(zone).toInstant();
        return Clock.fixed(noon, zone);
      }
      return Clock.system(zone);
    }

    /**
     * The device time zone: local times, day boundaries and UTC offsets in the data follow it.
     *
     * @return the zone
     */
    public ZoneId zone() {
      return zone;
    }

    /**
     * How many days of data the demo account starts with.
     *
     * @return the number of days
     */
    public int demoUserDays() {
      return demoDays;
    }

    /**
     * Whether adding data delivers the matching webhook event at once (when an active webhook wants it).
     *
     * @return the flag
     */
    public boolean autoDeliverWebhooks() {
      return autoDeliverWebhooks;
    }

    /**
     * The port to listen on.
     *
     * @return the port, 0 for any free port
     */
    public int port() {
      return port;
    }

    /** Builds {@link Options}. Not thread-safe. */
    public static final class Builder {
      private long seed = 42;
      private String clientId = DEFAULT_CLIENT_ID;
      private String clientSecret = DEFAULT_CLIENT_SECRET;
      private List<String> redirectUris = List.of(DEFAULT_REDIRECT_URI);
      private @Nullable Clock clock;
      private @Nullable LocalDate today;
      private ZoneId zone = ZoneId.of("Europe/Helsinki");
      private int demoDays = 7;
      private @Nullable Integer shortLimit;
      private @Nullable Integer longLimit;
      private boolean autoDeliverWebhooks;
      private Duration webhookTimeout = Duration.ofSeconds(5);
      private int port;

      private Builder() {}

      /**
       * Sets the seed of the data generator: the same seed, clock and calls give the same data.
       *
       * @param seed the seed
       * @return this builder
       */
      public Builder seed(long seed) {
        this.seed = seed;
        return this;
      }

      /**
       * Sets the client id.
       *
       * @param clientId the client id
       * @return this builder
       */
      public Builder clientId(String clientId) {
        this.clientId = nonEmpty(clientId, "clientId");
        return this;
      }

      /**
       * Sets the client secret.
       *
       * @param clientSecret the secret
       * @return this builder
       */
      public Builder clientSecret(String clientSecret) {
        this.clientSecret = nonEmpty(clientSecret, "clientSecret");
        return this;
      }

      /**
       * Sets the registered redirect URIs; the first is the default, used when the authorization request names
       * none. A redirect URI must match one of these exactly.
       *
       * @param first the default redirect URI
       * @param more more registered URIs
       * @return this builder
       */
      public Builder redirectUris(String first, String... more) {
        List<String> list = new ArrayList<>();
        list.add(absolute(first));
        for (String s : more) {
          list.add(absolute(s));
        }
        this.redirectUris = list;
        return this;
      }

      /**
       * Sets the clock (clears {@link #today(LocalDate)}).
       *
       * @param clock the clock
       * @return this builder
       */
      public Builder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.today = null;
        return this;
      }

      /**
       * Fixes "today": the clock stands at noon of this date in the device zone (clears {@link #clock(Clock)}).
       *
       * @param today the date
       * @return this builder
       */
      public Builder today(LocalDate today) {
        this.today = Objects.requireNonNull(today, "today");
        this.clock = null;
        return this;
      }

      /**
       * Sets the device time zone.
       *
       * @param zone the zone
       * @return this builder
       */
      public Builder zone(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
        return this;
      }

      /**
       * Sets how many days of data the demo account starts with.
       *
       * @param days the number of days, 0 for none
       * @return this builder
       */
      public Builder demoUserDays(int days) {
        if (days < 0 || days > 365) {
          throw new IllegalArgumentException("days must be between 0 and 365: " + days);
        }
        this.demoDays = days;
        return this;
      }

      /**
       * Fixes the rate-limit budget instead of Polar's user-count formula.
       *
       * @param shortLimit requests per 15 minutes
       * @param longLimit requests per 24 hours
       * @return this builder
       */
      public Builder rateLimit(int shortLimit, int longLimit) {
        if (shortLimit < 0 || longLimit < 0) {
          throw new IllegalArgumentException("limits must not be negative");
        }
        this.shortLimit = shortLimit;
        this.longLimit = longLimit;
        return this;
      }

      /**
       * Makes every data addition deliver its webhook event at once, when an active webhook subscribes to it
       * and the user is registered.
       *
       * @param autoDeliver the flag
       * @return this builder
       */
      public Builder autoDeliverWebhooks(boolean autoDeliver) {
        this.autoDeliverWebhooks = autoDeliver;
        return this;
      }

      /**
       * Sets the connect and response timeout of PINGs and deliveries.
       *
       * @param timeout the timeout
       * @return this builder
       */
      public Builder webhookTimeout(Duration timeout) {
        if (Objects.requireNonNull(timeout, "timeout").isNegative() || timeout.isZero()) {
          throw new IllegalArgumentException("timeout must be positive");
        }
        this.webhookTimeout = timeout;
        return this;
      }

      /**
       * Sets the port.
       *
       * @param port the port, 0 for any free port
       * @return this builder
       */
      public Builder port(int port) {
        if (port < 0 || port > 65535) {
          throw new IllegalArgumentException("not a port: " + port);
        }
        this.port = port;
        return this;
      }

      /**
       * Builds the options.
       *
       * @return the options
       */
      public Options build() {
        return new Options(this);
      }

      private static String nonEmpty(String s, String name) {
        if (Objects.requireNonNull(s, name).isEmpty()) {
          throw new IllegalArgumentException(name + " must not be empty");
        }
        return s;
      }

      private static String absolute(String uri) {
        Objects.requireNonNull(uri, "redirect URI");
        if (!URI.create(uri).isAbsolute()) {
          throw new IllegalArgumentException("redirect URI must be absolute: " + uri);
        }
        return uri;
      }
    }
  }
}

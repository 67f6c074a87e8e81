package dev.accesslink4j.testkit.internal;

import com.google.gson.JsonObject;
import dev.accesslink4j.testkit.ExerciseSpec;
import dev.accesslink4j.testkit.ExerciseSpec.Sport;
import dev.accesslink4j.testkit.FakeAccessLink.Route;
import dev.accesslink4j.testkit.FakeWebhookEvent;
import dev.accesslink4j.testkit.ReceivedRequest;
import dev.accesslink4j.testkit.WebhookDelivery;
import dev.accesslink4j.testkit.internal.Account.DayKind;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okio.Buffer;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * The fake's engine: the state of every account, token, code, transaction and the webhook, behind one lock; the
 * MockWebServer {@link Dispatcher} that records, rate-limits, injects faults and routes each request; and the
 * seeding operations the public facade calls.
 */
public final class Engine extends Dispatcher {
  /** Settings, resolved from the public options. */
  public record Config(long seed, String clientId, String clientSecret, List<String> redirectUris, Clock clock,
      ZoneId zone, int demoDays, @Nullable Integer shortLimit, @Nullable Integer longLimit, boolean autoDeliver,
      Duration webhookTimeout) {}

  /** The three transactional data types. */
  public enum Kind {
    /** Exercise transactions. */
    EXERCISE("exercise-transactions", "exercises", "exercises", "EXERCISE"),
    /** Activity transactions. */
    ACTIVITY("activity-transactions", "activity-log", "activities", "ACTIVITY_SUMMARY"),
    /** Physical-information transactions. */
    PHYSICAL("physical-information-transactions", "physical-informations", "physical-informations",
        "PHYSICAL_INFORMATION");

    final String segment;
    final String listKey;
    final String itemSegment;
    final String dataType;

    Kind(String segment, String listKey, String itemSegment, String dataType) {
      this.segment = segment;
      this.listKey = listKey;
      this.itemSegment = itemSegment;
      this.dataType = dataType;
    }
  }

  static final class TokenInfo {
    final long userId;
    boolean revoked;

    TokenInfo(long userId) {
      this.userId = userId;
    }
  }

  static final class AuthCode {
    final long userId;
    final @Nullable String redirectUri;
    final Instant issuedAt;
    boolean used;
    final List<String> tokens = new ArrayList<>();

    AuthCode(long userId, @Nullable String redirectUri, Instant issuedAt) {
      this.userId = userId;
      this.redirectUri = redirectUri;
      this.issuedAt = issuedAt;
    }
  }

  static final class Transaction {
    final long id;
    final Kind kind;
    final long userId;
    final List<Long> items;
    boolean open = true;

    Transaction(long id, Kind kind, long userId, List<Long> items) {
      this.id = id;
      this.kind = kind;
      this.userId = userId;
      this.items = items;
    }
  }

  static final class Webhook {
    final String id;
    final String secret;
    List<String> events;
    String url;
    boolean active = true;

    Webhook(String id, String secret, List<String> events, String url) {
      this.id = id;
      this.secret = secret;
      this.events = events;
      this.url = url;
    }
  }

  static final int MAX_TRANSACTION_ITEMS = 50;
  static final long DEMO_USER_ID = 2278512L;

  final Object lock = new Object();
  final Config config;
  final FakeClock clock;
  final Faults faults = new Faults();
  final RateLimiter rateLimiter = new RateLimiter();
  private final Router router = new Router();
  private final Rnd ids;
  private final Rnd corrIds;
  private final OAuthHandler oauth;
  private final ApiHandler api;
  private final TransactionHandler transactions;
  final WebhookHandler webhooks;

  final Map<Long, Account> accounts = new LinkedHashMap<>();
  final Map<String, TokenInfo> tokens = new LinkedHashMap<>();
  final Map<String, AuthCode> codes = new LinkedHashMap<>();
  final Map<Long, Transaction> openTransactions = new LinkedHashMap<>();
  @Nullable Webhook webhook;
  @Nullable Account nextAuthorization;
  boolean denyNextAuthorization;
  private final Account demo;

  private final List<ReceivedRequest> requests = new ArrayList<>();
  final List<WebhookDelivery> deliveries = new ArrayList<>();
  private volatile String baseUrl = "http://127.0.0.1/";

  private long nextTransactionId = 179_879;
  private long nextExerciseId = 1_937_529_874L;
  private long nextActivityId = 1_234;
  private long nextPhysicalId = 123;

  /** Creates the engine and the seeded demo account. */
  public Engine(Config config) {
    this.config = config;
    this.clock = new FakeClock(config.clock());
    this.ids = Rnd.of(config.seed(), "ids");
    this.corrIds = Rnd.of(config.seed(), "corr-ids");
    this.rateLimiter.limits(config.shortLimit(), config.longLimit());
    this.oauth = new OAuthHandler(this);
    this.api = new ApiHandler(this);
    this.transactions = new TransactionHandler(this);
    this.webhooks = new WebhookHandler(this);
    synchronized (lock) {
      this.demo = newAccount(DEMO_USER_ID, "Eka", "Toka", LocalDate.of(1985, 9, 6), "MALE", 170, 66);
      seedDays(demo, config.demoDays(), new ArrayList<>());
    }
  }

  // ---------------------------------------------------------------- accessors

  /** The fake clock. */
  public FakeClock clock() {
    return clock;
  }

  /** The fault queue. */
  public Faults faults() {
    return faults;
  }

  /** The rate limiter. */
  public RateLimiter rateLimiter() {
    return rateLimiter;
  }

  /** The settings. */
  public Config config() {
    return config;
  }

  /** The demo account. */
  public Account demo() {
    return demo;
  }

  /** Sets the API base URL once the server listens. */
  public void baseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** The API base URL, ending with a slash. */
  public String baseUrl() {
    return baseUrl;
  }

  /** "Today" in the device zone. */
  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), config.zone());
  }

  String userUrl(long userId) {
    return baseUrl + "v3/users/" + userId;
  }

  /**
   * The {@code polar-user} / {@code polar_user} link inside data: Polar's own URL, not the fake's, so the data is the
   * same whatever port the fake runs on (nothing follows this link; URLs that clients follow point at the fake).
   */
  String profileUrl(long userId) {
    return "https://www.polaraccesslink.com/v3/users/" + userId;
  }

  // ---------------------------------------------------------------- dispatch

  @Override
  public MockResponse dispatch(RecordedRequest rr) {
    HttpUrl url = rr.getUrl();
    String method = rr.getMethod();
    ByteString bs = rr.getBody();
    byte[] body = bs == null ? new byte[0] : bs.toByteArray();
    Router.Match match = router.match(method, Call.segments(url));
    String query = url.encodedQuery();
    ReceivedRequest received = new ReceivedRequest(method, url.encodedPath(), query == null ? "" : query,
        rr.getHeaders().toMultimap(), body, match.route(), clock.instant());
    synchronized (requests) {
      requests.add(received);
    }
    Faults.Fault fault = faults.take(match.route(), url.encodedPath());
    if (fault != null) {
      switch (fault.kind) {
        case FAIL:
          Reply failure = error(fault.status, "Injected failure");
          if (fault.status == 429) {
            // As Polar does: the headers say which window is spent and when it resets (the short one, in 15 min).
            failure.header("RateLimit-Usage", "500, 37");
            failure.header("RateLimit-Limit", "500, 5000");
            failure.header("RateLimit-Reset", "900, 86000");
          }
          return toMock(failure, null);
        case HTML:
          return toMock(htmlError(fault.status), null);
        case DROP_BEFORE_RESPONSE:
          return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
        default:
          break;
      }
    }
    Call call = new Call(method, url, rr.getHeaders(), body, match.route(), match.params());
    Reply reply = handle(call, match);
    return toMock(reply, fault);
  }

  private Reply handle(Call call, Router.Match match) {
    Route route = match.route();
    RateLimiter.Decision limit = null;
    if (call.url.encodedPath().startsWith("/v3/")) {
      int users;
      synchronized (lock) {
        users = (int) accounts.values().stream().filter(Account::registered).count();
      }
      limit = rateLimiter.count(clock.instant(), users);
    }
    Reply reply;
    if (limit != null && !limit.allowed()) {
      reply = error(429, "Rate limit exceeded");
    } else if (route == null) {
      reply = match.allowed().isEmpty()
          ? error(404, "No such resource: " + call.url.encodedPath())
          : error(405, "Method " + call.method + " not allowed").header("Allow", String.join(", ", match.allowed()));
    } else {
      try {
        reply = route(route, call);
      } catch (Halt h) {
        reply = h.reply;
      } catch (RuntimeException e) {
        reply = error(500, "Fake server error: " + e);
      }
    }
    if (limit != null) {
      reply.header("RateLimit-Usage", limit.shortUsage() + ", " + limit.longUsage());
      reply.header("RateLimit-Limit", limit.shortLimit() + ", " + limit.longLimit());
      reply.header("RateLimit-Reset", limit.shortReset() + ", " + limit.longReset());
    }
    return reply;
  }

  private Reply route(Route route, Call call) {
    switch (route) {
      case OAUTH_AUTHORIZE:
      case OAUTH_TOKEN:
        synchronized (lock) {
          return oauth.handle(route, call);
        }
      case CREATE_WEBHOOK:
      case GET_WEBHOOK:
      case UPDATE_WEBHOOK:
      case DELETE_WEBHOOK:
      case ACTIVATE_WEBHOOK:
      case DEACTIVATE_WEBHOOK:
        return webhooks.handle(route, call);
      default:
        break;
    }
    synchronized (lock) {
      if (route.name().contains("TRANSACTION")) {
        return transactions.handle(route, call);
      }
      return api.handle(route, call);
    }
  }

  private MockResponse toMock(Reply reply, Faults.@Nullable Fault fault) {
    if (fault != null) {
      switch (fault.kind) {
        case TRUNCATE -> reply.body = Arrays.copyOf(reply.body, reply.body.length / 2);
        case MALFORMED_JSON -> {
          reply.body = malformed(new String(reply.body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
          reply.contentType = Reply.JSON;
        }
        default -> {}
      }
    }
    MockResponse.Builder b = new MockResponse.Builder().code(reply.status);
    for (String[] h : reply.headers) {
      b.addHeader(h[0], h[1]);
    }
    String contentType = reply.contentType;
    if (contentType != null) {
      b.setHeader("Content-Type", contentType);
    }
    if (reply.body.length > 0) {
      b.body(new Buffer().write(reply.body));
    }
    if (fault != null) {
      if (fault.kind == Faults.Kind.DELAY) {
        b.headersDelay(fault.delay.toMillis(), TimeUnit.MILLISECONDS);
      } else if (fault.kind == Faults.Kind.DROP_MID_BODY) {
        b.onResponseBody(new SocketEffect.CloseSocket());
      }
    }
    return b.build();
  }

  /** Breaks JSON in a way no lenient parser repairs: the first name-value separator goes missing. */
  static String malformed(String body) {
    int colon = body.indexOf(':');
    if (colon < 0) {
      return "{\"data\" " + body + "}";
    }
    return body.substring(0, colon) + " " + body.substring(colon + 1);
  }

  /** Polar's {@code error} body. */
  Reply error(int status, String message) {
    String type = switch (status) {
      case 400 -> "BAD_REQUEST";
      case 401 -> "UNAUTHORIZED";
      case 403 -> "FORBIDDEN";
      case 404 -> "NOT_FOUND";
      case 405 -> "METHOD_NOT_ALLOWED";
      case 409 -> "CONFLICT";
      case 429 -> "TOO_MANY_REQUESTS";
      case 500 -> "INTERNAL_SERVER_ERROR";
      case 502 -> "BAD_GATEWAY";
      case 503 -> "SERVICE_UNAVAILABLE";
      case 504 -> "GATEWAY_TIMEOUT";
      default -> "ERROR";
    };
    String corrId;
    synchronized (corrIds) {
      corrId = uuid(corrIds);
    }
    JsonObject body = Json.obj()
        .put("timestamp", Formats.utcMillis(clock.instant()))
        .put("status", status)
        .put("errorType", type)
        .put("message", message)
        .put("corrId", corrId)
        .build();
    return Reply.json(status, body);
  }

  private static Reply htmlError(int status) {
    String reason = switch (status) {
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Temporarily Unavailable";
      case 504 -> "Gateway Time-out";
      default -> "Error";
    };
    String html = "<html>\r\n<head><title>" + status + " " + reason + "</title></head>\r\n<body>\r\n<center><h1>"
        + status + " " + reason + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    return Reply.bytes(status, html.getBytes(StandardCharsets.UTF_8), "text/html");
  }

  // ---------------------------------------------------------------- auth helpers (call with the lock held)

  /** The account behind the bearer token, or a 401. */
  Account bearer(Call call) {
    String auth = call.header("Authorization").orElse("");
    if (auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      TokenInfo info = tokens.get(auth.substring(7).trim());
      if (info != null && !info.revoked) {
        Account a = accounts.get(info.userId);
        if (a != null) {
          return a;
        }
      }
    }
    throw new Halt(error(401, "Missing, unknown or revoked access token")
        .header("WWW-Authenticate", "Bearer realm=\"accesslink\", error=\"invalid_token\""));
  }

  /** 403 when the account withholds its consents. */
  void consent(Account a) {
    if (a.consentWithheld) {
      throw new Halt(error(403, "The user has not accepted all mandatory consents"));
    }
  }

  /** The bearer account after the consent check. */
  Account user(Call call) {
    Account a = bearer(call);
    consent(a);
    return a;
  }

  /** Checks the {@code {user-id}} path segment against the token's user. */
  void samePathUser(Call call, Account a) {
    long id;
    try {
      id = Long.parseLong(call.param("user-id"));
    } catch (NumberFormatException e) {
      throw new Halt(error(404, "No such user"));
    }
    if (id != a.id) {
      throw new Halt(error(404, "user-id does not match the access token"));
    }
  }

  /** Whether the request carries the client's basic credentials. */
  boolean basicOk(Call call) {
    String auth = call.header("Authorization").orElse("");
    if (!auth.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
      return decoded.equals(config.clientId() + ":" + config.clientSecret());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** 401 unless the request carries the client's basic credentials. */
  void basic(Call call) {
    if (!basicOk(call)) {
      throw new Halt(error(401, "Client credentials required (HTTP basic)")
          .header("WWW-Authenticate", "Basic realm=\"accesslink\""));
    }
  }

  // ---------------------------------------------------------------- ids (lock held)

  String newToken() {
    return ids.chars("0123456789abcdef", 40);
  }

  String newCode() {
    return ids.chars("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", 32);
  }

  long newTransactionId() {
    nextTransactionId += ids.between(1, 97);
    return nextTransactionId;
  }

  String newWebhookId() {
    return ids.chars("0123456789abcdef", 8);
  }

  String newSecret() {
    return uuid(ids);
  }

  private static String uuid(Rnd r) {
    String h = r.chars("0123456789abcdef", 32);
    return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-"
        + h.substring(20);
  }

  // ---------------------------------------------------------------- seeding (lock held)

  private Account newAccount(long id, String first, String last, LocalDate birthdate, String gender, double height,
      double weight) {
    Rnd r = Rnd.of(config.seed(), id, "profile");
    int age = java.time.Period.between(birthdate, today()).getYears();
    int max = (int) Math.round(208 - 0.7 * age + r.gauss(0, 4));
    int rest = r.between(44, 62);
    int vo2 = (int) Math.round(Math.max(30, Math.min(65, 15.3 * max / (double) rest + r.gauss(0, 3))));
    String device = r.pick(List.of("Polar Vantage V3", "Polar Grit X2 Pro", "Polar Pacer Pro", "Polar Ignite 3"));
    Account a = new Account(id, first, last, birthdate, gender, height, weight, max, rest, vo2, config.zone(),
        device, r.chars("0123456789ABCDEF", 8));
    accounts.put(id, a);
    return a;
  }

  private static final List<String> FIRST_MALE = List.of("Matti", "Juha", "Mikko", "Antti", "Lars", "Tomás");
  private static final List<String> FIRST_FEMALE = List.of("Aino", "Sanna", "Laura", "Emilia", "Ingrid", "Maria");
  private static final List<String> LAST = List.of("Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Laine",
      "Heikkinen", "Lindqvist", "Koskinen");

  /** A new account; registered (with a member id) or not. */
  public Account addAccount(@Nullable String memberId, boolean registered) {
    synchronized (lock) {
      long id;
      do {
        id = ids.nextLong(1_000_000, 99_999_999);
      } while (accounts.containsKey(id));
      Rnd r = Rnd.of(config.seed(), id, "person");
      boolean male = r.chance(0.5);
      String first = r.pick(male ? FIRST_MALE : FIRST_FEMALE);
      LocalDate birth = today().minusYears(r.between(22, 60)).minusDays(r.between(0, 364));
      double height = Math.round(male ? r.gauss(180, 6) : r.gauss(166, 6));
      double weight = Math.round((male ? r.gauss(80, 8) : r.gauss(64, 7)) * 10) / 10.0;
      Account a = newAccount(id, first, r.pick(LAST), birth, male ? "MALE" : "FEMALE", height, weight);
      if (registered) {
        register(a, memberId != null ? memberId : "member-" + id);
      }
      return a;
    }
  }

  /** Registers an account with the client, as POST /v3/users does. */
  public void register(Account a, String memberId) {
    synchronized (lock) {
      a.memberId = memberId;
      a.registeredAt = clock.instant();
    }
  }

  /** De-registers an account and revokes its tokens, as DELETE /v3/users/{id} does. */
  public void deregister(Account a) {
    synchronized (lock) {
      a.memberId = null;
      a.registeredAt = null;
      revokeTokens(a);
    }
  }

  /** Revokes every token of an account. */
  public void revokeTokens(Account a) {
    synchronized (lock) {
      for (TokenInfo t : tokens.values()) {
        if (t.userId == a.id) {
          t.revoked = true;
        }
      }
    }
  }

  /** Withholds or grants the mandatory consents. */
  public void consent(Account a, boolean withheld) {
    synchronized (lock) {
      a.consentWithheld = withheld;
    }
  }

  /** An access token for an account, as a completed OAuth flow would give. */
  public String issueToken(Account a) {
    synchronized (lock) {
      String token = newToken();
      tokens.put(token, new TokenInfo(a.id));
      return token;
    }
  }

  /** The account the next authorization approves (once). */
  public void nextAuthorizationFor(Account a) {
    synchronized (lock) {
      nextAuthorization = a;
      denyNextAuthorization = false;
    }
  }

  /** Makes the next authorization end with {@code error=access_denied}. */
  public void denyNextAuthorization() {
    synchronized (lock) {
      denyNextAuthorization = true;
    }
  }

  /** All accounts, demo first. */
  public List<Account> accounts() {
    synchronized (lock) {
      return List.copyOf(accounts.values());
    }
  }

  /** Adds an exercise and returns it. */
  public ExerciseRecord addExercise(Account a, ExerciseSpec spec) {
    ExerciseRecord e;
    synchronized (lock) {
      e = addExerciseLocked(a, spec, null);
    }
    webhooks.autoDeliver(a, FakeWebhookEvent.Type.EXERCISE, e.hashedId, null);
    return e;
  }

  private ExerciseRecord addExerciseLocked(Account a, ExerciseSpec spec, @Nullable LocalDate day) {
    nextExerciseId += ids.between(1_000, 90_000);
    long seed = ids.nextSeed();
    Rnd r = Rnd.of(seed, "plan");
    Sport sport = spec.sport().orElseGet(() -> r.pick(List.of(Sport.RUNNING, Sport.RUNNING, Sport.ROAD_BIKING,
        Sport.WALKING, Sport.STRENGTH_TRAINING, Sport.POOL_SWIMMING)));
    long millis = spec.duration().map(Duration::toMillis).orElseGet(() -> {
      int minutes = switch (sport) {
        case ROAD_BIKING -> r.between(50, 150);
        case WALKING -> r.between(30, 80);
        case STRENGTH_TRAINING -> r.between(35, 70);
        case POOL_SWIMMING -> r.between(25, 55);
        default -> r.between(28, 75);
      };
      return minutes * 60_000L + r.between(0, 59_999);
    });
    Instant now = clock.instant();
    LocalDateTime nowLocal = LocalDateTime.ofInstant(now, a.zone);
    int lagMinutes = r.between(4, 40);
    LocalDateTime start = spec.start().orElseGet(() -> {
      if (day == null || !day.isBefore(nowLocal.toLocalDate())) {
        return nowLocal.minusMinutes(millis / 60_000 + lagMinutes + r.between(10, 180)).withNano(0);
      }
      return day.atTime(r.between(6, 19), r.between(0, 59), r.between(0, 59));
    });
    int offset = a.zone.getRules().getOffset(start).getTotalSeconds() / 60;
    Instant startUtc = start.toInstant(java.time.ZoneOffset.ofTotalSeconds(offset * 60));
    Instant upload = startUtc.plusMillis(millis).plusSeconds(lagMinutes * 60L + r.between(0, 59));
    if (upload.isAfter(now) && spec.start().isEmpty()) {
      upload = now;
    }
    boolean hr = spec.heartRate().orElse(sport != Sport.POOL_SWIMMING);
    boolean route = spec.route().orElse(sport.hasRouteByDefault()) && sport.hasRouteByDefault();
    ExercisePlan plan = new ExercisePlan(sport, start, offset, millis, hr, route, seed, a.maxHeartRate,
        a.restingHeartRate, a.weightKg, a.age(start.toLocalDate()), a.male(), a.device, a.deviceId);
    String hashed;
    do {
      hashed = ids.chars("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", 8);
    } while (a.exerciseByHashedId(hashed) != null);
    ExerciseRecord e = new ExerciseRecord(hashed, nextExerciseId, upload, plan);
    a.exercises.add(e);
    a.pendingExercises.put(e.transactionalId, e);
    return e;
  }

  /** Adds a day of activity: the non-transactional day and a transactional snapshot of it. */
  public void addActivityDay(Account a, LocalDate date) {
    synchronized (lock) {
      addActivityLocked(a, date);
    }
    webhooks.autoDeliver(a, FakeWebhookEvent.Type.ACTIVITY_SUMMARY, null, date);
  }

  private void addActivityLocked(Account a, LocalDate date) {
    a.days(DayKind.ACTIVITY).add(date);
    nextActivityId += ids.between(1, 500);
    ActivityItem item = new ActivityItem(nextActivityId, date, clock.instant());
    a.activityItems.add(item);
    a.pendingActivities.put(item.id(), item);
  }

  /** Adds a physical information record (weight drifts a little each time). */
  public PhysicalRecord addPhysicalInfo(Account a) {
    PhysicalRecord p;
    synchronized (lock) {
      p = addPhysicalLocked(a);
    }
    webhooks.autoDeliver(a, FakeWebhookEvent.Type.PHYSICAL_INFORMATION, null, null);
    return p;
  }

  private PhysicalRecord addPhysicalLocked(Account a) {
    nextPhysicalId += ids.between(1, 50);
    Rnd r = Rnd.of(config.seed(), a.id, "physical", nextPhysicalId);
    if (!a.physicalInfos.isEmpty()) {
      a.weightKg = Math.round((a.weightKg + r.gauss(0, 0.4)) * 10) / 10.0;
    }
    PhysicalRecord p = new PhysicalRecord(nextPhysicalId, clock.instant(), a.weightKg, a.heightCm,
        a.maxHeartRate, a.restingHeartRate, (int) Math.round(a.maxHeartRate * 0.74),
        (int) Math.round(a.maxHeartRate * 0.88), a.vo2Max, r.chance(0.5) ? "SOURCE_MEASURED" : "SOURCE_USER");
    a.physicalInfos.add(p);
    a.pendingPhysical.put(p.id(), p);
    return p;
  }

  /** Marks a date as having data of a kind. */
  public void addDay(Account a, DayKind kind, LocalDate date) {
    synchronized (lock) {
      a.days(kind).add(date);
    }
    switch (kind) {
      case SLEEP -> webhooks.autoDeliver(a, FakeWebhookEvent.Type.SLEEP, null, date);
      case CONTINUOUS_HEART_RATE -> webhooks.autoDeliver(a, FakeWebhookEvent.Type.CONTINUOUS_HEART_RATE, null, date);
      case SLEEP_WISE -> {
        webhooks.autoDeliver(a, FakeWebhookEvent.Type.SLEEP_WISE_ALERTNESS, null, date);
        webhooks.autoDeliver(a, FakeWebhookEvent.Type.SLEEP_WISE_CIRCADIAN_BEDTIME, null, date);
      }
      default -> {}
    }
  }

  /** A webhook event to deliver once the lock is released. */
  private record Pending(FakeWebhookEvent.Type type, @Nullable String entityId, @Nullable LocalDate date) {}

  /** Fills the last {@code n} days (today included) with every kind of data. */
  public void seedDays(Account a, int n) {
    List<Pending> events = new ArrayList<>();
    synchronized (lock) {
      seedDays(a, n, events);
    }
    for (Pending p : events) {
      webhooks.autoDeliver(a, p.type(), p.entityId(), p.date());
    }
  }

  private void seedDays(Account a, int n, List<Pending> events) {
    if (n < 0) {
      throw new IllegalArgumentException("days must not be negative: " + n);
    }
    if (n == 0) {
      return;
    }
    LocalDate today = today();
    if (a.physicalInfos.isEmpty()) {
      addPhysicalLocked(a);
      events.add(new Pending(FakeWebhookEvent.Type.PHYSICAL_INFORMATION, null, null));
    }
    for (int i = n - 1; i >= 0; i--) {
      LocalDate d = today.minusDays(i);
      Rnd r = Rnd.of(config.seed(), a.id, "seed", d.toEpochDay());
      addActivityLocked(a, d);
      events.add(new Pending(FakeWebhookEvent.Type.ACTIVITY_SUMMARY, null, d));
      for (DayKind k : new DayKind[] {DayKind.SLEEP, DayKind.NIGHTLY_RECHARGE, DayKind.CONTINUOUS_HEART_RATE,
          DayKind.CARDIO_LOAD, DayKind.SLEEP_WISE, DayKind.BIOSENSING}) {
        a.days(k).add(d);
      }
      events.add(new Pending(FakeWebhookEvent.Type.SLEEP, null, d));
      events.add(new Pending(FakeWebhookEvent.Type.CONTINUOUS_HEART_RATE, null, d));
      events.add(new Pending(FakeWebhookEvent.Type.SLEEP_WISE_ALERTNESS, null, d));
      events.add(new Pending(FakeWebhookEvent.Type.SLEEP_WISE_CIRCADIAN_BEDTIME, null, d));
      if (r.chance(0.2)) {
        a.days(DayKind.ECG).add(d);
      }
      if (r.chance(0.25)) {
        a.days(DayKind.SPO2).add(d);
      }
      if (r.chance(0.55)) {
        ExerciseRecord e = addExerciseLocked(a, ExerciseSpec.random(), d);
        events.add(new Pending(FakeWebhookEvent.Type.EXERCISE, e.hashedId, null));
      }
    }
  }

  /** The account with an id, or null. */
  public @Nullable Account account(long id) {
    synchronized (lock) {
      return accounts.get(id);
    }
  }

  /** Runs a read under the state lock. */
  public <T> T locked(java.util.function.Supplier<T> read) {
    synchronized (lock) {
      return read.get();
    }
  }

  // ---------------------------------------------------------------- records

  /** A snapshot of the recorded requests. */
  public List<ReceivedRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** Forgets the recorded requests. */
  public void clearRequests() {
    synchronized (requests) {
      requests.clear();
    }
  }

  /** A snapshot of the webhook POSTs. */
  public List<WebhookDelivery> deliveries() {
    synchronized (deliveries) {
      return List.copyOf(deliveries);
    }
  }

  /** Sends an event to the webhook. */
  public WebhookDelivery deliver(FakeWebhookEvent event) {
    return webhooks.deliver(event);
  }
}

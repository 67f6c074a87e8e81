package dev.accesslink4j.testkit.internal;

import com.google.gson.JsonObject;
import dev.accesslink4j.testkit.FakeWebhookEvent;
import dev.accesslink4j.testkit.WebhookDelivery;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The fake's state: every account, token, code, open transaction and the webhook, behind one lock, with the id
 * generators and the account operations the public facade calls. Serving HTTP is {@link FakeDispatcher}'s job,
 * seeding data {@link Seeder}'s, checking credentials {@link AuthChecks}'.
 */
public final class Engine {
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
    final TransactionKind kind;
    final long userId;
    final List<Long> items;
    boolean open = true;

    Transaction(long id, TransactionKind kind, long userId, List<Long> items) {
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
  final EngineConfig config;
  final FakeClock clock;
  /** The one generator of ids, drawn from in a fixed order so the same seed and calls give the same ids. */
  final Rnd ids;

  private final Rnd corrIds;
  final AuthChecks auth;
  final WebhookHandler webhooks;
  private final Seeder seeder;

  final Map<Long, Account> accounts = new LinkedHashMap<>();
  final Map<String, TokenInfo> tokens = new LinkedHashMap<>();
  final Map<String, AuthCode> codes = new LinkedHashMap<>();
  final Map<Long, Transaction> openTransactions = new LinkedHashMap<>();

  @Nullable
  Webhook webhook;

  @Nullable
  Account nextAuthorization;

  boolean denyNextAuthorization;
  private final Account demo;

  final List<WebhookDelivery> deliveries = new ArrayList<>();
  private volatile String baseUrl = "http://127.0.0.1/";
  private long nextTransactionId = 179_879;

  /**
   * Creates the engine and the seeded demo account.
   *
   * @param config the settings
   */
  public Engine(EngineConfig config) {
    this.config = config;
    this.clock = new FakeClock(config.clock());
    this.ids = Rnd.of(config.seed(), "ids");
    this.corrIds = Rnd.of(config.seed(), "corr-ids");
    this.auth = new AuthChecks(this);
    this.webhooks = new WebhookHandler(this);
    this.seeder = new Seeder(this);
    this.demo = seeder.demoAccount(DEMO_USER_ID);
  }

  // ---------------------------------------------------------------- accessors

  /** The fake clock. */
  public FakeClock clock() {
    return clock;
  }

  /** The settings. */
  public EngineConfig config() {
    return config;
  }

  /** The data seeding operations. */
  public Seeder seeder() {
    return seeder;
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

  /** How many accounts are registered with the client (the rate-limit formula's input). */
  int registeredUsers() {
    synchronized (lock) {
      return (int) accounts.values().stream().filter(Account::registered).count();
    }
  }

  // ---------------------------------------------------------------- Polar's error body

  /** Polar's {@code error} body: timestamp, status, errorType, message and a fresh corrId. */
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
    return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-"
        + h.substring(16, 20) + "-" + h.substring(20);
  }

  // ---------------------------------------------------------------- accounts

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

  /** An access token value for an account, as a completed OAuth flow would give. */
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

  /** The account with an id, or null. */
  public @Nullable Account account(long id) {
    synchronized (lock) {
      return accounts.get(id);
    }
  }

  /** Runs a read under the state lock. */
  public <T> T locked(Supplier<T> read) {
    synchronized (lock) {
      return read.get();
    }
  }

  // ---------------------------------------------------------------- webhooks

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

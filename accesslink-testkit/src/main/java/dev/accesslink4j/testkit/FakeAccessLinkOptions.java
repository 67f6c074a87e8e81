package dev.accesslink4j.testkit;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a fake starts: the generator seed, the partner client's credentials and redirect URIs, the clock, and the
 * defaults for rate limits and webhooks. Immutable.
 */
public final class FakeAccessLinkOptions {
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
  private final Duration shortWindow;
  private final Duration longWindow;
  private final Duration latency;
  private final boolean autoDeliverWebhooks;
  private final Duration webhookTimeout;
  private final int port;

  private FakeAccessLinkOptions(Builder b) {
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
    this.shortWindow = b.shortWindow;
    this.longWindow = b.longWindow;
    this.latency = b.latency;
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
  public static FakeAccessLinkOptions defaults() {
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
   * The connect and response timeout of PINGs and deliveries.
   *
   * @return the timeout
   */
  public Duration webhookTimeout() {
    return webhookTimeout;
  }

  /** The fixed 15-minute budget, or null for Polar's formula. */
  @Nullable
  Integer shortRateLimit() {
    return shortLimit;
  }

  /** The fixed 24-hour budget, or null for Polar's formula. */
  @Nullable
  Integer longRateLimit() {
    return longLimit;
  }

  /**
   * The length of the short rate-limit window (Polar's: 15 minutes).
   *
   * @return the length
   */
  public Duration shortRateWindow() {
    return shortWindow;
  }

  /**
   * The length of the long rate-limit window (Polar's: 24 hours).
   *
   * @return the length
   */
  public Duration longRateWindow() {
    return longWindow;
  }

  /**
   * How long every answer is held back (default zero).
   *
   * @return the latency
   */
  public Duration latency() {
    return latency;
  }

  /**
   * The port to listen on.
   *
   * @return the port, 0 for any free port
   */
  public int port() {
    return port;
  }

  /** Builds {@link FakeAccessLinkOptions}. Not thread-safe. */
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
    private Duration shortWindow = Duration.ofMinutes(15);
    private Duration longWindow = Duration.ofHours(24);
    private Duration latency = Duration.ZERO;
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
     * Sets both rate-limit windows, their lengths and sizes, in place of Polar's 15 minutes and 24 hours and its
     * user-count formula: to compress time in tests of pacing. Each window rolls from its first request, as
     * Polar's do, and the headers report them in Polar's shape ({@code RateLimit-Usage: short, long}, and so on,
     * resets in whole seconds rounded up); past a window the fake answers 429, and a request the short window
     * refused still counts against the long one.
     *
     * @param shortLength the short window's length, positive
     * @param shortLimit requests allowed in it
     * @param longLength the long window's length, positive
     * @param longLimit requests allowed in it
     * @return this builder
     */
    public Builder rateLimitWindows(
        Duration shortLength, int shortLimit, Duration longLength, int longLimit) {
      this.shortWindow = positive(shortLength, "shortLength");
      this.longWindow = positive(longLength, "longLength");
      return rateLimit(shortLimit, longLimit);
    }

    /**
     * Holds back every answer by this latency (default zero), as a distant server would; requests are still
     * counted against the rate limit when they arrive. Settable at run time with
     * {@link FakeAccessLink#latency(Duration)}.
     *
     * @param latency the latency, not negative
     * @return this builder
     */
    public Builder latency(Duration latency) {
      if (Objects.requireNonNull(latency, "latency").isNegative()) {
        throw new IllegalArgumentException("latency must not be negative: " + latency);
      }
      this.latency = latency;
      return this;
    }

    private static Duration positive(Duration d, String name) {
      if (Objects.requireNonNull(d, name).isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + d);
      }
      return d;
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
    public FakeAccessLinkOptions build() {
      return new FakeAccessLinkOptions(this);
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

package dev.accesslink4j.sync.jdbc;

import dev.accesslink4j.sync.jdbc.internal.StoreJdbc;
import dev.accesslink4j.webhooks.DeliveryDeduplicator;
import dev.accesslink4j.webhooks.PingEvent;
import dev.accesslink4j.webhooks.WebhookDeduplicator;
import dev.accesslink4j.webhooks.WebhookEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Webhook deduplication shared by every receiver replica on one PostgreSQL database: a delivery one replica saw is
 * not processed again by another (or by the same one after a restart). The shared form of
 * {@link WebhookDeduplicator}, keyed the same way ({@link WebhookEvent#deduplicationKey()}) with the same window
 * semantics: a key counts as seen for {@code window} after its first delivery, measured by the database's clock.
 *
 * <p>Table {@code <prefix>webhook_deliveries}: the SHA-256 of the key (primary key), the key itself cut to 200
 * characters (for reading in SQL) and {@code first_seen}. {@link #firstDelivery} is one statement, {@code INSERT ...
 * ON CONFLICT DO UPDATE ... WHERE first_seen <= now() - window RETURNING}: a new key, or one whose row is older than
 * the window, returns a row (first delivery); a live row returns none (a repeat). Two replicas racing on one key
 * serialize on the row, so exactly one of them is told it is the first. Rows older than the window are ignored at
 * once and deleted now and then ({@link Builder#purgeEvery}, during a {@link #firstDelivery} call, or by
 * {@link #purgeExpired()}), so the table holds about one window of deliveries. Pings are never stored.
 *
 * <p><b>When a process dies.</b> A replica killed after {@link #firstDelivery} said true but before it processed the
 * event (or called {@link #forget}) leaves the key recorded: repeats of that event within the window are dropped by
 * every replica, and the event is processed again only if AccessLink delivers it after the window. Keep the window
 * short (the default is {@link WebhookDeduplicator#DEFAULT_WINDOW}), and let a periodic sync catch up what a lost
 * event announced. A replica killed during the statement leaves nothing (the statement did not commit), and the
 * next delivery is a first one.
 *
 * <p>Thread-safe; a connection is borrowed from the data source for each statement.
 *
 * <pre>{@code
 * DeliveryDeduplicator seen = JdbcWebhookDeduplicator.builder(SyncSchema.of(dataSource)).build();
 * if (event instanceof DataEvent<?> data && seen.firstDelivery(data)) {
 *   queue.submit(data);
 * }
 * }</pre>
 */
public final class JdbcWebhookDeduplicator implements DeliveryDeduplicator {
  private static final int READABLE_KEY_LENGTH = 200;

  private final DataSource dataSource;
  private final String table;
  private final Duration window;
  private final long purgeEveryNanos;
  private final AtomicLong nextPurge;
  private final String firstSql;
  private final String forgetSql;
  private final String purgeSql;

  private JdbcWebhookDeduplicator(Builder b) {
    this.dataSource = b.schema.dataSource();
    this.table = b.schema.table("webhook_deliveries");
    this.window = b.window;
    this.purgeEveryNanos = (b.purgeEvery == null ? b.window : b.purgeEvery).toNanos();
    this.nextPurge = new AtomicLong(System.nanoTime());
    this.firstSql =
        "INSERT INTO " + table + " AS d (key_sha256, dedup_key, first_seen) VALUES (?, ?, now())"
            + " ON CONFLICT (key_sha256) DO UPDATE SET first_seen = EXCLUDED.first_seen"
            + " WHERE d.first_seen <= now() - ? * interval '1 millisecond' RETURNING 1";
    this.forgetSql = "DELETE FROM " + table + " WHERE key_sha256 = ?";
    this.purgeSql =
        "DELETE FROM " + table + " WHERE first_seen <= now() - ? * interval '1 millisecond'";
  }

  /**
   * Starts building a deduplicator on a schema; {@link Builder#build()} creates or migrates the tables.
   *
   * @param schema the database and table prefix
   * @return a builder with a 10-minute window, purged once a window
   */
  public static Builder builder(SyncSchema schema) {
    return new Builder(Objects.requireNonNull(schema, "schema"));
  }

  /**
   * The time a key counts as seen after its first delivery.
   *
   * @return the window
   */
  public Duration window() {
    return window;
  }

  /**
   * {@inheritDoc}
   *
   * <p>One statement on the database's clock; at most once per {@link Builder#purgeEvery} interval a second one
   * deletes expired rows.
   *
   * @throws SyncDatabaseException when the database call fails (the event's state is then unknown: treat it as a
   *     failure to process, so AccessLink delivers it again)
   */
  @Override
  public boolean firstDelivery(WebhookEvent event) {
    Objects.requireNonNull(event, "event");
    if (event instanceof PingEvent) {
      return true;
    }
    String key = event.deduplicationKey();
    boolean first =
        StoreJdbc.call(dataSource, () -> "recording a webhook delivery in " + table, c -> {
          try (PreparedStatement s = c.prepareStatement(firstSql)) {
            s.setBytes(1, sha256(key));
            s.setString(2, readable(key));
            s.setLong(3, window.toMillis());
            try (ResultSet r = s.executeQuery()) {
              return r.next();
            }
          }
        });
    purgeNowAndThen();
    return first;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Deletes the key's row, for every replica.
   *
   * @throws SyncDatabaseException when the database call fails
   */
  @Override
  public void forget(WebhookEvent event) {
    String key = Objects.requireNonNull(event, "event").deduplicationKey();
    StoreJdbc.call(dataSource, () -> "forgetting a webhook delivery in " + table, c -> {
      try (PreparedStatement s = c.prepareStatement(forgetSql)) {
        s.setBytes(1, sha256(key));
        return s.executeUpdate();
      }
    });
  }

  /**
   * Deletes the rows older than the window now. {@link #firstDelivery} does this on its own now and then; call it
   * from a scheduled job if deliveries are rare and the table should stay empty between them.
   *
   * @return how many rows were deleted
   * @throws SyncDatabaseException when the database call fails
   */
  public int purgeExpired() {
    return StoreJdbc.call(
        dataSource, () -> "purging expired webhook deliveries from " + table, c -> {
          try (PreparedStatement s = c.prepareStatement(purgeSql)) {
            s.setLong(1, window.toMillis());
            return s.executeUpdate();
          }
        });
  }

  private void purgeNowAndThen() {
    long now = System.nanoTime();
    long due = nextPurge.get();
    if (now - due >= 0 && nextPurge.compareAndSet(due, now + purgeEveryNanos)) {
      try {
        purgeExpired();
      } catch (SyncDatabaseException e) {
        // expired rows are ignored anyway; the next purge removes them
      }
    }
  }

  private static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static String readable(String key) {
    String cut = key.length() <= READABLE_KEY_LENGTH ? key : key.substring(0, READABLE_KEY_LENGTH);
    return cut.replace('\u0000', '?'); // PostgreSQL text holds no NUL
  }

  @Override
  public String toString() {
    return "JdbcWebhookDeduplicator[" + table + ", window=" + window + "]";
  }

  /** Builds a {@link JdbcWebhookDeduplicator}. */
  public static final class Builder {
    private final SyncSchema schema;
    private Duration window = WebhookDeduplicator.DEFAULT_WINDOW;
    private @Nullable Duration purgeEvery;

    private Builder(SyncSchema schema) {
      this.schema = schema;
    }

    /**
     * Sets how long a key counts as seen after its first delivery (default 10 minutes, as
     * {@link WebhookDeduplicator}'s): long enough to catch AccessLink's repeated deliveries, short enough not to
     * hide a later change of the same data for long.
     *
     * @param window at least one millisecond
     * @return this builder
     */
    public Builder window(Duration window) {
      this.window = positive(window, "window");
      return this;
    }

    /**
     * Sets how often (at most) a {@link #firstDelivery} call also deletes expired rows (default: once per window).
     *
     * @param purgeEvery at least one millisecond
     * @return this builder
     */
    public Builder purgeEvery(Duration purgeEvery) {
      this.purgeEvery = positive(purgeEvery, "purgeEvery");
      return this;
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.toMillis() < 1) {
        throw new IllegalArgumentException(name + " must be at least one millisecond, not " + d);
      }
      return d;
    }

    /**
     * Creates or migrates the tables and builds the deduplicator.
     *
     * @return the deduplicator
     * @throws org.flywaydb.core.api.FlywayException when the tables cannot be created or migrated
     */
    public JdbcWebhookDeduplicator build() {
      schema.migrate();
      return new JdbcWebhookDeduplicator(this);
    }
  }
}

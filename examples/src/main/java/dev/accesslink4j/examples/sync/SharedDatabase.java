package dev.accesslink4j.examples.sync;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.accesslink4j.examples.TerminalText;
import dev.accesslink4j.oauth.TokenStore;
import dev.accesslink4j.sync.StateStore;
import dev.accesslink4j.sync.UserLeases;
import dev.accesslink4j.sync.jdbc.JdbcRateBudget;
import dev.accesslink4j.sync.jdbc.JdbcStateStore;
import dev.accesslink4j.sync.jdbc.JdbcTokenStore;
import dev.accesslink4j.sync.jdbc.JdbcUserLeases;
import dev.accesslink4j.sync.jdbc.JdbcWebhookDeduplicator;
import dev.accesslink4j.sync.jdbc.SyncSchema;
import dev.accesslink4j.sync.jdbc.TokenKey;
import dev.accesslink4j.webhooks.DeliveryDeduplicator;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL database that several {@code sync} workers share ({@code accesslink-sync-jdbc}): the state, the users'
 * leases (one worker per user at a time) and the rate budget of the partner client, and optionally the tokens,
 * encrypted. The tables are created or migrated when it opens. Closing it closes the connection pool.
 */
public final class SharedDatabase implements AutoCloseable {
  private final HikariDataSource pool;
  private final SyncSchema schema;
  private final String shown;

  private SharedDatabase(HikariDataSource pool, SyncSchema schema, String shown) {
    this.pool = pool;
    this.schema = schema;
    this.shown = shown;
  }

  /**
   * Opens a pool on the database and brings its tables to this version.
   *
   * @param jdbcUrl a {@code jdbc:postgresql:} URL, credentials in it or given apart
   * @param user the user when not in the URL, or null
   * @param password the password when not in the URL, or null
   * @param connections the pool's size
   * @return the database
   * @throws IllegalArgumentException for a URL that is not PostgreSQL's
   * @throws RuntimeException when the database cannot be reached (the message names the URL without credentials)
   */
  public static SharedDatabase open(
      String jdbcUrl, @Nullable String user, @Nullable String password, int connections) {
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "a state or token database must be a jdbc:postgresql: URL, not " + withoutQuery(jdbcUrl));
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    if (user != null && !user.isBlank()) {
      config.setUsername(user);
    }
    if (password != null && !password.isBlank()) {
      config.setPassword(password);
    }
    config.setMaximumPoolSize(Math.max(2, connections));
    config.setPoolName("accesslink-sync");
    config.setConnectionTimeout(10_000);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      // the driver's message may quote the URL, and with it a password in the query
      throw new IllegalStateException("cannot open the database " + withoutQuery(jdbcUrl) + ": "
          + e.getClass().getSimpleName());
    }
    try {
      return new SharedDatabase(pool, SyncSchema.of(pool).migrate(), withoutQuery(jdbcUrl));
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /**
   * The engine's state in the database, shared by every worker.
   *
   * @return the store
   */
  public StateStore stateStore() {
    return JdbcStateStore.create(schema);
  }

  /**
   * Per-user leases: a worker that finds a user's lease held skips the user this run ({@code busy}).
   *
   * @param ttl how long a lease lives without renewal: a killed worker's users are taken over after it
   * @return the leases
   */
  public UserLeases leases(Duration ttl) {
    return JdbcUserLeases.builder(schema).ttl(ttl).build();
  }

  /**
   * The partner client's rate budget, summed over every worker.
   *
   * @param registeredUsers the users known here, for Polar's formula until the answers' headers tell the real windows
   * @return the budget; close it to hand back its unspent slice
   */
  public JdbcRateBudget rateBudget(int registeredUsers) {
    return JdbcRateBudget.builder(schema).registeredUsers(registeredUsers).build();
  }

  /**
   * The tokens in the database, encrypted with the key.
   *
   * @param key the AES key
   * @return the store
   */
  public TokenStore tokenStore(TokenKey key) {
    return JdbcTokenStore.create(schema, key);
  }

  /**
   * Webhook deduplication shared by every receiver on the database: a delivery one replica received is a duplicate
   * for the others.
   *
   * @return the de-duplicator, with the SDK's default window
   */
  public DeliveryDeduplicator deduplicator() {
    return JdbcWebhookDeduplicator.builder(schema).build();
  }

  /** Closes the pool. */
  @Override
  public void close() {
    pool.close();
  }

  /**
   * The database's URL without its query (where a password may be).
   *
   * @return for example {@code jdbc:postgresql://db:5432/sync}
   */
  @Override
  public String toString() {
    return shown;
  }

  /**
   * A JDBC URL safe to show: without its query, where a password may be.
   *
   * @param url the URL
   * @return the URL up to its {@code ?}
   */
  public static String withoutQuery(String url) {
    int q = url.indexOf('?');
    String bare = q < 0 ? url : url.substring(0, q);
    int at = bare.indexOf('@'); // user:password@host is not the driver's syntax, but never show it
    return TerminalText.clean(at < 0 ? bare : "jdbc:postgresql://" + bare.substring(at + 1));
  }
}

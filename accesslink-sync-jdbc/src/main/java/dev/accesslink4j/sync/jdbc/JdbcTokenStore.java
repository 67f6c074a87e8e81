package dev.accesslink4j.sync.jdbc;

import dev.accesslink4j.AccessToken;
import dev.accesslink4j.oauth.TokenStore;
import dev.accesslink4j.sync.jdbc.internal.StoreJdbc;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A {@link TokenStore} in PostgreSQL, shared by every process of an application, with the tokens encrypted at rest:
 * nobody who reads the table (a backup, a read replica, an SQL console) reads a token without the application's
 * {@link TokenKey}.
 *
 * <p>Table {@code <prefix>tokens}: the application's key ({@code token_key}, primary key), the Polar user id
 * ({@code user_id}, in the clear and indexed, for {@link #findByUserId}), the {@link TokenKey#id() id} of the key that
 * sealed the row, the sealed token and {@code updated_at}. The sealed value is AES-256-GCM (from the JDK) of the
 * token with its type, lifetime, issue time and user id, under a random 12-byte IV drawn for every write, with the
 * row's key and user id as associated data: a sealed value copied into another row, or a row whose user id was
 * changed, fails authentication instead of handing one user's token to another. A row that does not open throws a
 * {@link TokenDecryptionException} saying whether the key is the wrong one or the row was altered; no message of this
 * store contains a token or the key.
 *
 * <p><b>Concurrency.</b> {@link #save} is one upsert ({@code INSERT ... ON CONFLICT (token_key) DO UPDATE}): writers
 * in any number of threads and processes never fail on one another, and the last write of a key wins whole (never a
 * mix of two writes). Reads see every committed write. Thread-safe; a connection is borrowed from the data source
 * for each statement.
 *
 * <p><b>When a process dies.</b> Every write is one statement, committed or not: a process killed mid-write leaves
 * the row as it was before, or as written, never half written. Nothing needs cleaning up.
 *
 * <pre>{@code
 * TokenStore tokens = JdbcTokenStore.create(
 *     SyncSchema.of(dataSource), TokenKey.fromBase64(System.getenv("TOKEN_KEY")));
 * tokens.save(memberId, token);
 * }</pre>
 */
public final class JdbcTokenStore implements TokenStore {
  private final DataSource dataSource;
  private final String table;
  private final TokenKey key;
  private final TokenCipher cipher;

  private JdbcTokenStore(SyncSchema schema, TokenKey key) {
    this.dataSource = schema.dataSource();
    this.table = schema.table("tokens");
    this.key = key;
    this.cipher = new TokenCipher(key);
  }

  /**
   * A store on a schema, creating or migrating its tables first ({@link SyncSchema#migrate()}).
   *
   * @param schema the database and table prefix
   * @param key the key tokens are encrypted with; every process sharing the table needs the same one
   * @return the store
   * @throws org.flywaydb.core.api.FlywayException when the tables cannot be created or migrated
   */
  public static JdbcTokenStore create(SyncSchema schema, TokenKey key) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(schema, "schema").migrate();
    return new JdbcTokenStore(schema, key);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Encrypted before it leaves this process; one upsert.
   *
   * @throws SyncDatabaseException when the database call fails
   */
  @Override
  public void save(String key, AccessToken token) {
    checked(key);
    Objects.requireNonNull(token, "token");
    Long userId = token.userId().isPresent() ? token.userId().getAsLong() : null;
    byte[] sealed = cipher.seal(key, userId, TokenPayload.encode(token));
    StoreJdbc.call(dataSource, () -> "saving a token in " + table, c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO " + table
          + " (token_key, user_id, key_id, sealed, updated_at) VALUES (?, ?, ?, ?, now())"
          + " ON CONFLICT (token_key) DO UPDATE SET user_id = EXCLUDED.user_id, key_id = EXCLUDED.key_id,"
          + " sealed = EXCLUDED.sealed, updated_at = EXCLUDED.updated_at")) {
        s.setString(1, key);
        if (userId == null) {
          s.setNull(2, Types.BIGINT);
        } else {
          s.setLong(2, userId);
        }
        s.setString(3, this.key.id());
        s.setBytes(4, sealed);
        return s.executeUpdate();
      }
    });
  }

  /**
   * {@inheritDoc}
   *
   * @throws TokenDecryptionException when the row does not open with this store's key
   * @throws SyncDatabaseException when the database call fails
   */
  @Override
  public Optional<AccessToken> load(String key) {
    Objects.requireNonNull(key, "key");
    return StoreJdbc.call(dataSource, () -> "loading a token from " + table, c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT token_key, user_id, key_id, sealed FROM " + table + " WHERE token_key = ?")) {
        s.setString(1, key);
        try (ResultSet r = s.executeQuery()) {
          return r.next() ? Optional.of(open(r)) : Optional.<AccessToken>empty();
        }
      }
    });
  }

  /**
   * {@inheritDoc}
   *
   * @throws SyncDatabaseException when the database call fails
   */
  @Override
  public void delete(String key) {
    Objects.requireNonNull(key, "key");
    StoreJdbc.call(dataSource, () -> "deleting a token from " + table, c -> {
      try (PreparedStatement s =
          c.prepareStatement("DELETE FROM " + table + " WHERE token_key = ?")) {
        s.setString(1, key);
        return s.executeUpdate();
      }
    });
  }

  /**
   * {@inheritDoc}
   *
   * <p>Reads the keys only; decrypts nothing.
   *
   * @throws SyncDatabaseException when the database call fails
   */
  @Override
  public Set<String> keys() {
    return StoreJdbc.call(dataSource, () -> "listing the token keys of " + table, c -> {
      Set<String> keys = new HashSet<>();
      try (PreparedStatement s = c.prepareStatement("SELECT token_key FROM " + table);
          ResultSet r = s.executeQuery()) {
        while (r.next()) {
          keys.add(r.getString(1));
        }
      }
      return Set.copyOf(keys);
    });
  }

  /**
   * {@inheritDoc}
   *
   * <p>One indexed query on the {@code user_id} column; only that user's rows are decrypted.
   *
   * @throws TokenDecryptionException when one of the user's rows does not open with this store's key
   * @throws SyncDatabaseException when the database call fails
   */
  @Override
  public Optional<AccessToken> findByUserId(long polarUserId) {
    Map<String, AccessToken> tokens =
        StoreJdbc.call(dataSource, () -> "finding a user's token in " + table, c -> {
          Map<String, AccessToken> found =
              new TreeMap<>(); // the keys' natural order, as TokenStore says
          try (PreparedStatement s = c.prepareStatement(
              "SELECT token_key, user_id, key_id, sealed FROM " + table + " WHERE user_id = ?")) {
            s.setLong(1, polarUserId);
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                found.put(r.getString(1), open(r));
              }
            }
          }
          return found;
        });
    AccessToken best = null;
    for (AccessToken token : tokens.values()) {
      if (best == null
          || token.issuedAt().orElse(Instant.MIN).isAfter(best.issuedAt().orElse(Instant.MIN))) {
        best = token;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Decrypts the current row (token_key, user_id, key_id, sealed). */
  private AccessToken open(ResultSet r) throws SQLException {
    String rowKey = r.getString(1);
    long user = r.getLong(2);
    @Nullable Long userId = r.wasNull() ? null : user;
    String keyId = r.getString(3);
    if (!keyId.equals(key.id())) {
      throw new TokenDecryptionException(
          TokenDecryptionException.Reason.WRONG_KEY,
          "the token stored under key \"" + printable(rowKey) + "\" in " + table
              + " was encrypted with the key of id "
              + printable(keyId) + ", but this store has the key of id " + key.id()
              + ": configure the key the tokens were written with");
    }
    byte[] plaintext = cipher.open(rowKey, userId, r.getBytes(4));
    try {
      if (plaintext != null) {
        return TokenPayload.decode(plaintext);
      }
    } catch (IOException e) {
      // authenticated but unreadable: written by a later version, or by hand with this key
    }
    throw new TokenDecryptionException(
        TokenDecryptionException.Reason.ALTERED,
        "the token stored under key \"" + printable(rowKey) + "\" in " + table
            + " fails authentication with this store's key (id " + key.id()
            + "): the row was altered or copied from another row; delete it and link the user again");
  }

  private static String checked(String key) {
    Objects.requireNonNull(key, "key");
    if (key.isBlank()) {
      throw new IllegalArgumentException("key must not be blank");
    }
    return key;
  }

  /** A key as it may be shown: control characters and the like replaced, at most 100 characters. */
  private static String printable(String s) {
    String cut = s.length() <= 100 ? s : s.substring(0, 100) + "...";
    return cut.codePoints()
        .map(cp -> Character.isISOControl(cp) || !Character.isDefined(cp) ? '?' : cp)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }

  @Override
  public String toString() {
    return "JdbcTokenStore[" + table + ", key id " + key.id() + "]";
  }
}

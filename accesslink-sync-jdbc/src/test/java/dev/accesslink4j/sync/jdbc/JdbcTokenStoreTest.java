package dev.accesslink4j.sync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.accesslink4j.AccessToken;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcTokenStoreTest {
  private static final Instant ISSUED = Instant.parse("2025-03-01T10:00:00.123456789Z");

  @RegisterExtension
  final TestDatabase db = new TestDatabase();

  private final byte[] keyBytes = randomKey();
  private final TokenKey key = TokenKey.of(keyBytes);

  private static byte[] randomKey() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }

  private JdbcTokenStore store() {
    return JdbcTokenStore.create(SyncSchema.of(db.dataSource()), key);
  }

  private static AccessToken token(String value, long userId, Instant issued) {
    return AccessToken.of(value, "bearer", Duration.ofDays(365), issued, userId);
  }

  @Test
  void sqlSeesNoTokenText() throws SQLException {
    JdbcTokenStore store = store();
    String value = "2YotnFZFEjr1zCsicMWpAA-secret-access-token";
    store.save("member-42", token(value, 475, ISSUED));
    store.save("member-43", AccessToken.of(value + "-2"));

    List<String> forbidden = List.of(
        value,
        Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)),
        HexFormat.of().formatHex(value.getBytes(StandardCharsets.UTF_8)),
        Base64.getEncoder().encodeToString(keyBytes));
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery("SELECT t::text, encode(sealed, 'escape'), encode(sealed, 'base64'),"
                + " sealed FROM accesslink_tokens t")) {
      int rows = 0;
      while (r.next()) {
        rows++;
        for (int column = 1; column <= 3; column++) {
          String text = r.getString(column);
          for (String secret : forbidden) {
            assertThat(text).doesNotContain(secret);
          }
        }
        assertThat(new String(r.getBytes(4), StandardCharsets.ISO_8859_1))
            .doesNotContain("secret-access-token");
      }
      assertThat(rows).isEqualTo(2);
    }
    // and yet the store reads it back whole
    AccessToken loaded = store.load("member-42").orElseThrow();
    assertThat(loaded.reveal()).isEqualTo(value);
    assertThat(loaded.tokenType()).isEqualTo("bearer");
    assertThat(loaded.expiresIn()).hasValue(Duration.ofDays(365));
    assertThat(loaded.issuedAt()).hasValue(ISSUED);
    assertThat(loaded.userId()).hasValue(475);
    AccessToken bare = store.load("member-43").orElseThrow();
    assertThat(bare.reveal()).isEqualTo(value + "-2");
    assertThat(bare.expiresIn()).isEmpty();
    assertThat(bare.issuedAt()).isEmpty();
    assertThat(bare.userId()).isEmpty();
  }

  @Test
  void theSameTokenSavedTwiceIsSealedUnderANewIv() throws SQLException {
    JdbcTokenStore store = store();
    store.save("a", AccessToken.of("same"));
    byte[] first = sealed("a");
    store.save("a", AccessToken.of("same"));

    assertThat(sealed("a")).isNotEqualTo(first);
    assertThat(first[0]).as("format byte").isEqualTo((byte) 1);
    assertThat(first.length)
        .isEqualTo(1 + 12 + TokenPayload.encode(AccessToken.of("same")).length + 16);
  }

  @Test
  void lookupsByKeyAndByUserId() {
    JdbcTokenStore store = store();
    store.save("member-1", token("old", 475, ISSUED));
    store.save("member-2", token("new", 475, ISSUED.plusSeconds(60)));
    store.save("member-3", token("other", 476, ISSUED));
    store.save("b-tie", token("tie-b", 477, ISSUED));
    store.save("a-tie", token("tie-a", 477, ISSUED));
    store.save("no-user", AccessToken.of("bare"));

    assertThat(store.keys())
        .containsExactlyInAnyOrder("member-1", "member-2", "member-3", "a-tie", "b-tie", "no-user");
    assertThat(store.load("member-1").orElseThrow().reveal()).isEqualTo("old");
    assertThat(store.load("missing")).isEmpty();
    assertThat(store.findByUserId(475).orElseThrow().reveal())
        .as("the latest issued")
        .isEqualTo("new");
    assertThat(store.findByUserId(476).orElseThrow().reveal()).isEqualTo("other");
    assertThat(store.findByUserId(477).orElseThrow().reveal())
        .as("ties: first key")
        .isEqualTo("tie-a");
    assertThat(store.findByUserId(999)).isEmpty();

    store.save(
        "member-2", token("moved", 476, ISSUED.plusSeconds(120))); // replaced, now another user's
    assertThat(store.findByUserId(475).orElseThrow().reveal()).isEqualTo("old");
    assertThat(store.findByUserId(476).orElseThrow().reveal()).isEqualTo("moved");

    store.delete("member-1");
    store.delete("never-saved");
    assertThat(store.findByUserId(475)).isEmpty();
    assertThat(store.keys()).doesNotContain("member-1");
    assertThatThrownBy(() -> store.save(" ", AccessToken.of("x")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void twoStoresWithTheSameKeyShareTheTokens() {
    JdbcTokenStore one = store();
    JdbcTokenStore two =
        JdbcTokenStore.create(SyncSchema.of(db.dataSource()), TokenKey.of(keyBytes));

    one.save("member-42", token("t", 475, ISSUED));

    assertThat(two.findByUserId(475).orElseThrow().reveal()).isEqualTo("t");
  }

  @Test
  void eightConcurrentWritersLoseNothing() throws Exception {
    int writers = 8;
    int perWriter = 50;
    try (HikariDataSource pool = TestPools.pool(db.jdbcUrl(), writers)) {
      List<JdbcTokenStore> stores = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        stores.add(JdbcTokenStore.create(SyncSchema.of(pool), TokenKey.of(keyBytes)));
      }
      ExecutorService threads = Executors.newFixedThreadPool(writers);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        JdbcTokenStore store = stores.get(w);
        done.add(threads.submit(() -> {
          start.await();
          for (int i = 0; i < perWriter; i++) {
            store.save(
                "w" + writer + "-" + i,
                token("token-" + writer + "-" + i, 1000L * writer + i, ISSUED));
            // every writer also overwrites one shared key, for one shared user
            store.save("shared", token("shared-" + writer + "-" + i, 999_999, ISSUED));
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get();
      }
      threads.shutdown();

      JdbcTokenStore reader = stores.get(0);
      assertThat(reader.keys()).hasSize(writers * perWriter + 1);
      for (int w = 0; w < writers; w++) {
        for (int i = 0; i < perWriter; i++) {
          assertThat(reader.load("w" + w + "-" + i).orElseThrow().reveal())
              .isEqualTo("token-" + w + "-" + i);
          assertThat(reader.findByUserId(1000L * w + i).orElseThrow().reveal())
              .isEqualTo("token-" + w + "-" + i);
        }
      }
      assertThat(reader.load("shared").orElseThrow().reveal())
          .matches("shared-[0-7]-" + (perWriter - 1));
      assertThat(reader.findByUserId(999_999).orElseThrow().reveal())
          .matches("shared-[0-7]-" + (perWriter - 1));
    }
  }

  @Test
  void aWrongKeyIsAClearTypedErrorWithoutSecrets() {
    String value = "the-users-secret-token";
    store().save("member-42", token(value, 475, ISSUED));
    byte[] otherBytes = randomKey();
    TokenKey other = TokenKey.of(otherBytes);
    JdbcTokenStore wrong = JdbcTokenStore.create(SyncSchema.of(db.dataSource()), other);

    assertThat(wrong.keys()).containsExactly("member-42"); // keys need no decryption
    for (Runnable call :
        List.<Runnable>of(() -> wrong.load("member-42"), () -> wrong.findByUserId(475))) {
      assertThatThrownBy(call::run)
          .isInstanceOfSatisfying(
              TokenDecryptionException.class,
              e -> assertThat(e.reason()).isEqualTo(TokenDecryptionException.Reason.WRONG_KEY))
          .hasMessageContaining("member-42")
          .hasMessageContaining(key.id())
          .hasMessageContaining(other.id())
          .hasMessageNotContaining(value)
          .hasMessageNotContaining(Base64.getEncoder().encodeToString(keyBytes))
          .hasMessageNotContaining(Base64.getEncoder().encodeToString(otherBytes))
          .hasNoCause();
    }
    assertThat(other.toString())
        .doesNotContain(Base64.getEncoder().encodeToString(otherBytes))
        .contains("██");
  }

  @Test
  void aSwappedRowFailsAuthentication() throws SQLException {
    JdbcTokenStore store = store();
    store.save("alice", token("alice-token", 475, ISSUED));
    store.save("bob", token("bob-token", 476, ISSUED));

    // move bob's sealed token and user id into alice's row, as someone with SQL access might
    execute("UPDATE accesslink_tokens a SET sealed = b.sealed, user_id = b.user_id"
        + " FROM accesslink_tokens b WHERE a.token_key = 'alice' AND b.token_key = 'bob'");

    assertThatThrownBy(() -> store.load("alice"))
        .isInstanceOfSatisfying(
            TokenDecryptionException.class,
            e -> assertThat(e.reason()).isEqualTo(TokenDecryptionException.Reason.ALTERED))
        .hasMessageContaining("alice")
        .hasMessageNotContaining("bob-token");
    assertThatThrownBy(() -> store.findByUserId(476)).isInstanceOf(TokenDecryptionException.class);
    assertThat(store.load("bob").orElseThrow().reveal()).isEqualTo("bob-token");
  }

  @Test
  void aChangedUserIdFailsAuthenticationToo() throws SQLException {
    JdbcTokenStore store = store();
    store.save("alice", token("alice-token", 475, ISSUED));

    execute("UPDATE accesslink_tokens SET user_id = 999 WHERE token_key = 'alice'");

    assertThatThrownBy(() -> store.findByUserId(999))
        .isInstanceOfSatisfying(
            TokenDecryptionException.class,
            e -> assertThat(e.reason()).isEqualTo(TokenDecryptionException.Reason.ALTERED));
  }

  @Test
  void aTokenKeyIs32BytesAndNeverShown() {
    String base64 = Base64.getEncoder().encodeToString(keyBytes);
    TokenKey fromBase64 = TokenKey.fromBase64(base64);

    assertThat(fromBase64.id()).isEqualTo(key.id()).matches("[0-9a-f]{16}");
    assertThat(TokenKey.of(randomKey()).id()).isNotEqualTo(key.id());
    assertThat(fromBase64.toString()).isEqualTo("TokenKey[██, id=" + key.id() + "]");
    assertThatThrownBy(() -> TokenKey.of(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a token key is 32 bytes (AES-256), not 16 bytes");
    assertThatThrownBy(() -> TokenKey.fromBase64("not base64 at all! " + base64))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(base64)
        .hasNoCause();
    assertThat(store().toString()).contains(key.id()).doesNotContain(base64);
  }

  @Test
  void keysOfTheSameUserInAnotherSchemaStayApart() {
    JdbcTokenStore one = JdbcTokenStore.create(SyncSchema.of(db.dataSource(), "one_"), key);
    JdbcTokenStore two = JdbcTokenStore.create(SyncSchema.of(db.dataSource(), "two_"), key);

    one.save("member-42", token("t", 475, ISSUED));

    assertThat(two.keys()).isEqualTo(Set.of());
    assertThat(two.findByUserId(475)).isEmpty();
  }

  private byte[] sealed(String tokenKey) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT sealed FROM accesslink_tokens WHERE token_key = ?")) {
      s.setString(1, tokenKey);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getBytes(1);
      }
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}

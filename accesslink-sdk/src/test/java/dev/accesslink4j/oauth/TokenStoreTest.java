package dev.accesslink4j.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.accesslink4j.AccessToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoreTest {
  private static final String VALUE = "2YotnFZFEjr1zCsicMWpAA";
  private static final AccessToken FULL = AccessToken.of(
      VALUE, "bearer", Duration.ofSeconds(31535999), Instant.parse("2025-03-01T10:15:30Z"), 10579L);

  @TempDir
  Path dir;

  private static void assertSameToken(AccessToken actual, AccessToken expected) {
    assertThat(actual.reveal()).isEqualTo(expected.reveal());
    assertThat(actual.tokenType()).isEqualTo(expected.tokenType());
    assertThat(actual.expiresIn()).isEqualTo(expected.expiresIn());
    assertThat(actual.issuedAt()).isEqualTo(expected.issuedAt());
    assertThat(actual.userId()).isEqualTo(expected.userId());
  }

  private boolean posix() throws IOException {
    return Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
  }

  @Test
  void inMemoryStoreSavesLoadsAndDeletes() {
    TokenStore store = new InMemoryTokenStore();

    store.save("member-42", FULL);

    assertThat(store.load("member-42")).hasValueSatisfying(t -> assertSameToken(t, FULL));
    assertThat(store.load("other")).isEmpty();
    assertThat(store.keys()).containsExactly("member-42");
    assertThat(store.toString()).doesNotContain(VALUE);
    store.delete("member-42");
    store.delete("never-there");
    assertThat(store.load("member-42")).isEmpty();
    assertThat(store.keys()).isEmpty();
    assertThatThrownBy(() -> store.save(" ", FULL)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fileStoreRoundTripsEveryFieldAcrossInstances() {
    Path file = dir.resolve("tokens.json");
    FileTokenStore.of(file).save("member-42", FULL);
    FileTokenStore.of(file).save("bare", AccessToken.of("bare-token-value"));

    FileTokenStore reopened = FileTokenStore.of(file);

    assertThat(reopened.load("member-42")).hasValueSatisfying(t -> assertSameToken(t, FULL));
    assertThat(reopened.load("bare")).hasValueSatisfying(t -> {
      assertThat(t.reveal()).isEqualTo("bare-token-value");
      assertThat(t.expiresIn()).isEmpty();
      assertThat(t.issuedAt()).isEmpty();
      assertThat(t.userId()).isEmpty();
    });
    assertThat(reopened.keys()).containsExactlyInAnyOrder("member-42", "bare");
    reopened.delete("bare");
    assertThat(FileTokenStore.of(file).keys()).containsExactly("member-42");
  }

  @Test
  void fileHoldsTheDocumentedFields() throws IOException {
    Path file = dir.resolve("tokens.json");
    FileTokenStore.of(file).save("member-42", FULL);

    JsonObject entry = JsonParser.parseString(Files.readString(file))
        .getAsJsonObject()
        .getAsJsonObject("tokens")
        .getAsJsonObject("member-42");

    assertThat(entry.get("access_token").getAsString()).isEqualTo(VALUE);
    assertThat(entry.get("token_type").getAsString()).isEqualTo("bearer");
    assertThat(entry.get("expires_in").getAsLong()).isEqualTo(31535999L);
    assertThat(entry.get("issued_at").getAsString()).isEqualTo("2025-03-01T10:15:30Z");
    assertThat(entry.get("user_id").getAsLong()).isEqualTo(10579L);
  }

  @Test
  void missingFileIsAnEmptyStoreAndNothingIsCreatedByReading() {
    Path file = dir.resolve("absent.json");
    FileTokenStore store = FileTokenStore.of(file);

    assertThat(store.load("member-42")).isEmpty();
    assertThat(store.keys()).isEmpty();
    store.delete("member-42");
    assertThat(file).doesNotExist();
  }

  @Test
  void fileIsOwnerOnlyAndCreatedDirectoriesToo() throws IOException {
    assumeTrue(posix(), "POSIX permissions are not supported here");
    Path file = dir.resolve("app").resolve("polar").resolve("tokens.json");

    FileTokenStore.of(file).save("member-42", FULL);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
  }

  @Test
  void aTooOpenExistingFileIsReplacedByAnOwnerOnlyOne() throws IOException {
    assumeTrue(posix(), "POSIX permissions are not supported here");
    Path file = dir.resolve("tokens.json");
    Files.writeString(file, "{\"version\": 1, \"tokens\": {}}");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    FileTokenStore.of(file).save("member-42", FULL);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void writesLeaveNoTemporaryFilesBehind() throws IOException {
    Path file = dir.resolve("tokens.json");
    FileTokenStore store = FileTokenStore.of(file);
    for (int i = 0; i < 5; i++) {
      store.save("member-" + i, FULL);
    }
    store.delete("member-0");

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactlyInAnyOrder(file, dir.resolve("tokens.json.lock"));
    }
  }

  @Test
  void concurrentSavesAreAllKept() throws Exception {
    FileTokenStore store = FileTokenStore.of(dir.resolve("tokens.json"));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> saves = new ArrayList<>();
      IntStream.range(0, 40)
          .forEach(i -> saves.add(
              pool.submit(() -> store.save("member-" + i, AccessToken.of("token-" + i)))));
      for (Future<?> save : saves) {
        save.get();
      }
    } finally {
      pool.shutdown();
    }

    assertThat(FileTokenStore.of(store.file()).keys()).hasSize(40);
    assertThat(store.load("member-17")).map(AccessToken::reveal).contains("token-17");
  }

  @Test
  void corruptFileFailsWithoutQuotingItsContent() throws IOException {
    Path file = dir.resolve("tokens.json");
    Files.writeString(
        file,
        "{\"tokens\": {\"member-42\": {\"access_token\": \"" + VALUE + "\", \"expires_in\": \"x"
            + VALUE);
    Path wrongShape = dir.resolve("wrong.json");
    Files.writeString(
        wrongShape,
        "{\"version\": 1, \"tokens\": {\"member-42\": {\"access_token\": \"" + VALUE
            + "\", \"expires_in\": \"" + VALUE + "\"}}}");

    assertThatThrownBy(() -> FileTokenStore.of(file).load("member-42"))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("not valid JSON")
        .satisfies(e -> assertThat(e.getCause()).hasNoCause())
        .hasMessageNotContaining(VALUE);
    assertThatThrownBy(() -> FileTokenStore.of(wrongShape).load("member-42"))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("member-42 is malformed")
        .hasMessageNotContaining(VALUE);
  }

  @Test
  void findByUserIdFindsTheNewestTokenOfThatUserUnderAnyKeyInBothStores() {
    AccessToken old =
        AccessToken.of("old", "bearer", null, Instant.parse("2025-01-01T00:00:00Z"), 7L);
    AccessToken newer =
        AccessToken.of("newer", "bearer", null, Instant.parse("2025-06-01T00:00:00Z"), 7L);
    AccessToken undated = AccessToken.of("undated", "bearer", null, null, 7L);
    AccessToken other =
        AccessToken.of("other", "bearer", null, Instant.parse("2026-01-01T00:00:00Z"), 8L);
    AccessToken anonymous = AccessToken.of("anonymous");

    for (TokenStore store :
        List.of(new InMemoryTokenStore(), FileTokenStore.of(dir.resolve("tokens.json")))) {
      assertThat(store.findByUserId(7L)).as("%s", store).isEmpty();
      store.save("a-undated", undated);
      assertThat(store.findByUserId(7L))
          .as("%s", store)
          .map(AccessToken::reveal)
          .contains("undated");
      store.save("b-old", old);
      store.save("c-newer", newer);
      store.save("d-other", other);
      store.save("e-anonymous", anonymous);

      assertThat(store.findByUserId(7L))
          .as("%s", store)
          .map(AccessToken::reveal)
          .contains("newer");
      assertThat(store.findByUserId(8L))
          .as("%s", store)
          .map(AccessToken::reveal)
          .contains("other");
      assertThat(store.findByUserId(9L)).as("%s", store).isEmpty();
      assertThat(store.findByUserId(7L).orElseThrow().issuedAt())
          .contains(Instant.parse("2025-06-01T00:00:00Z"));
    }
  }

  @Test
  void theDefaultFindByUserIdWorksForAnyStore() {
    InMemoryTokenStore backing = new InMemoryTokenStore();
    TokenStore minimal = new TokenStore() {
      @Override
      public void save(String key, AccessToken token) {
        backing.save(key, token);
      }

      @Override
      public java.util.Optional<AccessToken> load(String key) {
        return backing.load(key);
      }

      @Override
      public void delete(String key) {
        backing.delete(key);
      }

      @Override
      public java.util.Set<String> keys() {
        return backing.keys();
      }
    };
    minimal.save("x", AccessToken.of("first", "bearer", null, null, 5L));
    minimal.save("y", AccessToken.of("second", "bearer", null, null, 5L));

    // equal (unknown) issue times: the first key wins
    assertThat(minimal.findByUserId(5L)).map(AccessToken::reveal).contains("first");
    assertThat(minimal.findByUserId(6L)).isEmpty();
  }

  @Test
  void toStringShowsThePathButNoToken() {
    FileTokenStore store = FileTokenStore.of(dir.resolve("tokens.json"));
    store.save("member-42", FULL);

    assertThat(store.toString()).contains("tokens.json").doesNotContain(VALUE);
  }
}

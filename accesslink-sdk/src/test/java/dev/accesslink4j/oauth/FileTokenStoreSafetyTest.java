package dev.accesslink4j.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.accesslink4j.AccessToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A damaged store is an error naming the file, never an empty store; the folder cannot be written by others; a
 * writer killed half-way leaves nothing that piles up; {@link FileTokenStore#check()} finds all of it up front.
 */
class FileTokenStoreSafetyTest {
  private static final String VALUE = "2YotnFZFEjr1zCsicMWpAA";
  private static final AccessToken TOKEN = AccessToken.of(VALUE, "bearer", null, null, 10579L);

  @TempDir
  Path dir;

  private boolean posix() throws IOException {
    return Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
  }

  /** Every operation fails with the file named and the file left exactly as it was. */
  private void assertUnusable(Path file, String why) throws IOException {
    byte[] before = Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
    FileTokenStore store = FileTokenStore.of(file);
    List<Consumer<FileTokenStore>> calls = List.of(
        s -> s.keys(),
        s -> s.load("member-42"),
        s -> s.findByUserId(10579L),
        s -> s.save("member-42", TOKEN),
        s -> s.delete("member-42"),
        FileTokenStore::check);
    for (Consumer<FileTokenStore> call : calls) {
      assertThatThrownBy(() -> call.accept(store))
          .isInstanceOf(UncheckedIOException.class)
          .satisfies(e -> assertThat(messages(e))
              .contains(file.toString())
              .contains(why)
              .doesNotContain(VALUE));
    }
    if (before != null) {
      assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }
  }

  private static String messages(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append(" | ");
    }
    return all.toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   \n", "null"})
  void anEmptyOrNullFileIsAnErrorNotAnEmptyStore(String content) throws IOException {
    Path file = dir.resolve("tokens.json");
    Files.writeString(file, content);

    assertUnusable(file, content.equals("null") ? "it holds JSON null" : "it is empty");
  }

  @Test
  void anUnknownVersionIsAnError() throws IOException {
    Path file = dir.resolve("tokens.json");
    Files.writeString(file, "{\"version\": 99, \"tokens\": {}}");

    assertUnusable(file, "it has version 99; this SDK reads version 1");
  }

  @Test
  void aMissingOrNonNumericVersionIsAnErrorThatQuotesNothing() throws IOException {
    Path missing = dir.resolve("missing.json");
    Files.writeString(missing, "{\"tokens\": {}}");
    Path text = dir.resolve("text.json");
    Files.writeString(text, "{\"version\": \"" + VALUE + "\", \"tokens\": {}}");

    assertUnusable(missing, "it has no \"version\"");
    assertUnusable(text, "a \"version\" that is not a number");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"version\": 1, \"tokens\": {",
        "not json at all " + VALUE,
        "[1, 2]",
        "{\"version\": 1}"
      })
  void otherDamageIsAnError(String content) throws IOException {
    Path file = dir.resolve("tokens.json");
    Files.writeString(file, content);

    assertUnusable(file, "is unusable");
  }

  @Test
  void aFileThatIsNotUtf8IsAnError() throws IOException {
    Path file = dir.resolve("tokens.json");
    Files.write(file, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});

    assertUnusable(file, "it is not UTF-8 text");
  }

  @Test
  void aFolderWhereTheFileShouldBeIsAnUnreadableStore() throws IOException {
    // the portable way to make the file unreadable (also as root, where permissions do not stop
    // reads)
    Path file = Files.createDirectory(dir.resolve("tokens.json"));

    assertUnusable(file, "cannot read token store " + file);
  }

  @Test
  void anUnreadableFileIsAnError() throws IOException {
    assumeTrue(posix(), "POSIX permissions are not supported here");
    Path file = dir.resolve("tokens.json");
    FileTokenStore.of(file).save("member-42", TOKEN);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    try {
      assumeFalse(Files.isReadable(file), "running as root: permissions do not stop reads here");
      assertUnusable(file, "permission denied");
    } finally {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
  }

  @Test
  void todaysFilesStayReadable() throws IOException {
    Path file = dir.resolve("tokens.json");
    Files.writeString(file, """
        {
          "version": 1,
          "tokens": {
            "member-42": {
              "access_token": "%s",
              "token_type": "bearer",
              "expires_in": 31535999,
              "issued_at": "2025-03-01T10:15:30Z",
              "user_id": 10579
            },
            "bare": {
              "access_token": "bare-token-value",
              "token_type": "bearer"
            }
          }
        }
        """.formatted(VALUE));

    FileTokenStore store = FileTokenStore.of(file);

    assertThat(store.keys()).containsExactlyInAnyOrder("member-42", "bare");
    assertThat(store.findByUserId(10579L)).map(AccessToken::reveal).contains(VALUE);
    store.save("next", AccessToken.of("next-token"));
    assertThat(store.load("member-42").orElseThrow().issuedAt())
        .contains(Instant.parse("2025-03-01T10:15:30Z"));
  }

  @Test
  void checkCreatesAnOwnerOnlyFolderAndTheLockButNoStore() throws IOException {
    Path file = dir.resolve("new").resolve("tokens.json");

    FileTokenStore.of(file).check();

    assertThat(file).doesNotExist();
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file.resolveSibling("tokens.json.lock"));
    }
    if (posix()) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
          .isEqualTo("rwx------");
      assertThat(PosixFilePermissions.toString(
              Files.getPosixFilePermissions(file.resolveSibling("tokens.json.lock"))))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void checkFailsOnAFolderPathThatIsAFile() throws IOException {
    Path notAFolder = Files.writeString(dir.resolve("plain"), "x");
    Path file = notAFolder.resolve("tokens.json");

    assertThatThrownBy(() -> FileTokenStore.of(file).check())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("cannot write token store " + file);
  }

  @Test
  void aFolderOthersCanWriteToIsTightenedToOwnerOnly() throws IOException {
    assumeTrue(posix(), "POSIX permissions are not supported here");
    Path folder = Files.createDirectory(dir.resolve("shared"));
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));

    FileTokenStore.of(folder.resolve("tokens.json")).save("member-42", TOKEN);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
        .isEqualTo("rwx------");
  }

  @Test
  void aFolderOthersCanOnlyReadIsLeftAsItIs() throws IOException {
    assumeTrue(posix(), "POSIX permissions are not supported here");
    Path folder = Files.createDirectory(dir.resolve("home"));
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));

    FileTokenStore.of(folder.resolve("tokens.json")).save("member-42", TOKEN);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
        .isEqualTo("rwxr-xr-x");
    assertThat(PosixFilePermissions.toString(
            Files.getPosixFilePermissions(folder.resolve("tokens.json"))))
        .isEqualTo("rw-------");
  }

  @Test
  void aSharedStickyFolderLikeTmpIsRefusedAndLeftAsItIs() throws IOException {
    assumeTrue(posix(), "POSIX permissions are not supported here");
    Path folder = Files.createDirectory(dir.resolve("tmp"));
    Files.setAttribute(folder, "unix:mode", 01777);
    assumeTrue(
        ((Integer) Files.getAttribute(folder, "unix:mode") & 01000) != 0, "no sticky bit here");
    Path file = folder.resolve("tokens.json");

    assertThatThrownBy(() -> FileTokenStore.of(file).save("member-42", TOKEN))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("cannot write token store " + file)
        .hasMessageContaining("its folder " + folder + " is shared");
    assertThatThrownBy(() -> FileTokenStore.of(file).check()).hasMessageContaining("is shared");

    assertThat(file).doesNotExist();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
        .isEqualTo("rwxrwxrwx");
  }

  @Test
  void temporaryFilesOfAKilledWriterAreRemovedByTheNextChange() throws IOException {
    Path file = dir.resolve("tokens.json");
    FileTokenStore store = FileTokenStore.of(file);
    store.save("member-1", TOKEN);
    // what kill -9 between creating and moving the temporary file leaves
    Path stale =
        Files.writeString(dir.resolve(".tokens.json.12345.tmp"), "", StandardCharsets.UTF_8);
    Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofDays(1))));
    Path unrelated = Files.writeString(dir.resolve(".other.json.1.tmp"), "keep");

    store.save("member-2", TOKEN);

    assertThat(stale).doesNotExist();
    assertThat(unrelated).exists();
    assertThat(store.keys()).containsExactlyInAnyOrder("member-1", "member-2");
  }

  @Test
  void readingCreatesNothingNotEvenTheLockFile() {
    Path file = dir.resolve("absent").resolve("tokens.json");
    FileTokenStore store = FileTokenStore.of(file);

    assertThat(store.keys()).isEmpty();
    assertThat(store.findByUserId(1)).isEmpty();
    store.delete("member-42");

    assertThat(file.getParent()).doesNotExist();
  }
}

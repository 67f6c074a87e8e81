package dev.accesslink4j.examples;

import dev.accesslink4j.oauth.FileTokenStore;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The {@code --token-store} option: the JSON file holding the linked users' access tokens or, for {@code sync}, a
 * {@code jdbc:postgresql:} URL of a database holding them encrypted ({@code JdbcTokenStore}).
 */
final class TokenStoreOption {
  /** The prefix that makes the option a database URL. */
  static final String JDBC = "jdbc:";

  @Option(
      names = "--token-store",
      paramLabel = "FILE",
      description =
          "The token store, owner-only (default: ~/.accesslink/tokens.json). For sync also a"
              + " jdbc:postgresql: URL: the tokens encrypted in that database with the key in ACCESSLINK_TOKEN_KEY.")
  @Nullable
  String location;

  /** Whether the option was given. */
  boolean given() {
    return location != null;
  }

  /** Whether the option names a database. */
  boolean jdbc() {
    return location != null && location.startsWith(JDBC);
  }

  /**
   * The store on the given file, or on {@code ~/.accesslink/tokens.json}.
   *
   * @throws IllegalArgumentException for a database URL: only {@code sync} reads tokens from a database
   */
  FileTokenStore open() {
    if (jdbc()) {
      throw new IllegalArgumentException(
          "--token-store: a jdbc: URL works with sync only; link and webhook take a file");
    }
    return FileTokenStore.of(location != null ? Path.of(location) : defaultFile());
  }

  /**
   * The store, checked now ({@link FileTokenStore#check()}): its folder is created or made owner-only, the file is
   * read and validated, the folder proved writable.
   *
   * @throws java.io.UncheckedIOException naming the file when the store cannot be used
   */
  FileTokenStore openChecked() {
    FileTokenStore store = open();
    store.check();
    return store;
  }

  static Path defaultFile() {
    return Path.of(System.getProperty("user.home"), ".accesslink", "tokens.json");
  }
}

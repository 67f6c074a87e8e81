package dev.accesslink4j.examples;

import dev.accesslink4j.oauth.FileTokenStore;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The {@code --token-store} option: the JSON file holding the linked users' access tokens. */
final class TokenStoreOption {
  @Option(
      names = "--token-store",
      paramLabel = "FILE",
      description = "The token store, owner-only (default: ~/.accesslink/tokens.json).")
  @Nullable
  Path file;

  /** The store on the given file, or on {@code ~/.accesslink/tokens.json}. */
  FileTokenStore open() {
    return FileTokenStore.of(file != null ? file : defaultFile());
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

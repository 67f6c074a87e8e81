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
  @Nullable Path file;

  /** The store on the given file, or on {@code ~/.accesslink/tokens.json}. */
  FileTokenStore open() {
    return FileTokenStore.of(file != null ? file : defaultFile());
  }

  static Path defaultFile() {
    return Path.of(System.getProperty("user.home"), ".accesslink", "tokens.json");
  }
}

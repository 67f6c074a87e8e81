package dev.accesslink4j.oauth;

import dev.accesslink4j.AccessToken;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The other process of {@link FileTokenStoreProcessesTest}: prints {@code ready}, waits for a start file, then saves
 * {@code count} tokens under {@code <prefix>0..n-1} into one store, each with its own Polar user id.
 */
final class TokenSaverProcess {
  private TokenSaverProcess() {}

  public static void main(String[] args) throws Exception {
    FileTokenStore store = FileTokenStore.of(Path.of(args[0]));
    String prefix = args[1];
    int count = Integer.parseInt(args[2]);
    Path start = Path.of(args[3]);
    long firstUserId = Long.parseLong(args[4]);
    System.out.println("ready");
    System.out.flush();
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!Files.exists(start)) {
      if (System.nanoTime() > deadline) {
        System.exit(3);
      }
      Thread.sleep(1);
    }
    for (int i = 0; i < count; i++) {
      store.save(
          prefix + i, AccessToken.of("token-" + prefix + i, "bearer", null, null, firstUserId + i));
    }
    System.out.println("saved " + count);
  }
}

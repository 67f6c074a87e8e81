package dev.accesslink4j.examples.sync;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The other process of {@link OutputWriterTest}: locks a file as a writer in progress does, prints {@code locked},
 * and holds the lock until its standard input ends.
 */
final class LockHolderProcess {
  private LockHolderProcess() {}

  public static void main(String[] args) throws Exception {
    try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE)) {
      channel.lock();
      System.out.println("locked");
      System.out.flush();
      while (System.in.read() >= 0) {
        // hold the lock
      }
    }
  }
}

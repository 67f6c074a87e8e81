package dev.accesslink4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed with SIGKILL in the middle of a download to a file leaves its temporary file behind; the next
 * run's first download into that folder removes it, while a download still in progress in another process keeps
 * its file whatever its age, because it holds the file locked.
 */
class KilledDownloadTest {
  private static final byte[] FIT = TestFiles.syntheticFit(512 * 1024, 9);

  @TempDir
  Path dir;

  @Test
  void theNextRunSweepsTheTemporaryFileOfAKilledDownloadButNotOfALiveOne() throws Exception {
    try (MockWebServer server = FastMockWebServer.create()) {
      server.start();
      // The child's download: 16 KiB, then a minute of silence (the child's read timeout is
      // longer), so it is in
      // progress, and writes nothing that would make its file look young, while the test looks at
      // it.
      server.enqueue(binary().throttleBody(16 * 1024, 60, TimeUnit.SECONDS).build());
      server.enqueue(binary().build());
      server.enqueue(binary().build());
      Process child = new ProcessBuilder(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-cp",
              System.getProperty("java.class.path"),
              Downloader.class.getName(),
              server.url("/").toString(),
              dir.resolve("killed.fit").toString())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      try {
        Path part = awaitPartFile();

        // Another process downloads into the folder while the child's file is an hour old but still
        // locked.
        Files.setLastModifiedTime(part, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        try (AccessLink client = client(server)) {
          client.user(AccessToken.of("t")).exercises().fit("other", dir.resolve("other.fit"));
        }
        assertThat(part).exists();

        child.destroyForcibly(); // SIGKILL: no finally block, no shutdown hook runs
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(part).exists(); // left behind
        Files.setLastModifiedTime(part, FileTime.from(Instant.now().minus(Duration.ofHours(1))));

        // The next run: a new client's first download into the folder.
        try (AccessLink nextRun = client(server)) {
          nextRun.user(AccessToken.of("t")).exercises().fit("again", dir.resolve("killed.fit"));
        }

        assertThat(files())
            .containsExactlyInAnyOrder(dir.resolve("other.fit"), dir.resolve("killed.fit"));
        assertThat(Files.readAllBytes(dir.resolve("killed.fit"))).isEqualTo(FIT);
      } finally {
        child.destroyForcibly();
      }
    }
  }

  private Path awaitPartFile() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      for (Path file : files()) {
        if (file.getFileName().toString().startsWith(".accesslink-killed.fit.")
            && Files.size(file) > 0) {
          return file;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the child never started writing its download; files: " + files());
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList();
    }
  }

  private static MockResponse.Builder binary() {
    return new MockResponse.Builder().code(200).body(new Buffer().write(FIT));
  }

  private static AccessLink client(MockWebServer server) {
    return AccessLink.builder()
        .clientId("id")
        .clientSecret(ClientSecret.of("secret"))
        .apiUrl(server.url("/").uri())
        .retryPolicy(RetryPolicy.disabled())
        .build();
  }

  /** The child process: one download to a file, killed by the test while it runs. */
  public static final class Downloader {
    private Downloader() {}

    /**
     * Downloads one FIT file.
     *
     * @param args the API base URL and the target file
     */
    public static void main(String[] args) {
      try (AccessLink client = AccessLink.builder()
          .clientId("id")
          .clientSecret(ClientSecret.of("secret"))
          .apiUrl(java.net.URI.create(args[0]))
          .readTimeout(Duration.ofMinutes(5))
          .build()) {
        client.user(AccessToken.of("t")).exercises().fit("child", Path.of(args[1]));
      }
    }
  }
}

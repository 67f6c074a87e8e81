package dev.accesslink4j.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accesslink4j.AccessToken;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Writers in other processes and in other instances: the file lock makes every read-modify-write count. */
class FileTokenStoreProcessesTest {
  private static final int PER_WRITER = 150;

  @TempDir
  Path dir;

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void twoJvmsSavingAtOnceKeepAllTheirTokens() throws Exception {
    Path file = dir.resolve("store").resolve("tokens.json");
    Path start = dir.resolve("start");
    List<Process> writers = new ArrayList<>();
    try {
      writers.add(writer(file, "a-", start, 1_000));
      writers.add(writer(file, "b-", start, 2_000));
      for (Process writer : writers) {
        assertThat(firstLine(writer)).isEqualTo("ready");
      }
      Files.createFile(start); // both JVMs are in their loop now: the saves overlap

      for (Process writer : writers) {
        assertThat(writer.waitFor(150, TimeUnit.SECONDS)).as("writer finished").isTrue();
        String err = new String(writer.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(writer.exitValue()).as("exit code; stderr: %s", err).isZero();
      }
    } finally {
      writers.forEach(Process::destroyForcibly);
    }

    FileTokenStore store = FileTokenStore.of(file);
    Set<String> expected = Stream.concat(
            IntStream.range(0, PER_WRITER).mapToObj(i -> "a-" + i),
            IntStream.range(0, PER_WRITER).mapToObj(i -> "b-" + i))
        .collect(Collectors.toSet());
    assertThat(store.keys()).hasSize(2 * PER_WRITER).isEqualTo(expected);
    assertThat(store.load("b-149")).map(AccessToken::reveal).contains("token-b-149");
    assertThat(store.findByUserId(1_077)).map(AccessToken::reveal).contains("token-a-77");
    try (Stream<Path> left = Files.list(file.getParent())) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("tokens.json", "tokens.json.lock");
    }
  }

  @Test
  void twoInstancesOnOneFileInOneJvmKeepEveryToken() throws Exception {
    Path file = dir.resolve("tokens.json");
    // the second instance reaches the same file through a symbolic link: one lock all the same
    Path link;
    try {
      link = Files.createSymbolicLink(dir.resolve("link"), dir);
    } catch (UnsupportedOperationException | java.io.IOException e) {
      link =
          dir; // no symbolic links here (Windows without the privilege): two instances on one path
    }
    List<FileTokenStore> stores =
        List.of(FileTokenStore.of(file), FileTokenStore.of(link.resolve("tokens.json")));
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<?>> saves = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        int n = i;
        saves.add(
            pool.submit(() -> stores.get(n % 2).save("member-" + n, AccessToken.of("token-" + n))));
      }
      for (Future<?> save : saves) {
        save.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(FileTokenStore.of(file).keys()).hasSize(60);
  }

  private static Process writer(Path file, String prefix, Path start, long firstUserId)
      throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            java.toString(),
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            TokenSaverProcess.class.getName(),
            file.toString(),
            prefix,
            Integer.toString(PER_WRITER),
            start.toString(),
            Long.toString(firstUserId))
        .start();
  }

  private static String firstLine(Process process) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    return line == null ? "<no output>" : line;
  }
}

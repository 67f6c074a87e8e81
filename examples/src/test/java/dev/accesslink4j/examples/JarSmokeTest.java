package dev.accesslink4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command on the packaged jar: {@code java -jar examples/target/accesslink-examples.jar sync} in
 * an empty folder, with no credentials in the environment. Runs in the {@code integration-test} phase (after
 * {@code package} built the jar and its {@code lib/} folder), so {@code mvn verify} covers it.
 */
@Tag("jar")
class JarSmokeTest {
  @TempDir
  Path dir;

  @Test
  void theReadmeCommandPrintsTheSummaryAndWritesValidFiles() throws Exception {
    Path jar = Path.of(System.getProperty("examples.jar", "target/accesslink-examples.jar"))
        .toAbsolutePath();
    assertThat(jar).exists();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder = new ProcessBuilder(
            java.toString(), "-Duser.home=" + dir.resolve("home"), "-jar", jar.toString(), "sync")
        .directory(dir.toFile())
        .redirectOutput(dir.resolve("stdout.txt").toFile())
        .redirectError(dir.resolve("stderr.txt").toFile());
    builder
        .environment()
        .keySet()
        .removeIf(name -> name.startsWith("POLAR_") || name.startsWith("ACCESSLINK_"));

    Process process = builder.start();
    boolean exited = process.waitFor(90, TimeUnit.SECONDS);
    if (!exited) {
      process.destroyForcibly();
    }

    List<String> out = read("stdout.txt");
    assertThat(exited).as("the command finished").isTrue();
    assertThat(read("stderr.txt")).isEmpty();
    assertThat(process.exitValue()).isZero();
    assertThat(out.get(out.size() - 1)).matches("synced \\d+ items for 1 users");
    Path data = dir.resolve("accesslink-data");
    List<Path> fits = DataFiles.files(data, ".fit");
    assertThat(fits).isNotEmpty();
    for (Path fit : fits) {
      DataFiles.assertValidFit(fit);
    }
    assertThat(DataFiles.files(data, ".json")).hasSizeGreaterThan(50);
    for (Path json : DataFiles.files(data, ".json")) {
      assertThat(DataFiles.json(json).isJsonObject()).isTrue();
    }
    assertThat(dir.resolve("home")).doesNotExist();
  }

  private List<String> read(String name) throws IOException {
    return Files.readAllLines(dir.resolve(name), StandardCharsets.UTF_8);
  }
}

package dev.accesslink4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The examples are what users copy: they use the SDK and the testkit through their public API only, never an
 * {@code internal} package (which the modules do not export, and which may change in any release). Whatever an
 * example needs from the SDK's internals becomes public API on purpose, as {@code AccessLinkJson.gson()} did.
 */
class PublicSurfaceTest {
  private static final Path BASE = Path.of(System.getProperty("basedir", "."));
  /** An import (static or not) or a fully qualified use of any {@code internal} package of ours. */
  private static final Pattern INTERNAL =
      Pattern.compile("\\bdev\\.accesslink4j\\.(?:[\\w.]*\\.)?internal\\.");

  @Test
  void noSourceOfTheExamplesReachesAnInternalPackage() throws IOException {
    List<String> offenders = new ArrayList<>();
    int scanned = 0;
    for (Path root : List.of(BASE.resolve("src/main/java"), BASE.resolve("src/test/java"))) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          scanned++;
          if (file.getFileName().toString().equals("PublicSurfaceTest.java")) {
            continue; // this file names the pattern
          }
          List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
          for (int i = 0; i < lines.size(); i++) {
            if (INTERNAL.matcher(lines.get(i)).find()) {
              offenders.add(
                  BASE.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
            }
          }
        }
      }
    }
    assertThat(scanned).as("sources scanned").isGreaterThan(20);
    assertThat(offenders).isEmpty();
  }

  @Test
  void thePatternCatchesTheWaysInAndNothingElse() {
    assertThat(INTERNAL
            .matcher("import dev.accesslink4j.internal.JavaTimeAdapters;")
            .find())
        .isTrue();
    assertThat(INTERNAL
            .matcher("import static dev.accesslink4j.internal.Calls.flag;")
            .find())
        .isTrue();
    assertThat(INTERNAL
            .matcher("var t = new dev.accesslink4j.testkit.internal.Store();")
            .find())
        .isTrue();
    assertThat(INTERNAL.matcher("import dev.accesslink4j.AccessLinkJson;").find())
        .isFalse();
    assertThat(INTERNAL
            .matcher("import dev.accesslink4j.examples.internals.Thing;")
            .find())
        .isFalse();
  }
}

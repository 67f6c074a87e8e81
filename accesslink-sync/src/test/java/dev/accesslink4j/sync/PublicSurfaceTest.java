package dev.accesslink4j.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sync module uses the SDK only through its public API, and its public types show none of its own internals.
 */
class PublicSurfaceTest {
  private static final Path BASE = Path.of(System.getProperty("basedir", "."));

  @Test
  void noSourceImportsAnInternalPackageOfAnotherModule() throws IOException {
    Path sources = BASE.resolve("src/main/java");
    List<String> offenders = new ArrayList<>();
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (line.startsWith("import dev.accesslink4j.internal.")
              || line.matches("import dev\\.accesslink4j\\.(?!sync)[\\w.]*\\.internal\\..*")) {
            offenders.add(sources.relativize(file) + ": " + line);
          }
        }
      }
    }
    assertThat(offenders).isEmpty();
  }

  @Test
  void noPublicSignatureShowsAnInternalType() throws Exception {
    Path classes = BASE.resolve("target/classes/dev/accesslink4j/sync");
    List<String> leaks = new ArrayList<>();
    int checked = 0;
    try (Stream<Path> files = Files.list(classes)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
        String name = file.getFileName().toString().replace(".class", "");
        if (name.equals("package-info")) {
          continue;
        }
        Class<?> type = Class.forName("dev.accesslink4j.sync." + name);
        if (!Modifier.isPublic(type.getModifiers())) {
          continue;
        }
        checked++;
        List<Executable> members = new ArrayList<>(List.of(type.getDeclaredMethods()));
        members.addAll(List.of(type.getDeclaredConstructors()));
        for (Executable member : members) {
          if (!Modifier.isPublic(member.getModifiers())) {
            continue;
          }
          List<Type> types = new ArrayList<>(List.of(member.getGenericParameterTypes()));
          if (member instanceof Method m) {
            types.add(m.getGenericReturnType());
          }
          for (Type t : types) {
            if (t.getTypeName().contains(".internal.")) {
              leaks.add(type.getName() + "." + member.getName() + ": " + t.getTypeName());
            }
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(10);
    assertThat(leaks).isEmpty();
  }
}

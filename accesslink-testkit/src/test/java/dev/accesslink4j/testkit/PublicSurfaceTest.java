package dev.accesslink4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
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
 * The testkit uses the SDK only through its public API, and its own public types show none of its internals: what
 * a user sees of the testkit is the {@code dev.accesslink4j.testkit} package and nothing behind it.
 */
class PublicSurfaceTest {
  private static final Path SOURCES =
      Path.of(System.getProperty("basedir", "."), "src", "main", "java");

  @Test
  void noSourceImportsAnInternalPackageOfTheSdk() throws IOException {
    List<String> offenders = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (line.startsWith("import dev.accesslink4j.internal.")
              || line.matches("import dev\\.accesslink4j\\.(?!testkit)[\\w.]*\\.internal\\..*")) {
            offenders.add(SOURCES.relativize(file) + ": " + line);
          }
        }
      }
    }
    assertThat(offenders).isEmpty();
  }

  @Test
  void noPublicSignatureShowsAnInternalType() throws IOException {
    Path classes = Path.of(
        System.getProperty("basedir", "."), "target", "classes", "dev", "accesslink4j", "testkit");
    List<String> leaks = new ArrayList<>();
    int checked = 0;
    try (Stream<Path> files = Files.list(classes)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
        String name = file.getFileName().toString().replace(".class", "");
        Class<?> type;
        try {
          type = Class.forName("dev.accesslink4j.testkit." + name); // binary names: Fault$Status
        } catch (ClassNotFoundException e) {
          continue; // package-info and the like
        }
        if (!isVisible(type)) {
          continue;
        }
        checked++;
        List<Executable> members = new ArrayList<>(List.of(type.getDeclaredMethods()));
        members.addAll(List.of(type.getDeclaredConstructors()));
        for (Executable member : members) {
          if (!Modifier.isPublic(member.getModifiers())
              && !Modifier.isProtected(member.getModifiers())) {
            continue;
          }
          List<Type> types = new ArrayList<>(List.of(member.getGenericParameterTypes()));
          if (member instanceof Method m) {
            types.add(m.getGenericReturnType());
          }
          for (Type t : types) {
            if (t.getTypeName().contains(".testkit.internal.")) {
              leaks.add(type.getName() + "." + member.getName() + ": " + t.getTypeName());
            }
          }
        }
        for (Field field : type.getDeclaredFields()) {
          if (Modifier.isPublic(field.getModifiers())
              && field.getGenericType().getTypeName().contains(".testkit.internal.")) {
            leaks.add(type.getName() + "." + field.getName());
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(10);
    assertThat(leaks).isEmpty();
  }

  private static boolean isVisible(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      if (!Modifier.isPublic(c.getModifiers())) {
        return false;
      }
    }
    return true;
  }
}

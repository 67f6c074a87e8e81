package dev.accesslink4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accesslink4j.generated.api.UsersApi;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import retrofit2.http.GET;
import retrofit2.http.HTTP;

/**
 * The SDK reaches every operation of the generated layer through its services, and declares none by hand: each
 * method of every generated Retrofit interface is called from the SDK's main sources, and no SDK source carries a
 * Retrofit endpoint annotation of its own. A new operation in the spec fails this test until a service offers it.
 */
class EveryOperationReachedTest {
  private static final Path SOURCES =
      Path.of(System.getProperty("basedir", ".")).resolve("src/main/java");

  @Test
  void everyGeneratedOperationIsCalledFromTheSdk() throws Exception {
    String sdk = sdkSources();
    List<String> operations = generatedOperations();
    assertThat(operations)
        .hasSizeGreaterThanOrEqualTo(60); // the spec's REST operations, the token endpoint included

    List<String> unreached = new ArrayList<>();
    for (String operation : operations) {
      String name = operation.substring(operation.indexOf('.') + 1);
      if (!Pattern.compile("(\\.|::)" + name + "\\b").matcher(sdk).find()) {
        unreached.add(operation);
      }
    }
    assertThat(unreached).as("generated operations no SDK service calls").isEmpty();
  }

  @Test
  void noSdkSourceDeclaresAnEndpoint() throws IOException {
    Pattern endpoint = Pattern.compile("@(GET|POST|PUT|PATCH|DELETE|HTTP|HEAD)\\(");
    try (Stream<Path> files = Files.walk(SOURCES)) {
      List<Path> declaring = files
          .filter(p -> p.toString().endsWith(".java"))
          .filter(p -> endpoint.matcher(read(p)).find())
          .toList();
      assertThat(declaring).as("SDK sources declaring a Retrofit endpoint").isEmpty();
    }
  }

  private static List<String> generatedOperations() throws IOException, URISyntaxException {
    Path location = Path.of(
        UsersApi.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> operations = new ArrayList<>();
    if (Files.isDirectory(location)) {
      collect(location, operations);
    } else {
      try (FileSystem jar = FileSystems.newFileSystem(location, Map.of())) {
        collect(jar.getPath("/"), operations);
      }
    }
    return operations;
  }

  private static void collect(Path root, List<String> operations) throws IOException {
    Path api = root.resolve("dev/accesslink4j/generated/api");
    try (Stream<Path> classes = Files.list(api)) {
      for (Path file : classes.filter(p -> p.toString().endsWith(".class")).toList()) {
        String simple = file.getFileName().toString().replace(".class", "");
        if (simple.contains("$")) {
          continue;
        }
        Class<?> type = load("dev.accesslink4j.generated.api." + simple);
        for (Method method : type.getDeclaredMethods()) {
          if (isEndpoint(method)) {
            operations.add(simple + "." + method.getName());
          }
        }
      }
    }
    operations.sort(null);
  }

  private static boolean isEndpoint(Method method) {
    return method.getDeclaredAnnotations().length > 0
        && Stream.of(method.getDeclaredAnnotations())
            .anyMatch(a -> a.annotationType().getPackage().equals(GET.class.getPackage())
                || a.annotationType().equals(HTTP.class));
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  private static String sdkSources() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      return files
          .filter(p -> p.toString().endsWith(".java"))
          .map(EveryOperationReachedTest::read)
          .collect(Collectors.joining("\n"));
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theOperationListIsReadFromTheGeneratedLayer() throws Exception {
    // Guards the test itself: the reflection finds the operations a user sees on UsersApi.
    assertThat(new TreeSet<>(generatedOperations()))
        .contains("UsersApi.registerUser", "UsersApi.getUser", "UsersApi.deleteUser");
  }
}

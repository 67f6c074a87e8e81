package dev.accesslink4j.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Compiles every {@code ```java} block of the repository's README.md against the SDK and the testkit, so a snippet
 * that no longer matches the API fails the build with its README line number.
 *
 * <p>Convention for snippet authors:
 * <ul>
 *   <li>Every {@code ```java} block is compiled; a block that is not meant to compile is not a {@code java} block
 *       (use {@code ```text}).
 *   <li>A block whose first code line starts with {@code @} (an annotated field or test method) is a class body;
 *       any other block is the body of a method that may throw anything.
 *   <li>A block's {@code import} lines are honoured; besides them the wrapper imports every public package of the SDK, the testkit and the generated layer, plus
 *       {@code java.net}, {@code java.nio.file}, {@code java.time}, {@code java.util}, {@code java.util.concurrent}
 *       and JUnit 5's {@code Test}, {@code RegisterExtension} and {@code ExtendWith}, so a snippet needs none.
 *   <li>Names a snippet may use without declaring them (fields and methods of {@link ReadmeContext}):
 *       {@code accessLink}, {@code user}, {@code token}, {@code fake}, {@code dir}, {@code from}, {@code to}, {@code date},
 *       {@code exerciseId}, {@code callbackUri}, {@code rawBody}, {@code executor}, {@code tokens} (a
 *       {@code TokenStore}), {@code session} ({@code put}/{@code get}), {@code response} ({@code sendRedirect}),
 *       {@code request} ({@code getHeader}), {@code store} ({@code save(anyKey, value)}), {@code secrets}
 *       ({@code save}/{@code load}), {@code dataSource} (a {@code javax.sql.DataSource}), and the methods {@code store(data)}, {@code tokenFor(polarUserId)},
 *       {@code pause(duration)}. Anything else must be declared in the snippet.
 *   <li>Elisions are comments ({@code /* … *}{@code /}), never a bare {@code …}.
 * </ul>
 */
class ReadmeSnippetsTest {
  private static final Path README = Path.of(System.getProperty("readme.path", "../README.md"));

  private static final String IMPORTS = String.join(
      "\n",
      "import dev.accesslink4j.*;",
      "import dev.accesslink4j.errors.*;",
      "import dev.accesslink4j.oauth.*;",
      "import dev.accesslink4j.services.*;",
      "import dev.accesslink4j.transactions.*;",
      "import dev.accesslink4j.webhooks.*;",
      "import dev.accesslink4j.testkit.*;",
      "import dev.accesslink4j.generated.api.*;",
      "import dev.accesslink4j.generated.model.*;",
      "import java.net.*;",
      "import java.nio.file.*;",
      "import java.time.*;",
      "import java.util.*;",
      "import java.util.concurrent.*;",
      "import org.junit.jupiter.api.Test;",
      "import org.junit.jupiter.api.extension.ExtendWith;",
      "import org.junit.jupiter.api.extension.RegisterExtension;",
      "");

  /** One {@code ```java} block: where it starts in the README and its text. */
  record Snippet(int line, String code) {
    String className() {
      return "ReadmeSnippetAtLine" + line;
    }

    boolean isClassBody() {
      return code.lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("//"))
          .findFirst()
          .orElse("")
          .startsWith("@");
    }

    /**
     * The compilation unit: the snippet's own {@code import} lines first (blanked in place, so line numbers keep),
     * then the snippet as a class body or a method body; the preamble is line 1, the snippet starts on line 2.
     */
    String source() {
      List<String> lines = code.lines().toList();
      String imports = lines.stream()
          .filter(l -> l.startsWith("import "))
          .map(l -> l.substring(0, l.indexOf(';') + 1))
          .collect(Collectors.joining(" "));
      String body = lines.stream()
          .map(l -> l.startsWith("import ") ? "" : l)
          .collect(Collectors.joining("\n"));
      String open = isClassBody() ? "" : "void snippet() throws Exception {";
      String close = isClassBody() ? "" : "}";
      String preamble = "package readme; " + IMPORTS.replace('\n', ' ') + imports
          + " @SuppressWarnings(\"all\") class " + className()
          + " extends dev.accesslink4j.examples.readme.ReadmeContext { " + open;
      return preamble + "\n" + body + "\n" + close + "}\n";
    }
  }

  static List<Snippet> snippets(List<String> readme) {
    List<Snippet> found = new ArrayList<>();
    for (int i = 0; i < readme.size(); i++) {
      if (readme.get(i).strip().equals("```java")) {
        int start = i + 1;
        int end = start;
        while (end < readme.size() && !readme.get(end).strip().startsWith("```")) {
          end++;
        }
        found.add(new Snippet(start + 1, String.join("\n", readme.subList(start, end))));
        i = end;
      }
    }
    return found;
  }

  @Test
  void everyJavaSnippetInTheReadmeCompiles() throws IOException {
    List<Snippet> snippets = snippets(Files.readAllLines(README, StandardCharsets.UTF_8));
    assertThat(snippets).as("```java blocks in %s", README).hasSizeGreaterThanOrEqualTo(10);

    List<String> failures = new ArrayList<>();
    for (Snippet snippet : snippets) {
      failures.addAll(compile(snippet));
    }
    assertThat(failures).as("README snippets that do not compile").isEmpty();
  }

  @Test
  void aBrokenSnippetIsReportedWithItsReadmeLine() {
    Snippet broken = snippets(List.of(
            "text", "```java", "AccessLink a = AccessLink.builder().noSuchOption();", "```"))
        .get(0);
    assertThat(compile(broken))
        .singleElement()
        .asString()
        .startsWith("README.md:3:")
        .contains("noSuchOption");
  }

  @Test
  void annotatedBlocksAreClassBodies() {
    List<Snippet> found = snippets(List.of(
        "```java", "// a test", "@Test void t() {}", "```", "```java", "int x = 1;", "```"));
    assertThat(found).extracting(Snippet::isClassBody).containsExactly(true, false);
    assertThat(found).extracting(Snippet::line).containsExactly(2, 6);
  }

  private static List<String> compile(Snippet snippet) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavaFileObject source =
        new SimpleJavaFileObject(
            URI.create("string:///readme/" + snippet.className() + ".java"),
            JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return snippet.source();
          }
        };
    Path out;
    try {
      out = Files.createTempDirectory("readme-snippet");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    List<String> options = List.of(
        "-proc:none", "-d", out.toString(), "-classpath", System.getProperty("java.class.path"));
    boolean ok = compiler
        .getTask(null, null, diagnostics, options, null, List.of(source))
        .call();
    int offset = snippet.line() - 2; // source line 2 is the snippet's first line
    List<String> errors = diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> "README.md:" + (d.getLineNumber() + offset) + ": " + d.getMessage(Locale.ROOT))
        .collect(Collectors.toList());
    if (!ok && errors.isEmpty()) {
      errors.add("README.md:" + snippet.line() + ": does not compile");
    }
    return errors;
  }
}

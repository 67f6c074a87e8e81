package dev.accesslink4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages by role, as a reader meets them: the source tree, the {@code module-info}, the README's module map
 * and package list, and docs/architecture.md's import rules all say the same thing.
 */
class PackageLayoutTest {
  private static final Path MODULE = Path.of(System.getProperty("basedir", "."));
  private static final Path SOURCES = MODULE.resolve("src/main/java");
  private static final Path ROOT = MODULE.resolve("..");
  private static final String BASE = "dev.accesslink4j";
  private static final String INTERNAL = BASE + ".internal";
  private static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?(dev\\.accesslink4j(?:\\.[a-z]\\w*)*)\\.[A-Z]");

  /**
   * What each package may import from the SDK besides itself (the root package may import every one). The generated
   * layer is allowed everywhere but in {@code errors}; see docs/architecture.md.
   */
  private static final Map<String, Set<String>> MAY_IMPORT = Map.of(
      BASE + ".errors",
      Set.of(BASE, BASE + ".transactions.TransactionType"),
      INTERNAL,
      Set.of(BASE, BASE + ".errors", "generated"),
      BASE + ".services",
      Set.of(BASE, BASE + ".errors", INTERNAL, "generated"),
      BASE + ".oauth",
      Set.of(BASE, BASE + ".errors", INTERNAL, "generated"),
      BASE + ".transactions",
      Set.of(BASE, BASE + ".errors", INTERNAL, "generated"),
      BASE + ".webhooks",
      Set.of(BASE, BASE + ".errors", INTERNAL, "generated", BASE + ".services"));

  @Test
  void theModuleExportsEveryPackageButInternalAndOpensNone() throws IOException {
    String moduleInfo =
        Files.readString(SOURCES.resolve("module-info.java"), StandardCharsets.UTF_8);
    Set<String> exported = matches(moduleInfo, "(?m)^\\s*exports ([\\w.]+);");
    Set<String> expected = new TreeSet<>(packages());
    expected.remove(INTERNAL);

    assertThat(exported).isEqualTo(expected);
    assertThat(moduleInfo)
        .doesNotContainPattern("(?m)^\\s*(opens|exports " + Pattern.quote(INTERNAL) + ")");
  }

  @Test
  void theReadmeListsExactlyThePackagesOfTheTree() throws IOException {
    List<String> section = section(readme(), "### Packages of the SDK");

    Set<String> listed = new TreeSet<>();
    for (String row : section) {
      Matcher m = Pattern.compile("^\\| `(dev\\.accesslink4j[\\w.]*)` \\|").matcher(row);
      if (m.find()) {
        listed.add(m.group(1));
      }
    }
    assertThat(listed).isEqualTo(packages());
  }

  @Test
  void theReadmesModuleMapNamesExactlyTheModulesOfTheBuild() throws IOException {
    String pom = Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8);
    Set<String> modules = matches(pom, "<module>([\\w-]+)</module>");

    Set<String> mapped = new TreeSet<>();
    for (String row : section(readme(), "## Modules")) {
      Matcher m = Pattern.compile("^\\| `([\\w-]+)` \\|").matcher(row);
      if (m.find()) {
        mapped.add(m.group(1));
      }
    }
    assertThat(mapped).isEqualTo(modules);
  }

  @Test
  void everyPackageIsNullMarkedAndSaysWhatItIsFor() throws IOException {
    for (String pkg : packages()) {
      Path info = SOURCES.resolve(pkg.replace('.', '/')).resolve("package-info.java");
      assertThat(info).as(pkg).exists();
      String text = Files.readString(info, StandardCharsets.UTF_8);
      assertThat(text).as(pkg).contains("@NullMarked").containsPattern("/\\*\\*\\s*\\n \\* \\S");
    }
  }

  @Test
  void eachPackageImportsOnlyWhatArchitectureMdAllows() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Map.Entry<String, List<Path>> e : sourcesByPackage().entrySet()) {
      Set<String> allowed = MAY_IMPORT.get(e.getKey());
      if (allowed == null) {
        continue; // the root package may import every package of the SDK
      }
      for (Path file : e.getValue()) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          Matcher m = IMPORT.matcher(line);
          if (!m.find()) {
            continue;
          }
          String target = m.group(1);
          String type = line.replaceFirst("^import (?:static )?", "").replace(";", "");
          boolean ok = target.equals(e.getKey())
              || allowed.contains(target)
              || allowed.contains(type)
              || (allowed.contains("generated") && target.startsWith(BASE + ".generated"));
          if (!ok) {
            violations.add(SOURCES.relativize(file) + ": " + line);
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void noSourceFileIsLongerThan400Lines() throws IOException {
    List<String> tooLong = new ArrayList<>();
    for (List<Path> files : sourcesByPackage().values()) {
      for (Path file : files) {
        long lines = Files.readAllLines(file, StandardCharsets.UTF_8).size();
        if (lines > 400) {
          tooLong.add(SOURCES.relativize(file) + ": " + lines);
        }
      }
    }
    assertThat(tooLong).isEmpty();
  }

  @Test
  void theImportRuleSeesACrossRoleImport() {
    Matcher m = IMPORT.matcher("import dev.accesslink4j.transactions.TransactionsService;");
    assertThat(m.find()).isTrue();
    assertThat(m.group(1)).isEqualTo(BASE + ".transactions");
    assertThat(MAY_IMPORT.get(BASE + ".services")).doesNotContain(m.group(1));
  }

  /** Every package of the SDK that holds a Java source, internal included. */
  private static Set<String> packages() throws IOException {
    return new TreeSet<>(sourcesByPackage().keySet());
  }

  private static Map<String, List<Path>> sourcesByPackage() throws IOException {
    Map<String, List<Path>> byPackage = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(SOURCES.resolve("dev/accesslink4j"))) {
      for (Path file :
          files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        String pkg = SOURCES
            .relativize(file.getParent())
            .toString()
            .replace(file.getFileSystem().getSeparator(), ".");
        byPackage.computeIfAbsent(pkg, k -> new ArrayList<>()).add(file);
      }
    }
    return byPackage;
  }

  private static String readme() throws IOException {
    return Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
  }

  /** The lines after a heading, up to the next heading of any level. */
  private static List<String> section(String markdown, String heading) {
    List<String> lines = markdown.lines().toList();
    int start = lines.indexOf(heading);
    assertThat(start).as("the README has a '%s' section", heading).isNotNegative();
    List<String> section = new ArrayList<>();
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.startsWith("#")) {
        break;
      }
      section.add(line);
    }
    return section;
  }

  private static Set<String> matches(String text, String regex) {
    Set<String> found = new TreeSet<>();
    Matcher m = Pattern.compile(regex).matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}

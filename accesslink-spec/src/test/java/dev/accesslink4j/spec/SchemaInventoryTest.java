package dev.accesslink4j.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every schema name of Polar's documentation (74) and of our additions exists under {@code components/schemas}, and
 * nothing else does: {@code expected-schemas.tsv} is the inventory clients may rely on by name.
 */
class SchemaInventoryTest {

  private final Map<String, String> expected = readInventory();
  private final Set<String> actual =
      new TreeSet<>(SpecDocument.get().openApi().getComponents().getSchemas().keySet());

  @Test
  void inventoryHoldsPolarsSchemasAndOurAdditions() {
    assertThat(expected.values().stream().filter("polar-docs"::equals)).hasSize(74);
    assertThat(expected.values())
        .allMatch(origin -> origin.equals("polar-docs") || origin.equals("accesslink4j"));
  }

  @Test
  void everyListedSchemaExists() {
    Set<String> missing = new TreeSet<>(expected.keySet());
    missing.removeAll(actual);
    assertThat(missing)
        .as("schemas listed in expected-schemas.tsv but missing from the spec")
        .isEmpty();
  }

  @Test
  void everySchemaIsListed() {
    Set<String> unlisted = new TreeSet<>(actual);
    unlisted.removeAll(expected.keySet());
    assertThat(unlisted)
        .as("schemas in the spec that expected-schemas.tsv does not list")
        .isEmpty();
  }

  private static Map<String, String> readInventory() {
    Map<String, String> names = new TreeMap<>();
    for (String line : SpecDocument.readResource("expected-schemas.tsv").split("\n")) {
      if (line.isBlank() || line.startsWith("schema\t")) {
        continue;
      }
      String[] cols = line.strip().split("\t");
      assertThat(cols).as("row %s", line).hasSize(2);
      assertThat(names.put(cols[0], cols[1])).as("duplicate row %s", cols[0]).isNull();
    }
    return names;
  }
}

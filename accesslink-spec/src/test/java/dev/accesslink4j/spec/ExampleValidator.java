package dev.accesslink4j.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Format;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Validates JSON values against schemas of one OpenAPI 3.0 document with networknt's OpenAPI 3.0 dialect (so
 * {@code nullable} counts), format assertions on, and our three custom string formats checked the way the Java SDK
 * parses them: {@code duration} with {@link Duration#parse} (which, unlike RFC 3339's strict grammar, takes Polar's
 * fractional seconds such as {@code PT14295.773S}), {@code local-date-time} with {@link LocalDateTime#parse} and
 * {@code local-time} with {@link LocalTime#parse}. Objects are closed: an example may not carry a field its schema
 * does not declare (see {@link #closeObjects}).
 *
 * <p>A schema is given as a node of the document; a {@code $ref} in it resolves within the document, which is
 * served under {@link #DOCUMENT_IRI} from memory (so a test may validate against an altered copy).
 */
final class ExampleValidator {

  static final String DOCUMENT_IRI = "https://accesslink4j.dev/spec/accesslink.json";

  /** Where a schema node validated on its own pretends to live (not the document: that would shadow it). */
  private static final String FRAGMENT_IRI = "https://accesslink4j.dev/spec/schema-node.json";

  private final JsonSchemaFactory factory;
  private final SchemaValidatorsConfig config =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

  ExampleValidator(JsonNode document) {
    JsonMetaSchema dialect = JsonMetaSchema.builder(OpenApi30.getInstance())
        .format(javaTime("duration", Duration::parse))
        .format(javaTime("local-date-time", LocalDateTime::parse))
        .format(javaTime("local-time", LocalTime::parse))
        .build();
    Map<String, String> documents =
        Map.of(DOCUMENT_IRI, closeObjects(document.deepCopy()).toString());
    this.factory = JsonSchemaFactory.getInstance(
        SpecVersion.VersionFlag.V4,
        builder -> builder
            .metaSchema(dialect)
            .defaultMetaSchemaIri(dialect.getIri())
            .schemaLoaders(loaders -> loaders.schemas(documents)));
  }

  /** The messages of validating {@code value} against {@code schema}, a schema node of the document. */
  Set<ValidationMessage> validate(JsonNode schema, JsonNode value) {
    JsonSchema compiled = factory.getSchema(
        SchemaLocation.of(FRAGMENT_IRI), closeObjects(absoluteRefs(schema)), config);
    return compiled.validate(value);
  }

  /**
   * A copy of {@code schema} whose local {@code $ref}s point into the document: a schema node given on its own is
   * its own document, so {@code #/components/...} would otherwise resolve against the node itself.
   */
  private static JsonNode absoluteRefs(JsonNode schema) {
    JsonNode copy = schema.deepCopy();
    forEachObject(copy, node -> {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isTextual() && ref.asText().startsWith("#")) {
        node.put("$ref", DOCUMENT_IRI + ref.asText());
      }
    });
    return copy;
  }

  /**
   * Adds {@code additionalProperties: false} to every object schema that does not say otherwise, in place. Clients
   * must ignore unknown fields, but our own examples may use only declared names: a misspelled or wrongly cased
   * field name (kebab-case vs snake_case) in an example is a defect. Sound for {@code anyOf}/{@code oneOf} whose
   * branches are whole alternatives (a value must fit one closed branch, so each branch still rejects names it does
   * not declare); unsound for {@code allOf}, or a combinator beside {@code properties} of its own (a closed branch
   * would reject its siblings' fields), so those fail loudly here until this is taught to close only the combined
   * schema.
   */
  private static JsonNode closeObjects(JsonNode schema) {
    forEachObject(schema, node -> {
      for (String combinator : new String[] {"allOf", "anyOf", "oneOf"}) {
        boolean alternatives = !combinator.equals("allOf") && !node.has("properties");
        if (node.path(combinator).isArray() && !alternatives) {
          throw new IllegalStateException(
              "closing objects is unsound with " + combinator + ": " + node);
        }
      }
      if (node.path("properties").isObject()
          && "object".equals(node.path("type").asText())
          && !node.has("additionalProperties")) {
        node.put("additionalProperties", false);
      }
    });
    return schema;
  }

  /** Visits {@code node} and every object below it, depth first. */
  private static void forEachObject(JsonNode node, Consumer<ObjectNode> action) {
    if (node.isObject()) {
      action.accept((ObjectNode) node);
    }
    node.elements().forEachRemaining(child -> forEachObject(child, action));
  }

  private static Format javaTime(String name, Consumer<String> parser) {
    return new Format() {
      @Override
      public String getName() {
        return name;
      }

      @Override
      public boolean matches(ExecutionContext context, String value) {
        try {
          parser.accept(value);
          return true;
        } catch (DateTimeParseException e) {
          return false;
        }
      }
    };
  }
}

package dev.accesslink4j.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds every example of an OpenAPI 3.0 document together with the schema it illustrates: schema {@code example}s
 * (at any depth of a component or inline schema), media-type {@code example}/{@code examples} (request bodies,
 * responses, callbacks), and parameter and header {@code example}/{@code examples}. Walks the document's structure
 * rather than every key, so a property that happens to be named {@code example} is not mistaken for one.
 */
final class ExampleFinder {

  /** One example: where it is (a JSON pointer), the schema node it must satisfy, and the value. */
  record Example(String where, JsonNode schema, JsonNode value) {
    @Override
    public String toString() {
      return where;
    }
  }

  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private final JsonNode document;
  private final List<Example> found = new ArrayList<>();

  private ExampleFinder(JsonNode document) {
    this.document = document;
  }

  static List<Example> find(JsonNode document) {
    ExampleFinder finder = new ExampleFinder(document);
    finder.walkDocument();
    return finder.found;
  }

  private void walkDocument() {
    each(document.path("paths"), "/paths", this::pathItem);
    JsonNode components = document.path("components");
    each(components.path("schemas"), "/components/schemas", this::schema);
    each(components.path("parameters"), "/components/parameters", this::parameterOrHeader);
    each(components.path("headers"), "/components/headers", this::parameterOrHeader);
    each(components.path("responses"), "/components/responses", this::response);
    each(
        components.path("requestBodies"),
        "/components/requestBodies",
        (node, at) -> content(node, at));
    each(components.path("callbacks"), "/components/callbacks", this::callback);
  }

  private void pathItem(JsonNode item, String at) {
    if (item.has("$ref")) {
      return;
    }
    array(item.path("parameters"), at + "/parameters", this::parameterOrHeader);
    for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (METHODS.contains(e.getKey())) {
        operation(e.getValue(), at + "/" + e.getKey());
      }
    }
  }

  private void operation(JsonNode op, String at) {
    array(op.path("parameters"), at + "/parameters", this::parameterOrHeader);
    if (!op.path("requestBody").has("$ref")) {
      content(op.path("requestBody"), at + "/requestBody");
    }
    each(op.path("responses"), at + "/responses", this::response);
    each(op.path("callbacks"), at + "/callbacks", this::callback);
  }

  private void callback(JsonNode callback, String at) {
    if (!callback.has("$ref")) {
      each(callback, at, this::pathItem);
    }
  }

  private void response(JsonNode response, String at) {
    if (response.has("$ref")) {
      return;
    }
    each(response.path("headers"), at + "/headers", this::parameterOrHeader);
    content(response, at);
  }

  private void content(JsonNode owner, String at) {
    each(owner.path("content"), at + "/content", this::mediaTypeLike);
  }

  private void parameterOrHeader(JsonNode node, String at) {
    if (node.has("$ref")) {
      return;
    }
    mediaTypeLike(node, at);
    content(node, at);
  }

  /** A media type, parameter or header: a {@code schema} beside {@code example} or {@code examples}. */
  private void mediaTypeLike(JsonNode node, String at) {
    JsonNode schema = node.path("schema");
    if (schema.isObject()) {
      schema(schema, at + "/schema");
    }
    if (node.has("example")) {
      found.add(new Example(at + "/example", schema, node.get("example")));
    }
    each(node.path("examples"), at + "/examples", (example, exampleAt) -> {
      JsonNode resolved = example.has("$ref") ? resolve(example.get("$ref").asText()) : example;
      if (resolved.has("value")) {
        found.add(new Example(exampleAt + "/value", schema, resolved.get("value")));
      }
    });
  }

  private void schema(JsonNode schema, String at) {
    if (schema.has("$ref")) {
      return;
    }
    if (schema.has("example")) {
      found.add(new Example(at + "/example", schema, schema.get("example")));
    }
    each(schema.path("properties"), at + "/properties", this::schema);
    if (schema.path("items").isObject()) {
      schema(schema.get("items"), at + "/items");
    }
    if (schema.path("additionalProperties").isObject()) {
      schema(schema.get("additionalProperties"), at + "/additionalProperties");
    }
    if (schema.path("not").isObject()) {
      schema(schema.get("not"), at + "/not");
    }
    for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
      array(schema.path(combinator), at + "/" + combinator, this::schema);
    }
  }

  private JsonNode resolve(String ref) {
    if (!ref.startsWith("#")) {
      throw new IllegalArgumentException("only local references are supported: " + ref);
    }
    JsonNode target = document.at(ref.substring(1));
    if (target.isMissingNode()) {
      throw new IllegalArgumentException("unresolvable reference " + ref);
    }
    return target;
  }

  private interface Visitor {
    void visit(JsonNode node, String at);
  }

  private static void each(JsonNode object, String at, Visitor visitor) {
    if (!object.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      visitor.visit(e.getValue(), at + "/" + escape(e.getKey()));
    }
  }

  private static void array(JsonNode array, String at, Visitor visitor) {
    if (!array.isArray()) {
      return;
    }
    for (int i = 0; i < array.size(); i++) {
      visitor.visit(array.get(i), at + "/" + i);
    }
  }

  /** JSON-pointer escaping of one reference token (RFC 6901). */
  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}

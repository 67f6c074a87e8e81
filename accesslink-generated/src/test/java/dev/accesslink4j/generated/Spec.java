package dev.accesslink4j.generated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OpenAPI spec the interfaces were generated from, read from the spec jar's classpath resource, so that tests
 * send the spec's parameter examples and serve its response examples instead of copies that could drift.
 */
final class Spec {

  static final String RESOURCE = "dev/accesslink4j/spec/accesslink.yaml";
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");
  private static final JsonNode DOCUMENT = load();

  private Spec() {}

  static JsonNode document() {
    return DOCUMENT;
  }

  /** Every operation under {@code paths}, in document order. */
  static List<Operation> operations() {
    List<Operation> ops = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = DOCUMENT.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      path.getValue().fields().forEachRemaining(e -> {
        if (METHODS.contains(e.getKey())) {
          ops.add(new Operation(
              e.getKey().toUpperCase(), path.getKey(), path.getValue(), e.getValue()));
        }
      });
    }
    return ops;
  }

  static Operation operation(String operationId) {
    return operations().stream()
        .filter(op -> op.operationId().equals(operationId))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no operation " + operationId));
  }

  /** The first example of the operation's first 2xx JSON response, as JSON text. */
  static String responseExample(String operationId) {
    return operation(operationId)
        .successExamples()
        .values()
        .iterator()
        .next()
        .get(0)
        .toString();
  }

  static JsonElement toGson(JsonNode node) {
    return JsonParser.parseString(node.toString());
  }

  /** Follows a local {@code $ref}, if any. */
  static JsonNode resolve(JsonNode node) {
    JsonNode ref = node.get("$ref");
    return ref == null ? node : DOCUMENT.at(ref.asText().substring(1));
  }

  /** One operation of the spec and what the tests need from it. */
  record Operation(String method, String path, JsonNode pathItem, JsonNode node) {

    String operationId() {
      return node.path("operationId").asText();
    }

    String tag() {
      return node.path("tags").path(0).asText();
    }

    boolean deprecated() {
      return node.path("deprecated").asBoolean(false);
    }

    /** The path of the operation's server ("/" or, for the token endpoint, "/v2/"), to append to a test host. */
    String basePath() {
      JsonNode servers = pathItem.path("servers");
      String url = servers.isEmpty()
          ? DOCUMENT.path("servers").path(0).path("url").asText()
          : servers.get(0).path("url").asText();
      String path = URI.create(url).getPath();
      return path.isEmpty() || path.equals("/") ? "/" : path + "/";
    }

    /** Path-item and operation parameters, references resolved. */
    List<JsonNode> parameters() {
      List<JsonNode> all = new ArrayList<>();
      pathItem.path("parameters").forEach(p -> all.add(resolve(p)));
      node.path("parameters").forEach(p -> all.add(resolve(p)));
      return all;
    }

    JsonNode parameter(String in, String name) {
      return parameters().stream()
          .filter(
              p -> p.path("in").asText().equals(in) && p.path("name").asText().equals(name))
          .findFirst()
          .orElseThrow(() -> new AssertionError(this + " has no " + in + " parameter " + name));
    }

    /** The example of the request body in the given media type. */
    JsonNode requestExample(String mediaType) {
      JsonNode content = resolve(node.path("requestBody")).path("content").path(mediaType);
      if (content.has("example")) {
        return content.get("example");
      }
      return content.path("examples").elements().next().path("value");
    }

    /** The examples of every 2xx JSON response, by status, in document order. */
    Map<Integer, List<JsonNode>> successExamples() {
      Map<Integer, List<JsonNode>> examples = new LinkedHashMap<>();
      node.path("responses").fields().forEachRemaining(e -> {
        JsonNode json = resolve(e.getValue()).path("content").path("application/json");
        if (!e.getKey().startsWith("2") || json.isMissingNode()) {
          return;
        }
        List<JsonNode> values = new ArrayList<>();
        if (json.has("example")) {
          values.add(json.get("example"));
        }
        json.path("examples").forEach(example -> values.add(resolve(example).path("value")));
        examples.put(Integer.parseInt(e.getKey()), values);
      });
      return examples;
    }

    /** The first 2xx status. */
    int firstSuccessStatus() {
      for (Iterator<String> it = node.path("responses").fieldNames(); it.hasNext(); ) {
        String status = it.next();
        if (status.startsWith("2")) {
          return Integer.parseInt(status);
        }
      }
      throw new AssertionError(this + " has no 2xx response");
    }

    /** Media types of every response of the operation (what the generator puts into {@code Accept}). */
    Set<String> produces() {
      Set<String> types = new LinkedHashSet<>();
      node.path("responses")
          .forEach(r -> resolve(r).path("content").fieldNames().forEachRemaining(types::add));
      return types;
    }

    /** Media types of 2xx responses whose schema is a binary string. */
    Set<String> binaryMediaTypes() {
      Set<String> types = new LinkedHashSet<>();
      node.path("responses").fields().forEachRemaining(e -> {
        if (e.getKey().startsWith("2")) {
          resolve(e.getValue()).path("content").fields().forEachRemaining(m -> {
            if (m.getValue().path("schema").path("format").asText().equals("binary")) {
              types.add(m.getKey());
            }
          });
        }
      });
      return types;
    }

    @Override
    public String toString() {
      return method + " " + path + " (" + operationId() + ")";
    }
  }

  private static JsonNode load() {
    try (InputStream in = Spec.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("classpath resource " + RESOURCE
            + " is missing (accesslink-spec on the test classpath?)");
      }
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

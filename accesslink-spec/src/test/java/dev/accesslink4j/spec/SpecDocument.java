package dev.accesslink4j.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The spec exactly as the jar ships it: read once from the classpath resource {@value #RESOURCE}, as raw text, as a
 * Jackson tree (for JSON-pointer work) and as swagger-parser's model (for structural checks).
 */
final class SpecDocument {

  /** Where the spec jar puts the YAML; other tools load it from this path. */
  static final String RESOURCE = "dev/accesslink4j/spec/accesslink.yaml";

  private static final SpecDocument INSTANCE = load();

  final String text;
  final JsonNode tree;
  final SwaggerParseResult parseResult;

  private SpecDocument(String text, JsonNode tree, SwaggerParseResult parseResult) {
    this.text = text;
    this.tree = tree;
    this.parseResult = parseResult;
  }

  static SpecDocument get() {
    return INSTANCE;
  }

  OpenAPI openApi() {
    return Objects.requireNonNull(parseResult.getOpenAPI(), "swagger-parser returned no model");
  }

  /** Every operation of {@code paths} (not the callbacks), in document order. */
  List<Op> operations() {
    List<Op> ops = new ArrayList<>();
    for (Map.Entry<String, PathItem> path : openApi().getPaths().entrySet()) {
      path.getValue()
          .readOperationsMap()
          .forEach(
              (method, op) -> ops.add(new Op(method.name(), path.getKey(), path.getValue(), op)));
    }
    return ops;
  }

  /** A response with a {@code $ref} to {@code #/components/responses/...} replaced by its target. */
  ApiResponse resolve(ApiResponse response) {
    return resolve(response.get$ref(), response, openApi().getComponents().getResponses());
  }

  /** A header with a {@code $ref} to {@code #/components/headers/...} replaced by its target. */
  Header resolve(Header header) {
    return resolve(header.get$ref(), header, openApi().getComponents().getHeaders());
  }

  private static <T> T resolve(String ref, T self, Map<String, T> components) {
    if (ref == null) {
      return self;
    }
    T target = components == null ? null : components.get(ref.substring(ref.lastIndexOf('/') + 1));
    return Objects.requireNonNull(target, () -> "unresolvable reference " + ref);
  }

  /** One operation with where it lives. */
  record Op(String method, String path, PathItem pathItem, Operation operation) {
    String id() {
      return operation.getOperationId();
    }

    @Override
    public String toString() {
      return method + " " + path + " (" + id() + ")";
    }
  }

  static String readResource(String name) {
    try (InputStream in = SpecDocument.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("classpath resource " + name + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SpecDocument load() {
    String text = readResource(RESOURCE);
    JsonNode tree;
    try {
      tree = new ObjectMapper(new YAMLFactory()).readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("the spec is not valid YAML", e);
    }
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
    return new SpecDocument(text, tree, result);
  }
}

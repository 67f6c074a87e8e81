package dev.accesslink4j.generated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonParser;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.http.Body;
import retrofit2.http.Field;
import retrofit2.http.Path;
import retrofit2.http.Query;

/**
 * Every operation of the spec through its generated interface, driven by the spec itself: the call built from the
 * parameter and request-body examples must send the operation's method, path, query and {@code Accept} header (and
 * body), and the operation's 2xx examples must parse into the declared model without losing a field.
 */
class EveryOperationTest {

  private static final byte[] BINARY = {0x0e, 0x10, 0x43, 0x08, '.', 'F', 'I', 'T'};

  @TestFactory
  Stream<DynamicTest> everyOperationMatchesTheSpec() {
    return Spec.operations().stream().map(op -> dynamicTest(op.tag() + ": " + op, () -> check(op)));
  }

  @Test
  void interfacesHoldExactlyTheSpecsOperationsOnePerTag() {
    Set<String> methods = new TreeSet<>();
    for (JsonNode tag : Spec.document().path("tags")) {
      Class<?> api = GeneratedApis.forTag(tag.path("name").asText());
      Arrays.stream(api.getDeclaredMethods()).map(Method::getName).forEach(methods::add);
    }
    Set<String> operationIds = new TreeSet<>();
    Spec.operations().forEach(op -> operationIds.add(op.operationId()));
    assertThat(Spec.document().path("tags")).hasSize(16);
    assertThat(methods).isEqualTo(operationIds).hasSize(62);
  }

  private static void check(Spec.Operation op) throws Exception {
    Method method = GeneratedApis.method(op);
    assertThat(method.isAnnotationPresent(Deprecated.class))
        .as("@Deprecated")
        .isEqualTo(op.deprecated());

    try (ApiServer server = new ApiServer()) {
      Call<?> call = buildCall(op, method, server);
      Expected expected = Expected.of(op, method);
      int status = enqueueResponse(op, server);

      Response<?> response = call.execute();
      RecordedRequest request = server.takeRequest();

      assertThat(request.getMethod()).isEqualTo(op.method());
      assertThat(request.getUrl().encodedPath()).isEqualTo(expected.path);
      assertThat(query(request.getUrl())).as("query").isEqualTo(expected.query);
      assertAccept(op, request);
      assertRequestBody(op, method, request, server);

      assertThat(response.code()).isEqualTo(status);
      assertResponseBody(op, method, response, server);
    }
  }

  /** Invokes the method with the spec's examples as arguments. */
  private static Call<?> buildCall(Spec.Operation op, Method method, ApiServer server)
      throws Exception {
    Type[] types = method.getGenericParameterTypes();
    Object[] args = new Object[types.length];
    Annotation[][] annotations = method.getParameterAnnotations();
    int specParameters = 0;
    for (int i = 0; i < args.length; i++) {
      JsonNode example = null;
      for (Annotation a : annotations[i]) {
        if (a instanceof Path p) {
          example = op.parameter("path", p.value()).get("example");
          specParameters++;
        } else if (a instanceof Query q) {
          example = op.parameter("query", q.value()).get("example");
          specParameters++;
        } else if (a instanceof Field f) {
          example = op.requestExample("application/x-www-form-urlencoded").get(f.value());
        } else if (a instanceof Body) {
          example = op.requestExample("application/json");
        }
      }
      assertThat(example)
          .as("an example for parameter %d of %s", i, method.getName())
          .isNotNull();
      args[i] = server.gson.fromJson(Spec.toGson(example), types[i]);
    }
    assertThat(specParameters)
        .as("spec parameters that became Java parameters")
        .isEqualTo(op.parameters().size());
    Object api = server.api(method.getDeclaringClass(), op.basePath());
    return (Call<?>) method.invoke(api, args);
  }

  /** What the request must look like, from the spec's examples. */
  private record Expected(String path, Map<String, String> query) {
    static Expected of(Spec.Operation op, Method method) {
      String path = op.basePath() + op.path().substring(1);
      Map<String, String> query = new TreeMap<>();
      for (JsonNode p : op.parameters()) {
        String example = p.path("example").asText();
        switch (p.path("in").asText()) {
          case "path" -> path = path.replace("{" + p.path("name").asText() + "}", example);
          case "query" -> query.put(p.path("name").asText(), example);
          default -> throw new AssertionError(method + ": unexpected parameter " + p);
        }
      }
      return new Expected(path, query);
    }
  }

  /** Serves the first 2xx example (JSON), bytes (binary) or an empty 2xx; returns the status. */
  private static int enqueueResponse(Spec.Operation op, ApiServer server) {
    Map<Integer, List<JsonNode>> examples = op.successExamples();
    if (!examples.isEmpty()) {
      Map.Entry<Integer, List<JsonNode>> first = examples.entrySet().iterator().next();
      server.enqueueJson(first.getKey(), first.getValue().get(0).toString());
      return first.getKey();
    }
    int status = op.firstSuccessStatus();
    MockResponse.Builder response = new MockResponse.Builder().code(status);
    Set<String> binary = op.binaryMediaTypes();
    if (!binary.isEmpty()) {
      String type = binary.iterator().next();
      response.setHeader("Content-Type", type.equals("*/*") ? "application/octet-stream" : type);
      response.body(new okio.Buffer().write(BINARY));
    }
    server.enqueue(response.build());
    return status;
  }

  private static Map<String, String> query(HttpUrl url) {
    Map<String, String> query = new TreeMap<>();
    url.queryParameterNames().forEach(name -> query.put(name, url.queryParameter(name)));
    return query;
  }

  private static void assertAccept(Spec.Operation op, RecordedRequest request) {
    String accept = request.getHeaders().get("Accept");
    if (op.produces().isEmpty()) {
      assertThat(accept).as("Accept").isNull();
    } else {
      assertThat(accept).as("Accept").isNotNull();
      assertThat(new LinkedHashSet<>(List.of(accept.split(",\\s*"))))
          .as("Accept")
          .isEqualTo(op.produces());
    }
  }

  private static void assertRequestBody(
      Spec.Operation op, Method method, RecordedRequest request, ApiServer server) {
    JsonNode requestBody = Spec.resolve(op.node().path("requestBody")).path("content");
    String contentType = request.getHeaders().get("Content-Type");
    String body = request.getBody() == null ? "" : request.getBody().utf8();
    if (requestBody.has("application/json")) {
      assertThat(contentType).startsWith("application/json");
      assertThat(SameData.differences(
              Spec.toGson(op.requestExample("application/json")), JsonParser.parseString(body)))
          .as("request body")
          .isEmpty();
    } else if (requestBody.has("application/x-www-form-urlencoded")) {
      assertThat(contentType).startsWith("application/x-www-form-urlencoded");
      Map<String, String> form = new TreeMap<>();
      for (String pair : body.split("&")) {
        String[] kv = pair.split("=", 2);
        form.put(
            URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
            URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
      }
      Map<String, String> expected = new TreeMap<>();
      op.requestExample("application/x-www-form-urlencoded")
          .fields()
          .forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asText()));
      assertThat(form).as("form body").isEqualTo(expected);
    } else {
      assertThat(request.getBodySize()).as("request body size").isZero();
    }
  }

  private static void assertResponseBody(
      Spec.Operation op, Method method, Response<?> response, ApiServer server) throws Exception {
    Type bodyType = ((ParameterizedType) method.getGenericReturnType()).getActualTypeArguments()[0];
    Map<Integer, List<JsonNode>> examples = op.successExamples();
    if (!examples.isEmpty()) {
      JsonNode served = examples.values().iterator().next().get(0);
      assertThat(response.body()).as("parsed body").isNotNull();
      assertThat(SameData.differences(
              Spec.toGson(served), server.gson.toJsonTree(response.body(), bodyType)))
          .as("example served -> model -> JSON")
          .isEmpty();
      for (List<JsonNode> values : examples.values()) {
        for (JsonNode example : values) {
          Object parsed = server.gson.fromJson(Spec.toGson(example), bodyType);
          assertThat(SameData.differences(
                  Spec.toGson(example), server.gson.toJsonTree(parsed, bodyType)))
              .as("example %s -> model -> JSON", example)
              .isEmpty();
        }
      }
    } else if (!op.binaryMediaTypes().isEmpty()) {
      assertThat(bodyType).isEqualTo(ResponseBody.class);
      try (ResponseBody body = (ResponseBody) response.body()) {
        assertThat(body.bytes()).isEqualTo(BINARY);
      }
    } else {
      assertThat(bodyType).isEqualTo(Void.class);
      assertThat(response.body()).isNull();
    }
  }
}

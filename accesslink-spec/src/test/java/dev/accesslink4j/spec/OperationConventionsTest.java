package dev.accesslink4j.spec;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toCollection;
import static java.util.stream.Collectors.toList;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accesslink4j.spec.SpecDocument.Op;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The rules every operation of the spec follows, and the inventory of operations it must describe. */
class OperationConventionsTest {

  private static final Pattern CAMEL_CASE = Pattern.compile("[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)*");
  private static final List<String> RATE_LIMIT_HEADERS =
      List.of("RateLimit-Usage", "RateLimit-Limit", "RateLimit-Reset");
  private static final SecurityRequirement BEARER =
      new SecurityRequirement().addList("OAuth2", "accesslink.read_all");
  private static final SecurityRequirement BASIC = new SecurityRequirement().addList("Basic");

  private final SpecDocument spec = SpecDocument.get();
  private final List<Op> operations = spec.operations();

  @Test
  void parsesWithoutMessages() {
    assertThat(spec.parseResult.getMessages()).as("swagger-parser messages").isEmpty();
    assertThat(spec.openApi().getOpenapi()).isEqualTo("3.0.3");
  }

  @Test
  void everyOperationIsFullyDocumented() {
    List<String> problems = new ArrayList<>();
    for (Op op : operations) {
      var o = op.operation();
      if (blank(o.getOperationId())) {
        problems.add(op + ": no operationId");
      }
      if (o.getTags() == null || o.getTags().isEmpty()) {
        problems.add(op + ": no tags");
      }
      if (blank(o.getSummary())) {
        problems.add(op + ": no summary");
      }
      if (blank(o.getDescription())) {
        problems.add(op + ": no description");
      }
      if (o.getSecurity() == null || o.getSecurity().isEmpty()) {
        problems.add(op + ": no security of its own");
      }
      if (o.getResponses() == null
          || o.getResponses().keySet().stream().noneMatch(s -> s.startsWith("2"))) {
        problems.add(op + ": no 2xx response");
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void operationIdsAreUniqueAndCamelCase() {
    Map<String, List<Op>> byId =
        operations.stream().collect(groupingBy(op -> String.valueOf(op.id())));
    assertThat(
            byId.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getValue))
        .as("duplicate operationIds")
        .isEmpty();
    assertThat(operations.stream()
            .map(Op::id)
            .filter(id -> id == null || !CAMEL_CASE.matcher(id).matches()))
        .as("operationIds that are not lowerCamelCase")
        .isEmpty();
  }

  @Test
  void tagsAreDeclaredAndUsed() {
    Set<String> declared =
        spec.openApi().getTags().stream().map(Tag::getName).collect(toCollection(TreeSet::new));
    Set<String> used = new TreeSet<>();
    operations.forEach(op -> used.addAll(op.operation().getTags()));
    assertThat(used).as("tags used by operations").isEqualTo(declared);
    assertThat(declared).hasSize(16);
    assertThat(operations)
        .allSatisfy(op -> assertThat(op.operation().getTags()).as(op.toString()).hasSize(1));
  }

  @Test
  void operationsAreExactlyTheExpectedOnes() {
    Set<String> expected = new TreeSet<>();
    for (String line : SpecDocument.readResource("expected-operations.tsv").split("\n")) {
      if (!line.isBlank() && !line.startsWith("method\t")) {
        expected.add(line.strip());
      }
    }
    Set<String> actual = operations.stream()
        .map(op -> op.method() + "\t" + op.path() + "\t" + op.id())
        .collect(toCollection(TreeSet::new));

    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(actual);
    Set<String> unexpected = new TreeSet<>(actual);
    unexpected.removeAll(expected);
    assertThat(missing)
        .as("operations in expected-operations.tsv that the spec lacks")
        .isEmpty();
    assertThat(unexpected)
        .as("operations in the spec that expected-operations.tsv does not list")
        .isEmpty();
    assertThat(actual).hasSize(62);
  }

  @Test
  void securitySchemesAreBearerOAuth2AndBasic() {
    Map<String, SecurityScheme> schemes = spec.openApi().getComponents().getSecuritySchemes();
    assertThat(schemes).containsOnlyKeys("OAuth2", "Basic");

    SecurityScheme basic = schemes.get("Basic");
    assertThat(basic.getType()).isEqualTo(SecurityScheme.Type.HTTP);
    assertThat(basic.getScheme()).isEqualTo("basic");

    SecurityScheme oauth = schemes.get("OAuth2");
    assertThat(oauth.getType()).isEqualTo(SecurityScheme.Type.OAUTH2);
    OAuthFlow flow = oauth.getFlows().getAuthorizationCode();
    assertThat(flow).as("authorizationCode flow").isNotNull();
    assertThat(flow.getAuthorizationUrl()).isEqualTo("https://flow.polar.com/oauth2/authorization");
    assertThat(flow.getTokenUrl()).isEqualTo("https://polarremote.com/v2/oauth2/token");
    assertThat(flow.getScopes()).containsOnlyKeys("accesslink.read_all");
  }

  @Test
  void userDataNeedsTheBearerTokenAndPartnerCallsNeedBasic() {
    List<String> problems = new ArrayList<>();
    for (Op op : operations) {
      SecurityRequirement expected = expectedSecurity(op.path());
      if (expected == null) {
        problems.add(op + ": no security rule covers this path");
      } else if (!List.of(expected).equals(op.operation().getSecurity())) {
        problems.add(op + ": security " + op.operation().getSecurity() + ", expected " + expected);
      }
    }
    assertThat(problems).isEmpty();
  }

  private static SecurityRequirement expectedSecurity(String path) {
    if (path.startsWith("/v3/users/")
        || path.equals("/v3/users")
        || path.startsWith("/v3/exercises")) {
      return BEARER;
    }
    if (path.equals("/v3/notifications")
        || path.startsWith("/v3/webhooks")
        || path.equals("/oauth2/token")) {
      return BASIC;
    }
    return null;
  }

  @Test
  void tokenEndpointHasItsOwnServer() {
    assertThat(spec.openApi().getServers())
        .extracting(Server::getUrl)
        .containsExactly("https://www.polaraccesslink.com");
    assertThat(spec.openApi().getPaths().get("/oauth2/token").getServers())
        .extracting(Server::getUrl)
        .containsExactly("https://polarremote.com/v2");
    assertThat(
            operations.stream().filter(op -> op.pathItem().getServers() != null).map(Op::id))
        .containsExactly("requestToken");
  }

  @Test
  void exactlyTheTransactionOperationsAreDeprecated() {
    List<Op> transactional =
        operations.stream().filter(op -> op.path().contains("-transactions")).collect(toList());
    assertThat(transactional).hasSize(20);
    assertThat(transactional)
        .allSatisfy(op ->
            assertThat(op.operation().getDeprecated()).as(op + " deprecated").isTrue());
    assertThat(operations.stream().filter(op -> !transactional.contains(op)))
        .allSatisfy(op ->
            assertThat(op.operation().getDeprecated()).as(op + " deprecated").isNotEqualTo(true));
  }

  @Test
  void everySuccessResponseCarriesTheRateLimitHeaders() {
    List<String> problems = new ArrayList<>();
    for (Op op : operations) {
      op.operation().getResponses().forEach((status, raw) -> {
        if (!status.startsWith("2")) {
          return;
        }
        ApiResponse response = spec.resolve(raw);
        Map<String, Header> headers =
            response.getHeaders() == null ? Map.of() : response.getHeaders();
        for (String name : RATE_LIMIT_HEADERS) {
          Header header = headers.get(name);
          if (header == null) {
            problems.add(op + " " + status + ": no " + name + " header");
          } else if (spec.resolve(header).getSchema() == null) {
            problems.add(op + " " + status + ": " + name + " has no schema");
          }
        }
      });
    }
    assertThat(problems).isEmpty();
  }

  /** The bodies AccessLink (and the testkit's fake) send with 401, 403 and 409 are declared, not left to prose. */
  @Test
  void unauthorizedForbiddenAndConflictResponsesDeclareTheirErrorBody() {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Op op : operations) {
      for (String status : List.of("401", "403", "409")) {
        ApiResponse raw = op.operation().getResponses().get(status);
        if (raw == null) {
          continue;
        }
        checked++;
        var content = spec.resolve(raw).getContent();
        MediaType json = content == null ? null : content.get("application/json");
        String expected = op.id().equals("requestToken") ? "oauth-error" : "error";
        if (json == null || json.getSchema() == null) {
          problems.add(op + " " + status + ": no application/json body");
        } else if (!("#/components/schemas/" + expected).equals(json.getSchema().get$ref())) {
          problems.add(op + " " + status + ": body " + json.getSchema().get$ref() + ", expected "
              + expected);
        } else if (json.getExample() == null
            && (json.getExamples() == null || json.getExamples().isEmpty())) {
          problems.add(op + " " + status + ": no example");
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(checked).as("401/403/409 responses checked").isGreaterThan(100);
  }

  @Test
  void nonJsonResponsesAreBinaryStrings() {
    List<String> problems = new ArrayList<>();
    Set<String> binaryOperations = new TreeSet<>();
    for (Op op : operations) {
      op.operation().getResponses().forEach((status, raw) -> {
        var content = spec.resolve(raw).getContent();
        if (content == null) {
          return;
        }
        for (Map.Entry<String, MediaType> e : content.entrySet()) {
          Schema<?> schema = e.getValue().getSchema();
          boolean json = e.getKey().equals("application/json") || e.getKey().endsWith("+json");
          boolean binary = schema != null
              && "string".equals(schema.getType())
              && "binary".equals(schema.getFormat());
          if (!json && !binary) {
            problems.add(
                op + " " + status + " " + e.getKey() + ": not {type: string, format: binary}");
          }
          if (json && schema != null && "binary".equals(schema.getFormat())) {
            problems.add(op + " " + status + " " + e.getKey() + ": JSON declared as binary");
          }
          if (binary) {
            binaryOperations.add(op.id());
          }
        }
      });
    }
    assertThat(problems).isEmpty();
    assertThat(binaryOperations)
        .containsExactlyInAnyOrder(
            "getExerciseFit",
            "getExerciseTcx",
            "getExerciseGpx",
            "getTransactionExerciseFit",
            "getTransactionExerciseTcx",
            "getTransactionExerciseGpx");
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}

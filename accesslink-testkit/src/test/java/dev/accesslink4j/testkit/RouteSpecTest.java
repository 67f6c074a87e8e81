package dev.accesslink4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The routes and the OpenAPI document describe the same API: every operation of the spec has a {@link Route} with
 * its method and path (parameter names aside), every route is an operation of the spec (the authorization endpoint
 * is the spec's OAuth2 {@code authorizationUrl}), and every route's {@link RouteGroup} is the one of its spec tag.
 *
 * <p>The spec is read from the sibling module by relative path; its paths section is plain two-space YAML, read
 * here line by line (the testkit has no YAML parser).
 */
class RouteSpecTest {
  private static final Path SPEC = Path.of(
      System.getProperty("basedir", "."), "..", "accesslink-spec", "openapi", "accesslink.yaml");
  private static final Pattern PATH = Pattern.compile("^  (/\\S*):$");
  private static final Pattern SERVER_URL = Pattern.compile("^ {6,8}- url: (\\S+)$");
  private static final Pattern METHOD =
      Pattern.compile("^    (get|put|post|delete|patch|head|options):$");
  private static final Pattern TAG = Pattern.compile("^        - (.+)$");
  private static final Pattern AUTHORIZATION_URL = Pattern.compile("^ +authorizationUrl: (\\S+)$");

  /** "METHOD /path/{}" of every operation, to its first tag. */
  private static final Map<String, String> OPERATIONS = new LinkedHashMap<>();

  @BeforeAll
  static void readSpec() throws IOException {
    List<String> lines = Files.readAllLines(SPEC, StandardCharsets.UTF_8);
    boolean inPaths = false;
    String path = null;
    String prefix = "";
    String operation = null;
    boolean inServers = false;
    boolean inTags = false;
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      Matcher authorization = AUTHORIZATION_URL.matcher(line);
      if (authorization.matches()) {
        OPERATIONS.put("GET " + normalize(URI.create(authorization.group(1)).getPath()), "OAuth");
      }
      if (!line.startsWith(" ")) {
        inPaths = line.equals("paths:");
        continue;
      }
      if (!inPaths) {
        continue;
      }
      Matcher m;
      if ((m = PATH.matcher(line)).matches()) {
        path = m.group(1);
        prefix = "";
        operation = null;
        inServers = false;
      } else if (line.equals("    servers:")) {
        inServers = true;
      } else if (inServers && (m = SERVER_URL.matcher(line)).matches()) {
        prefix = URI.create(m.group(1))
            .getPath(); // the token endpoint lives under https://polarremote.com/v2
        inServers = false;
      } else if ((m = METHOD.matcher(line)).matches()) {
        operation = m.group(1).toUpperCase(java.util.Locale.ROOT) + " " + normalize(prefix + path);
        OPERATIONS.put(operation, "");
        inServers = false;
      } else if (operation != null && line.equals("      tags:")) {
        inTags = true;
      } else if (inTags && (m = TAG.matcher(line)).matches()) {
        if (OPERATIONS.get(operation).isEmpty()) {
          OPERATIONS.put(operation, m.group(1));
        }
        inTags = false;
      } else {
        inTags = false;
      }
    }
  }

  private static String normalize(String path) {
    return path.replaceAll("\\{[^}]+}", "{}");
  }

  private static String key(Route route) {
    return route.method() + " " + normalize(route.pathTemplate());
  }

  @Test
  void theSpecWasRead() {
    assertThat(OPERATIONS)
        .hasSizeGreaterThan(60)
        .containsEntry("POST /v2/oauth2/token", "OAuth")
        .containsEntry("GET /oauth2/authorization", "OAuth")
        .containsEntry(
            "GET /v3/users/{}/exercise-transactions/{}/exercises/{}/fit", "Exercise transactions");
  }

  @Test
  void everySpecOperationHasARoute() {
    Set<String> routes = new TreeSet<>();
    for (Route r : Route.values()) {
      routes.add(key(r));
    }
    assertThat(routes).containsAll(OPERATIONS.keySet());
  }

  @Test
  void everyRouteIsAnOperationOfTheSpec() {
    List<String> missing = new ArrayList<>();
    for (Route r : Route.values()) {
      if (!OPERATIONS.containsKey(key(r))) {
        missing.add(r + " " + key(r));
      }
    }
    assertThat(missing).isEmpty();
    assertThat(Route.values()).hasSize(OPERATIONS.size());
  }

  @Test
  void everyRouteIsInTheGroupOfItsSpecTag() {
    Set<RouteGroup> used = EnumSet.noneOf(RouteGroup.class);
    for (Route r : Route.values()) {
      String tag = OPERATIONS.get(key(r));
      assertThat(tag).as(r + " in the spec").isNotNull();
      RouteGroup expected = switch (tag) {
        case "OAuth" -> RouteGroup.OAUTH;
        case "Users" -> RouteGroup.USERS;
        case "Notifications" -> RouteGroup.NOTIFICATIONS;
        case "Exercises" -> RouteGroup.EXERCISES;
        case "Exercise transactions", "Activity transactions", "Physical info transactions" ->
          RouteGroup.TRANSACTIONS;
        case "Webhooks" -> RouteGroup.WEBHOOKS;
        default -> RouteGroup.DAILY_DATA;
      };
      assertThat(r.group()).as(r + " tagged " + tag).isEqualTo(expected);
      used.add(r.group());
    }
    assertThat(used).containsExactlyInAnyOrder(RouteGroup.values());
  }
}

package dev.accesslink4j.oauth;

import static dev.accesslink4j.MockAccessLink.CLIENT_ID;
import static dev.accesslink4j.MockAccessLink.CLIENT_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accesslink4j.AccessLink;
import dev.accesslink4j.AccessLinkBuilder;
import dev.accesslink4j.ClientSecret;
import dev.accesslink4j.MockAccessLink;
import dev.accesslink4j.RetryPolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the OAuth tests share: the mock server behind the token endpoint, a client on it, and request readers. */
abstract class OAuthTestSupport {
  static final URI DEFAULT_REDIRECT = URI.create("https://app.example.com/oauth2_callback");
  static final String CODE = "71682f9544255285736fb6d2d8acb6cf";
  static final String ISSUED_TOKEN = "2YotnFZFEjr1zCsicMWpAA";

  @RegisterExtension
  final MockAccessLink mock = MockAccessLink.withoutRetries();

  OAuthService oauth() {
    return mock.client().oauth();
  }

  AccessLink client(Clock clock, boolean withRedirect) {
    AccessLinkBuilder b = AccessLink.builder()
        .clientId(CLIENT_ID)
        .clientSecret(ClientSecret.of(CLIENT_SECRET))
        .apiUrl(mock.server().url("/").uri())
        .authorizationUrl(mock.server().url("/oauth2/authorization").uri())
        .tokenUrl(mock.server().url("/v2/oauth2/token").uri())
        .retryPolicy(RetryPolicy.disabled())
        .clock(clock);
    if (withRedirect) {
      b.redirectUri(DEFAULT_REDIRECT);
    }
    return b.build();
  }

  static Map<String, String> query(URI uri) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      String previous = params.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      assertThat(previous).as("repeated parameter in %s", uri).isNull();
    }
    return params;
  }

  static Map<String, String> form(RecordedRequest request) {
    return query(URI.create("x:/?" + request.getBody().utf8()));
  }

  static URI callback(String query) {
    return URI.create(DEFAULT_REDIRECT + "?" + query);
  }

  static void assertNoSecrets(String text) {
    assertThat(text).doesNotContain(CODE, CLIENT_SECRET, ISSUED_TOKEN, MockAccessLink.TOKEN);
  }
}

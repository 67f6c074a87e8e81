package dev.accesslink4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/**
 * The standalone fake prints the credentials and URLs it really accepts, and takes the CLI {@code link} command's
 * default redirect URI, so {@code link} works against it with only what it printed.
 */
class FakeAccessLinkMainTest {
  @Test
  void printsWhatItAcceptsAndTakesTheCliRedirectUri() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (FakeAccessLink fake = FakeAccessLinkMain.start(
        new String[] {"0", "7"}, new PrintStream(printed, true, StandardCharsets.UTF_8))) {
      String out = printed.toString(StandardCharsets.UTF_8);
      assertThat(out)
          .contains("base URL:          " + fake.baseUrl())
          .contains("token URL:         " + fake.tokenUrl())
          .contains("client id:         " + fake.clientId())
          .contains("client secret:     " + fake.clientSecret())
          .contains("redirect URIs:     " + FakeAccessLinkMain.CLI_REDIRECT_URI);
      assertThat(fake.redirectUris())
          .containsExactly(
              "http://localhost:5000/oauth2_callback", FakeAccessLinkOptions.DEFAULT_REDIRECT_URI);

      // what `accesslink link` does with its defaults: authorize with its redirect URI, exchange
      // the code
      HttpUrl authorize = HttpUrl.get(fake.authorizationUrl())
          .newBuilder()
          .addQueryParameter("response_type", "code")
          .addQueryParameter("client_id", fake.clientId())
          .addQueryParameter("redirect_uri", FakeAccessLinkMain.CLI_REDIRECT_URI)
          .addQueryParameter("state", "s")
          .build();
      Http.Result redirect = Http.send(new Request.Builder().url(authorize).build());
      assertThat(redirect.code()).isEqualTo(302);
      HttpUrl callback = HttpUrl.get(redirect.header("Location"));
      assertThat(callback.toString()).startsWith(FakeAccessLinkMain.CLI_REDIRECT_URI + "?code=");
      Http.Result token =
          Http.token(fake, callback.queryParameter("code"), FakeAccessLinkMain.CLI_REDIRECT_URI);
      assertThat(token.code()).isEqualTo(200);

      String demoToken = out.lines()
          .filter(l -> l.startsWith("  demo access token: "))
          .findFirst()
          .orElseThrow()
          .substring("  demo access token: ".length());
      assertThat(Http.get(fake.baseUrl() + "v3/exercises", demoToken).json().getAsJsonArray())
          .isNotEmpty();
    }
  }
}

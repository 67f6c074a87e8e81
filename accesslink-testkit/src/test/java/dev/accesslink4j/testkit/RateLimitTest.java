package dev.accesslink4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RateLimitTest {
  @RegisterExtension
  final FakeAccessLinkExtension accessLink = Fixtures.extension();

  @Test
  void everyResponseCarriesBothWindowsWithPolarsFormula() {
    FakeAccessLink fake = accessLink.fake();
    FakeUser user = fake.addUser();
    fake.addUser();
    String token = user.issueToken().reveal();
    Http.Result first = Http.get(fake.baseUrl() + "v3/exercises", token);
    assertThat(first.header("RateLimit-Usage")).isEqualTo("1, 1");
    assertThat(first.header("RateLimit-Limit")).isEqualTo("540, 5200"); // two registered users
    assertThat(first.header("RateLimit-Reset")).isEqualTo("900, 86400");

    fake.advanceTime(Duration.ofMinutes(5));
    Http.Result second = Http.get(fake.baseUrl() + "v3/nope", token); // errors count too
    assertThat(second.code()).isEqualTo(404);
    assertThat(second.header("RateLimit-Usage")).isEqualTo("2, 2");
    assertThat(second.header("RateLimit-Reset")).isEqualTo("600, 86100");
  }

  @Test
  void answers429OnceAWindowIsSpentAndRejectedRequestsStillCountOnTheLongWindow() {
    FakeAccessLink fake = accessLink.fake();
    fake.rateLimit(3, 10);
    String token = fake.addUser().issueToken().reveal();
    String url = fake.baseUrl() + "v3/users/sleep";
    for (int i = 1; i <= 3; i++) {
      assertThat(Http.get(url, token).code()).isEqualTo(200);
    }
    Http.Result limited = Http.get(url, token);
    assertThat(limited.code()).isEqualTo(429);
    assertThat(limited.header("RateLimit-Usage")).isEqualTo("3, 4");
    assertThat(limited.header("RateLimit-Limit")).isEqualTo("3, 10");
    assertThat(limited.json().getAsJsonObject().get("errorType").getAsString())
        .isEqualTo("TOO_MANY_REQUESTS");
    assertThat(Http.get(url, token).header("RateLimit-Usage")).isEqualTo("3, 5");

    fake.advanceTime(Duration.ofMinutes(15));
    Http.Result afterReset = Http.get(url, token);
    assertThat(afterReset.code()).isEqualTo(200);
    assertThat(afterReset.header("RateLimit-Usage")).isEqualTo("1, 6");

    fake.rateLimit(100, 2);
    assertThat(Http.get(url, token).code()).isEqualTo(200);
    assertThat(Http.get(url, token).code()).isEqualTo(200);
    Http.Result daily = Http.get(url, token);
    assertThat(daily.code()).isEqualTo(429);
    assertThat(daily.header("RateLimit-Usage")).isEqualTo("3, 3");
  }

  @Test
  void oauthIsOnAnotherHostAndIsNotRateLimited() {
    FakeAccessLink fake = accessLink.fake();
    fake.rateLimit(0, 0);
    Http.Result r = Http.send(new okhttp3.Request.Builder()
        .url(fake.authorizationUrl() + "?response_type=code&client_id=" + fake.clientId())
        .build());
    assertThat(r.code()).isEqualTo(302);
    assertThat(r.header("RateLimit-Usage")).isNull();
  }
}

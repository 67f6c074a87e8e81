package dev.accesslink4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accesslink4j.generated.api.UsersApi;
import dev.accesslink4j.internal.Transport.Replay;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Polar's RateLimit-* headers as the caller reads them: both windows, and nothing from malformed headers. */
class RateLimitTest {
  @RegisterExtension
  final MockAccessLink mock = MockAccessLink.withoutRetries();

  @Test
  void parsesBothWindowsShortFirst() {
    RateLimit limit = RateLimit.parse("37, 1200", "520, 5100", "612, 80011").orElseThrow();

    assertThat(limit.shortWindow())
        .isEqualTo(new RateLimit.Window(37, 520, Duration.ofSeconds(612)));
    assertThat(limit.longWindow())
        .isEqualTo(new RateLimit.Window(1200, 5100, Duration.ofSeconds(80011)));
    assertThat(limit.shortWindow().remaining()).isEqualTo(483);
    assertThat(limit.longWindow().remaining()).isEqualTo(3900);
    assertThat(limit.shortWindow().isExhausted()).isFalse();
    assertThat(limit.retryAfter()).isEqualTo(Duration.ofSeconds(612));
  }

  @Test
  void theClientKeepsTheLatestReportedStateAcrossUsersAndCalls() {
    assertThat(mock.client().rateLimit()).isEmpty();
    mock.enqueueJson(200, "{\"nights\": []}"); // MockAccessLink reports "3, 40" of "520, 5100"
    mock.server()
        .enqueue(new MockResponse.Builder()
            .code(204)
            .setHeader("RateLimit-Usage", "4, 41")
            .setHeader("RateLimit-Limit", "520, 5100")
            .setHeader("RateLimit-Reset", "599, 79999")
            .build());
    mock.enqueueStatus(204); // no headers: the last report stays

    mock.user().sleep().list();
    assertThat(mock.client().rateLimit())
        .hasValueSatisfying(r -> assertThat(r.shortWindow().used()).isEqualTo(3));
    mock.client().user(AccessToken.of("another-user-token")).sleepWise().alertness();
    mock.user().sleepWise().alertness();

    RateLimit latest = mock.client().rateLimit().orElseThrow();
    assertThat(latest.shortWindow())
        .isEqualTo(new RateLimit.Window(4, 520, Duration.ofSeconds(599)));
    assertThat(latest.longWindow().remaining()).isEqualTo(5100 - 41);
  }

  @Test
  void aListenerHearsEveryReportAndCannotBreakTheCall() throws Exception {
    List<RateLimit> heard = new CopyOnWriteArrayList<>();
    try (AccessLink client = AccessLink.builder()
        .clientId(MockAccessLink.CLIENT_ID)
        .clientSecret(ClientSecret.of(MockAccessLink.CLIENT_SECRET))
        .apiUrl(mock.server().url("/").uri())
        .retryPolicy(RetryPolicy.disabled())
        .onRateLimit(limit -> {
          heard.add(limit);
          throw new IllegalStateException("listener bug");
        })
        .build()) {
      mock.enqueueJson(200, "{\"nights\": []}").enqueueJson(200, "{\"nights\": []}");
      UserClient user = client.user(AccessToken.of(MockAccessLink.TOKEN));

      assertThat(user.sleep().list()).isEmpty();
      assertThat(user.sleep().list()).isEmpty();
    }

    assertThat(heard)
        .hasSize(2)
        .allSatisfy(r -> assertThat(r.longWindow().limit()).isEqualTo(5100));
  }

  @Test
  void toleratesMissingSpaces() {
    assertThat(RateLimit.parse("1,2", "3,4", "5,6")).isPresent();
  }

  @Test
  void retryAfterIsTheDailyResetWhenTheDailyWindowIsSpent() {
    RateLimit limit = RateLimit.parse("10, 5100", "520, 5100", "30, 40000").orElseThrow();

    assertThat(limit.longWindow().isExhausted()).isTrue();
    assertThat(limit.longWindow().remaining()).isZero();
    assertThat(limit.retryAfter()).isEqualTo(Duration.ofSeconds(40000));
  }

  @Test
  void overspentWindowHasNothingRemaining() {
    RateLimit limit = RateLimit.parse("530, 900", "520, 5100", "30, 40000").orElseThrow();

    assertThat(limit.shortWindow().remaining()).isZero();
    assertThat(limit.shortWindow().isExhausted()).isTrue();
    assertThat(limit.retryAfter()).isEqualTo(Duration.ofSeconds(30));
  }

  @ParameterizedTest(name = "usage={0} limit={1} reset={2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        "NULL|520, 5100|600, 80000",
        "3, 40|NULL|600, 80000",
        "3, 40|520, 5100|NULL",
        "3|520, 5100|600, 80000",
        "3, 40, 50|520, 5100|600, 80000",
        "three, 40|520, 5100|600, 80000",
        "3, 40|520, 5100|-600, 80000",
        "''|520, 5100|600, 80000",
        "3.5, 40|520, 5100|600, 80000",
        "3, 40|520, 5100|600, 99999999999999999999",
      })
  void malformedHeadersGiveNothing(String usage, String limit, String reset) {
    assertThat(RateLimit.parse(usage, limit, reset)).isEmpty();
  }

  @Test
  void apiResponseReadsTheHeadersInAnyCase() {
    ApiResponse<String> response = new ApiResponse<>(
        200,
        Map.of(
            "ratelimit-usage", List.of("3, 40"),
            "RATELIMIT-LIMIT", List.of("520, 5100"),
            "RateLimit-Reset", List.of("600, 80000")),
        "body");

    RateLimit limit = response.rateLimit().orElseThrow();

    assertThat(limit.shortWindow().used()).isEqualTo(3);
    assertThat(limit.longWindow().limit()).isEqualTo(5100);
    assertThat(response.header("ratelimit-reset")).contains("600, 80000");
  }

  @Test
  void apiResponseWithoutHeadersHasNoRateLimit() {
    ApiResponse<String> response = new ApiResponse<>(204, Map.of(), null);

    assertThat(response.rateLimit()).isEmpty();
    assertThat(response.body()).isEmpty();
    assertThat(response.header("RateLimit-Usage")).isEqualTo(Optional.empty());
  }

  @Test
  void everySuccessfulResponseCarriesItsRateLimit() {
    mock.enqueueJson(200, "{\"polar-user-id\": 42}");
    UserClient user = mock.user();

    ApiResponse<?> response = user.context()
        .transport()
        .execute(user.context().create(UsersApi.class).getUser(42L), Replay.SAFE);

    RateLimit limit = response.rateLimit().orElseThrow();
    assertThat(limit.shortWindow())
        .isEqualTo(new RateLimit.Window(3, 520, Duration.ofSeconds(600)));
    assertThat(limit.longWindow())
        .isEqualTo(new RateLimit.Window(40, 5100, Duration.ofSeconds(80000)));
    assertThat(response.headers()).containsKey("Content-Type");
    assertThat(response.toString()).isEqualTo("ApiResponse[status=200, hasBody=true]");
  }
}

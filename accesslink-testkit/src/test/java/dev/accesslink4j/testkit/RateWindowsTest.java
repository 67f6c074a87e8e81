package dev.accesslink4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateWindowsTest {

  @Test
  void compressedWindowsAreReportedInPolarsShapeAndRollFromFirstUse() {
    try (FakeAccessLink fake = FakeAccessLink.start(FakeAccessLinkOptions.builder()
        .rateLimitWindows(Duration.ofSeconds(10), 2, Duration.ofSeconds(60), 5)
        .build())) {
      String token = fake.addUser().issueToken().reveal();
      String url = fake.baseUrl() + "v3/users/sleep";
      Http.Result first = Http.get(url, token);
      assertThat(first.code()).isEqualTo(200);
      assertThat(first.header("RateLimit-Usage")).isEqualTo("1, 1");
      assertThat(first.header("RateLimit-Limit")).isEqualTo("2, 5");
      assertThat(first.header("RateLimit-Reset")).matches("(9|10), (59|60)");
      assertThat(Http.get(url, token).code()).isEqualTo(200);

      Http.Result refused = Http.get(url, token);
      assertThat(refused.code()).isEqualTo(429);
      assertThat(refused.header("RateLimit-Usage"))
          .isEqualTo("2, 3"); // still counted on the long one
      assertThat(fake.rateLimitRefusals()).isEqualTo(1);

      fake.advanceTime(
          Duration.ofSeconds(10)); // the short window rolls over, the long one does not
      Http.Result after = Http.get(url, token);
      assertThat(after.code()).isEqualTo(200);
      assertThat(after.header("RateLimit-Usage")).isEqualTo("1, 4");
      assertThat(after.header("RateLimit-Reset")).matches("(9|10), (49|50)");
      assertThat(Http.get(url, token).code()).isEqualTo(200);
      fake.advanceTime(Duration.ofSeconds(10));
      Http.Result daily = Http.get(url, token);
      assertThat(daily.code()).isEqualTo(429); // sixth request: the long window of 5 is spent
      assertThat(daily.header("RateLimit-Usage")).isEqualTo("1, 6");
      assertThat(fake.rateLimitRefusals()).isEqualTo(2);
    }
  }

  @Test
  void resetsAreWholeSecondsRoundedUp() {
    try (FakeAccessLink fake = FakeAccessLink.start(FakeAccessLinkOptions.builder()
        .rateLimitWindows(Duration.ofMillis(2500), 10, Duration.ofSeconds(30), 100)
        .build())) {
      String token = fake.addUser().issueToken().reveal();
      Http.Result first = Http.get(fake.baseUrl() + "v3/users/sleep", token);
      // 2.5 s (less the time the request took) are left: reported as 3, never as 2
      assertThat(first.header("RateLimit-Reset")).isEqualTo("3, 30");
    }
  }

  @Test
  void latencyHoldsBackEveryAnswerAndIsSettableAtRunTime() {
    try (FakeAccessLink fake = FakeAccessLink.start(
        FakeAccessLinkOptions.builder().latency(Duration.ofMillis(300)).build())) {
      String token = fake.addUser().issueToken().reveal();
      String url = fake.baseUrl() + "v3/users/sleep";
      long start = System.nanoTime();
      assertThat(Http.get(url, token).code()).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(300));

      fake.latency(Duration.ofMillis(600));
      start = System.nanoTime();
      assertThat(Http.get(url, token).code()).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(600));
      fake.latency(Duration.ZERO);
      assertThat(fake.rateLimitRefusals()).isZero();
    }
  }

  @Test
  void rejectsWindowsThatCannotBeAndNegativeLatency() {
    FakeAccessLinkOptions.Builder b = FakeAccessLinkOptions.builder();
    assertThatThrownBy(() -> b.rateLimitWindows(Duration.ZERO, 1, Duration.ofSeconds(1), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shortLength");
    assertThatThrownBy(() -> b.latency(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

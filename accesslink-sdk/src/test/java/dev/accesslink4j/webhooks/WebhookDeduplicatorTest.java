package dev.accesslink4j.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WebhookDeduplicatorTest {
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  private static final URI URL =
      URI.create("https://www.polaraccesslink.com/v3/users/sleep/2025-03-01");

  private final MutableClock clock = new MutableClock(T0);

  private static SleepEvent sleep(long user, String date, Instant sentAt) {
    return new SleepEvent(user, LocalDate.parse(date), sentAt, URL);
  }

  @Test
  void repeatedDeliveryWithinTheWindowIsDetected() {
    WebhookDeduplicator seen = WebhookDeduplicator.builder().clock(clock).build();

    assertThat(seen.firstDelivery(sleep(475, "2025-03-01", T0))).isTrue();
    clock.advance(Duration.ofMinutes(2));
    // Polar's second SLEEP delivery: same night, new send time.
    assertThat(seen.firstDelivery(sleep(475, "2025-03-01", T0.plusSeconds(120))))
        .isFalse();
    assertThat(seen.firstDelivery(sleep(475, "2025-03-02", T0))).isTrue();
    assertThat(seen.firstDelivery(sleep(476, "2025-03-01", T0))).isTrue();
    assertThat(seen.firstDelivery(
            new ContinuousHeartRateEvent(475, LocalDate.parse("2025-03-01"), T0, URL)))
        .isTrue();
  }

  @Test
  void aKeyIsForgottenWhenTheWindowEnds() {
    WebhookDeduplicator seen = WebhookDeduplicator.builder()
        .clock(clock)
        .window(Duration.ofMinutes(10))
        .build();

    assertThat(seen.firstDelivery(sleep(475, "2025-03-01", T0))).isTrue();
    clock.advance(Duration.ofMinutes(9).plusSeconds(59));
    assertThat(seen.firstDelivery(sleep(475, "2025-03-01", T0))).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(seen.firstDelivery(sleep(475, "2025-03-01", T0))).isTrue();
  }

  @Test
  void theWindowRunsFromTheFirstDeliveryNotTheLast() {
    WebhookDeduplicator seen = WebhookDeduplicator.builder()
        .clock(clock)
        .window(Duration.ofMinutes(10))
        .build();

    seen.firstDelivery(sleep(475, "2025-03-01", T0));
    clock.advance(Duration.ofMinutes(6));
    assertThat(seen.firstDelivery(sleep(475, "2025-03-01", T0))).isFalse();
    clock.advance(Duration.ofMinutes(6));
    assertThat(seen.firstDelivery(sleep(475, "2025-03-01", T0))).isTrue();
  }

  @Test
  void memoryStaysBoundedAndTheOldestIsEvicted() {
    WebhookDeduplicator seen = WebhookDeduplicator.builder()
        .clock(clock)
        .maxEntries(100)
        .window(Duration.ofDays(1))
        .build();

    for (int user = 0; user < 10_000; user++) {
      assertThat(seen.firstDelivery(sleep(user, "2025-03-01", T0))).isTrue();
      assertThat(seen.size()).isLessThanOrEqualTo(100);
    }
    assertThat(seen.size()).isEqualTo(100);
    // The newest 100 are remembered, the older ones were evicted.
    assertThat(seen.firstDelivery(sleep(9_999, "2025-03-01", T0))).isFalse();
    assertThat(seen.firstDelivery(sleep(9_900, "2025-03-01", T0))).isFalse();
    assertThat(seen.firstDelivery(sleep(0, "2025-03-01", T0))).isTrue();
  }

  @Test
  void expiredKeysAreDroppedSoTheMapShrinks() {
    WebhookDeduplicator seen = WebhookDeduplicator.builder()
        .clock(clock)
        .maxEntries(1_000)
        .window(Duration.ofMinutes(1))
        .build();
    for (int user = 0; user < 500; user++) {
      seen.firstDelivery(sleep(user, "2025-03-01", T0));
    }
    clock.advance(Duration.ofMinutes(2));

    seen.firstDelivery(sleep(1, "2025-03-02", T0));

    assertThat(seen.size()).isEqualTo(1);
  }

  @Test
  void pingsAreNeverSuppressedNorRemembered() {
    WebhookDeduplicator seen = WebhookDeduplicator.builder().clock(clock).build();
    PingEvent ping = PingEvent.of(T0, false);

    assertThat(seen.firstDelivery(ping)).isTrue();
    assertThat(seen.firstDelivery(ping)).isTrue();
    assertThat(seen.size()).isZero();
  }

  @Test
  void forgetLetsTheNextAttemptThrough() {
    WebhookDeduplicator seen = WebhookDeduplicator.builder().clock(clock).build();
    SleepEvent event = sleep(475, "2025-03-01", T0);
    seen.firstDelivery(event);

    seen.forget(event);

    assertThat(seen.firstDelivery(event)).isTrue();
  }

  @Test
  void exactlyOneOfManyConcurrentDeliveriesIsFirst() throws Exception {
    WebhookDeduplicator seen = WebhookDeduplicator.create();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 50; round++) {
        SleepEvent event = sleep(round, "2025-03-01", T0);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          results.add(pool.submit(() -> {
            start.await();
            return seen.firstDelivery(event);
          }));
        }
        start.countDown();
        int firsts = 0;
        for (Future<Boolean> result : results) {
          firsts += result.get(5, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertThat(firsts).as("round %d", round).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void limitsMustBePositive() {
    assertThatThrownBy(() -> WebhookDeduplicator.builder().maxEntries(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WebhookDeduplicator.builder().window(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A clock the test moves by hand. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}

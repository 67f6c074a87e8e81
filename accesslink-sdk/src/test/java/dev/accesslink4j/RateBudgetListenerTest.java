package dev.accesslink4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** What an {@link InProcessRateBudget} tells its listeners: its waits, and what is left after each answer. */
class RateBudgetListenerTest {
  private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

  private final RateBudgetTest.MutableClock clock = new RateBudgetTest.MutableClock(START);

  /** Records every call as text. */
  private static final class Recorder implements RateBudgetListener {
    final List<String> heard = new CopyOnWriteArrayList<>();

    @Override
    public void waiting(RateBudget.Window window, Duration wait, Instant resumeAt) {
      heard.add("waiting " + window + " " + wait + " until " + resumeAt);
    }

    @Override
    public void left(int shortLeft, int longLeft) {
      heard.add("left " + shortLeft + " " + longLeft);
    }
  }

  private InProcessRateBudget budget(long shortLimit, long longLimit) {
    return InProcessRateBudget.builder()
        .clock(clock)
        .limits(shortLimit, longLimit)
        .windowLengths(Duration.ofMinutes(15), Duration.ofHours(24))
        .safetyMargin(Duration.ZERO)
        .build();
  }

  @Test
  void aListenerHearsWhatIsLeftAfterEachAnswerAndEachWaitWithItsReset() {
    InProcessRateBudget budget = budget(2, 100);
    Recorder recorder = new Recorder();
    budget.subscribe(recorder);

    assertThat(budget.tryAcquire().isGranted()).isTrue();
    budget.answered(200, null);
    assertThat(budget.tryAcquire().isGranted()).isTrue();
    budget.answered(200, null);
    clock.advanceTo(START.plusSeconds(60));
    RateBudget.Decision third = budget.tryAcquire();

    assertThat(third.isGranted()).isFalse();
    assertThat(recorder.heard)
        .containsExactly(
            "left 1 99",
            "left 0 98",
            "waiting SHORT PT14M until " + START.plus(Duration.ofMinutes(15)));
  }

  @Test
  void whatIsLeftFollowsTheAnswersHeaders() {
    InProcessRateBudget budget = budget(500, 5000);
    Recorder recorder = new Recorder();
    budget.subscribe(recorder);

    budget.tryAcquire();
    // other traffic of the partner: Polar counted 40 and 1200
    budget.answered(
        200,
        new RateLimit(
            new RateLimit.Window(40, 500, Duration.ofMinutes(10)),
            new RateLimit.Window(1200, 5000, Duration.ofHours(20))));

    assertThat(recorder.heard).containsExactly("left 460 3800");
  }

  @Test
  void aSpentDailyWindowIsHeardAsALongWait() {
    InProcessRateBudget budget = budget(100, 1);
    Recorder recorder = new Recorder();
    budget.subscribe(recorder);

    budget.tryAcquire();
    budget.answered(200, null);
    budget.tryAcquire();

    assertThat(recorder.heard)
        .containsExactly(
            "left 99 0", "waiting LONG PT24H until " + START.plus(Duration.ofHours(24)));
  }

  @Test
  void aClosedSubscriptionHearsNothingMoreAndAThrowingListenerBreaksNothing() {
    InProcessRateBudget budget = budget(1, 100);
    Recorder recorder = new Recorder();
    RateBudget.Subscription subscription = budget.subscribe(recorder);
    budget.subscribe(new RateBudgetListener() {
      @Override
      public void left(int shortLeft, int longLeft) {
        throw new IllegalStateException("a broken listener");
      }

      @Override
      public void waiting(RateBudget.Window window, Duration wait, Instant resumeAt) {
        throw new IllegalStateException("a broken listener");
      }
    });

    assertThat(budget.tryAcquire().isGranted()).isTrue();
    budget.answered(200, null);
    subscription.close();
    subscription.close(); // idempotent
    assertThat(budget.tryAcquire().isGranted()).isFalse();

    assertThat(recorder.heard).containsExactly("left 0 99");
  }

  @Test
  void aBudgetThatPublishesNothingGivesASubscriptionThatDoesNothing() {
    RateBudget silent = new RateBudget() {
      @Override
      public Decision tryAcquire() {
        return Decision.granted();
      }

      @Override
      public void answered(int status, @Nullable RateLimit reported) {}

      @Override
      public void unanswered() {}
    };
    Recorder recorder = new Recorder();

    try (RateBudget.Subscription subscription = silent.subscribe(recorder)) {
      silent.tryAcquire();
      silent.answered(200, null);
      assertThat(subscription).isNotNull();
    }
    assertThat(recorder.heard).isEmpty();
  }

  @Test
  void theClientExposesItsBudgetForSubscribers() {
    InProcessRateBudget budget = budget(10, 100);
    try (AccessLink with = AccessLink.builder()
            .clientId("id")
            .clientSecret(ClientSecret.of("secret"))
            .rateBudget(budget)
            .build();
        AccessLink without = AccessLink.builder()
            .clientId("id")
            .clientSecret(ClientSecret.of("secret"))
            .build()) {
      assertThat(with.rateBudget()).containsSame(budget);
      assertThat(without.rateBudget()).isEmpty();
    }
  }
}

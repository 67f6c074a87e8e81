package dev.accesslink4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accesslink4j.errors.RateBudgetExhaustedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rate budget paces requests against a server that counts like Polar (two windows rolling from first use, 429
 * past them, refused requests still counted on the long one), on a fake clock that the fake sleeper moves.
 */
class RateBudgetTest {
  private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

  private final MutableClock clock = new MutableClock(START);
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private MockWebServer server;
  private MiniPolar polar;

  @BeforeEach
  void start() throws Exception {
    server = FastMockWebServer.create();
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private AccessLink client(RateBudget budget, RetryPolicy policy) {
    return AccessLink.builder()
        .clientId(MockAccessLink.CLIENT_ID)
        .clientSecret(ClientSecret.of(MockAccessLink.CLIENT_SECRET))
        .apiUrl(server.url("/").uri())
        .tokenUrl(server.url("/v2/oauth2/token").uri())
        .retryPolicy(policy)
        .sleeper(d -> {
          sleeps.add(d);
          clock.advanceTo(
              clock.instant().plus(d)); // concurrent sleepers move time once, not N times
        })
        .rateBudget(budget)
        .build();
  }

  private InProcessRateBudget.Builder budget() {
    return InProcessRateBudget.builder().clock(clock);
  }

  private void polar(
      Duration shortLength, int shortLimit, Duration longLength, int longLimit, boolean headers) {
    polar = new MiniPolar(clock, shortLength, shortLimit, longLength, longLimit, headers);
    server.setDispatcher(polar);
  }

  @Test
  void theSixthRequestOfAWindowOfFiveWaitsForTheResetInsteadOfEarningA429() {
    polar(Duration.ofSeconds(60), 5, Duration.ofHours(24), 1000, true);
    try (AccessLink client = client(
        budget().limits(5, 1000).safetyMargin(Duration.ZERO).build(), RetryPolicy.disabled())) {
      UserClient user = client.user(AccessToken.of(MockAccessLink.TOKEN));
      for (int i = 0; i < 5; i++) {
        user.sleep().list();
      }
      assertThat(sleeps).isEmpty();
      user.sleep().list();
    }
    assertThat(polar.refusals()).isZero();
    assertThat(polar.requests()).isEqualTo(6);
    assertThat(sleeps)
        .containsExactly(Duration.ofSeconds(60)); // the reported reset: 60 s after the first
    assertThat(polar.arrivals().get(5)).isEqualTo(START.plusSeconds(60));
  }

  @Test
  void eightThreadsNeverSendMoreThanTheWindowAllows() throws Exception {
    polar(Duration.ofSeconds(60), 50, Duration.ofHours(24), 10_000, true);
    QuiescentClockBudget budget =
        new QuiescentClockBudget(budget().limits(50, 10_000).build());
    try (AccessLink client = AccessLink.builder()
        .clientId(MockAccessLink.CLIENT_ID)
        .clientSecret(ClientSecret.of(MockAccessLink.CLIENT_SECRET))
        .apiUrl(server.url("/").uri())
        .tokenUrl(server.url("/v2/oauth2/token").uri())
        .retryPolicy(RetryPolicy.disabled())
        .sleeper(budget::sleep)
        .rateBudget(budget)
        .build()) {
      UserClient user = client.user(AccessToken.of(MockAccessLink.TOKEN));
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          futures.add(pool.submit(() -> {
            for (int i = 0; i < 20; i++) {
              user.sleep().list();
            }
          }));
        }
        for (Future<?> f : futures) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
    }
    assertThat(polar.requests()).isEqualTo(160);
    assertThat(polar.refusals()).isZero();
    assertThat(polar.busiestShortWindow()).isLessThanOrEqualTo(50);
    assertThat(sleeps).isNotEmpty();
  }

  /**
   * The fake clock jumps when a thread sleeps; a request granted before the jump but still on its way would arrive
   * after it, in the server's next window, which no real clock does (time does not leap 60 s while a request is in
   * flight). This budget lets the sleeper move the clock only while no granted request is unanswered, and grants
   * none while it moves.
   */
  private final class QuiescentClockBudget implements RateBudget {
    private final RateBudget delegate;
    private int outstanding;

    QuiescentClockBudget(RateBudget delegate) {
      this.delegate = delegate;
    }

    @Override
    public synchronized Decision tryAcquire() {
      Decision decision = delegate.tryAcquire();
      if (decision.isGranted()) {
        outstanding++;
      }
      return decision;
    }

    @Override
    public synchronized void answered(int status, @Nullable RateLimit reported) {
      delegate.answered(status, reported);
      outstanding--;
      notifyAll();
    }

    @Override
    public synchronized void unanswered() {
      delegate.unanswered();
      outstanding--;
      notifyAll();
    }

    synchronized void sleep(Duration d) throws InterruptedException {
      sleeps.add(d);
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (outstanding > 0 && System.nanoTime() < deadline) {
        wait(100);
      }
      clock.advanceTo(clock.instant().plus(d)); // concurrent sleepers move time once, not N times
    }
  }

  @Test
  void threadsRacingForPermitsGetExactlyTheWindowsSize() throws Exception {
    InProcessRateBudget budget = budget().limits(50, 10_000).build();
    java.util.concurrent.atomic.AtomicInteger granted =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        futures.add(pool.submit(() -> {
          go.await();
          for (int i = 0; i < 1000; i++) {
            if (budget.tryAcquire().isGranted()) {
              granted.incrementAndGet();
            }
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(granted).hasValue(50);
    assertThat(budget.state().shortWindow().used()).isEqualTo(50);
  }

  @Test
  void learnsTheLimitUsageAndResetFromTheHeaders() {
    polar(Duration.ofSeconds(30), 3, Duration.ofHours(24), 1000, true);
    polar.othersUse(1); // another process of the same partner already spent one request
    // the budget starts from the formula (500 per 15 minutes) and knows nothing of the other
    // traffic
    try (AccessLink client = client(budget().registeredUsers(0).build(), RetryPolicy.disabled())) {
      UserClient user = client.user(AccessToken.of(MockAccessLink.TOKEN));
      user.sleep().list(); // answered "2, 2" of "3, 1000", resets in 30 s
      user.sleep().list();
      assertThat(sleeps).isEmpty();
      user.sleep().list();
    }
    assertThat(polar.refusals()).isZero();
    // waited the reported 30 s plus the 1 s margin, not the 15 minutes it assumed before the first
    // answer
    assertThat(sleeps).containsExactly(Duration.ofSeconds(31));
  }

  @Test
  void aSpentDailyWindowStopsWithoutSendingAndSaysWhenToResume() {
    polar(Duration.ofMinutes(15), 100, Duration.ofHours(24), 3, true);
    try (AccessLink client = client(budget().build(), RetryPolicy.defaults())) {
      UserClient user = client.user(AccessToken.of(MockAccessLink.TOKEN));
      for (int i = 0; i < 3; i++) {
        user.sleep().list();
      }
      assertThatThrownBy(() -> user.sleep().list())
          .isInstanceOfSatisfying(RateBudgetExhaustedException.class, e -> {
            assertThat(e.window()).isEqualTo(RateBudget.Window.LONG);
            assertThat(e.resumeAt()).isEqualTo(START.plus(Duration.ofHours(24)).plusSeconds(1));
          })
          .hasMessageContaining("GET /v3/users/sleep was not sent")
          .hasMessageContaining("24-hour");
    }
    assertThat(polar.requests()).isEqualTo(3);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void aShortWaitLongerThanTheLimitThrowsInsteadOfWaiting() {
    polar(Duration.ofMinutes(15), 1, Duration.ofHours(24), 100, true);
    try (AccessLink client = AccessLink.builder()
        .clientId(MockAccessLink.CLIENT_ID)
        .clientSecret(ClientSecret.of(MockAccessLink.CLIENT_SECRET))
        .apiUrl(server.url("/").uri())
        .sleeper(sleeps::add)
        .rateBudget(budget().build())
        .maxRateBudgetWait(Duration.ofMinutes(1))
        .build()) {
      UserClient user = client.user(AccessToken.of(MockAccessLink.TOKEN));
      user.sleep().list();
      assertThatThrownBy(() -> user.sleep().list())
          .isInstanceOfSatisfying(
              RateBudgetExhaustedException.class,
              e -> assertThat(e.window()).isEqualTo(RateBudget.Window.SHORT));
    }
    assertThat(polar.requests()).isEqualTo(1);
  }

  @Test
  void beforeAnyAnswerTheBudgetIsPolarsFormulaForTheUsers() {
    InProcessRateBudget budget = budget().registeredUsers(10).build();
    assertThat(budget.state().shortWindow().limit()).isEqualTo(700); // 500 + 20 x 10
    assertThat(budget.state().longWindow().limit()).isEqualTo(6000); // 5000 + 100 x 10
    for (int i = 0; i < 700; i++) {
      assertThat(budget.tryAcquire().isGranted()).isTrue();
    }
    RateBudget.Decision refused = budget.tryAcquire();
    assertThat(refused.isGranted()).isFalse();
    assertThat(refused.window()).isEqualTo(RateBudget.Window.SHORT);
    assertThat(refused.waitTime()).isEqualTo(Duration.ofMinutes(15).plusSeconds(1));
    assertThat(refused.resumeAt()).hasValue(START.plus(Duration.ofMinutes(15)).plusSeconds(1));
    assertThat(RateBudget.inProcess(0)).isInstanceOf(InProcessRateBudget.class);
  }

  @Test
  void a429FromOtherTrafficIsWaitedOutAsItsHeadersSay() {
    polar(Duration.ofSeconds(20), 5, Duration.ofHours(24), 1000, true);
    polar.othersUse(5); // another client spent the window
    try (AccessLink client = client(budget().build(), RetryPolicy.defaults())) {
      UserClient user = client.user(AccessToken.of(MockAccessLink.TOKEN));
      assertThat(user.sleep().list()).isEmpty();
    }
    assertThat(polar.requests()).isEqualTo(2);
    assertThat(polar.refusals()).isEqualTo(1);
    // the budget waited for the reported reset (20 s) and its margin; the retry policy's short
    // back-off added nothing
    assertThat(sleeps).containsExactly(Duration.ZERO, Duration.ofSeconds(21));
  }

  @Test
  void withoutHeadersTheBudgetCountsItsOwnPermitsInTheWindowItAssumes() {
    polar(Duration.ofSeconds(60), 2, Duration.ofHours(24), 100, false); // sends no headers
    InProcessRateBudget budget = budget()
        .limits(2, 100)
        .windowLengths(Duration.ofSeconds(60), Duration.ofHours(24))
        .build();
    try (AccessLink client = client(budget, RetryPolicy.disabled())) {
      UserClient user = client.user(AccessToken.of(MockAccessLink.TOKEN));
      user.sleep().list();
      user.sleep().list();
      user.sleep().list(); // waits: the budget counted its own two permits
    }
    assertThat(sleeps).containsExactly(Duration.ofSeconds(61));
    assertThat(polar.refusals()).isZero();
    assertThat(budget.state().shortWindow().used()).isEqualTo(1);
  }

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    synchronized void advanceTo(Instant target) {
      if (target.isAfter(now)) {
        now = target;
      }
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

  /** Counts like Polar: two windows from first use, 429 past either, a refused request still counts long. */
  static final class MiniPolar extends Dispatcher {
    private final Clock clock;
    private final Duration shortLength;
    private final int shortLimit;
    private final Duration longLength;
    private final int longLimit;
    private final boolean headers;
    private @Nullable Instant shortStart;
    private @Nullable Instant longStart;
    private int shortUsed;
    private int longUsed;
    private int requests;
    private int refusals;
    private int busiest;
    private final List<Instant> arrivals = new ArrayList<>();

    MiniPolar(
        Clock clock,
        Duration shortLength,
        int shortLimit,
        Duration longLength,
        int longLimit,
        boolean headers) {
      this.clock = clock;
      this.shortLength = shortLength;
      this.shortLimit = shortLimit;
      this.longLength = longLength;
      this.longLimit = longLimit;
      this.headers = headers;
    }

    synchronized void othersUse(int n) {
      for (int i = 0; i < n; i++) {
        count(clock.instant());
      }
    }

    synchronized int requests() {
      return requests;
    }

    synchronized int refusals() {
      return refusals;
    }

    synchronized int busiestShortWindow() {
      return busiest;
    }

    synchronized List<Instant> arrivals() {
      return List.copyOf(arrivals);
    }

    private boolean count(Instant now) {
      if (shortStart == null || !now.isBefore(shortStart.plus(shortLength))) {
        shortStart = now;
        shortUsed = 0;
      }
      if (longStart == null || !now.isBefore(longStart.plus(longLength))) {
        longStart = now;
        longUsed = 0;
      }
      longUsed++;
      boolean allowed = longUsed <= longLimit;
      if (shortUsed < shortLimit) {
        shortUsed++;
        busiest = Math.max(busiest, shortUsed);
      } else {
        allowed = false;
      }
      return allowed;
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
      Instant now = clock.instant();
      requests++;
      arrivals.add(now);
      boolean allowed = count(now);
      MockResponse.Builder b =
          new MockResponse.Builder().addHeader("Content-Type", "application/json");
      if (allowed) {
        b.code(200).body("{\"nights\": []}");
      } else {
        refusals++;
        b.code(429).body("{\"status\":429,\"errorType\":\"TOO_MANY_REQUESTS\",\"message\":\"x\"}");
      }
      if (headers) {
        b.addHeader("RateLimit-Usage", shortUsed + ", " + longUsed)
            .addHeader("RateLimit-Limit", shortLimit + ", " + longLimit)
            .addHeader(
                "RateLimit-Reset",
                left(now, shortStart.plus(shortLength)) + ", "
                    + left(now, longStart.plus(longLength)));
      }
      return b.build();
    }

    private static long left(Instant now, Instant end) {
      Duration d = Duration.between(now, end);
      return d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
    }
  }
}

package dev.accesslink4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accesslink4j.errors.AccessLinkIOException;
import dev.accesslink4j.errors.NotFoundException;
import dev.accesslink4j.generated.api.UsersApi;
import dev.accesslink4j.generated.model.User;
import dev.accesslink4j.internal.Transport.Replay;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link UserClient#async()}: results, the SDK's own exceptions, and cancellation that reaches the HTTP call. */
class AsyncTest {
  @RegisterExtension
  final MockAccessLink mock = MockAccessLink.withoutRetries();

  private static User getUser(UserClient u, long id) {
    return u.context()
        .transport()
        .execute(u.context().create(UsersApi.class).getUser(id), Replay.SAFE)
        .body()
        .orElseThrow();
  }

  @Test
  void deliversTheResultOffTheCallingThread() throws Exception {
    mock.enqueueJson(200, "{\"polar-user-id\": 42, \"member-id\": \"m-42\"}");
    AtomicReference<String> thread = new AtomicReference<>();

    CompletableFuture<User> future = mock.user().async().call(u -> {
      thread.set(Thread.currentThread().getName());
      return getUser(u, 42L);
    });

    assertThat(future.get(5, TimeUnit.SECONDS).getMemberId()).isEqualTo("m-42");
    assertThat(thread.get()).startsWith("accesslink-async-");
    assertThat(mock.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Bearer " + MockAccessLink.TOKEN);
  }

  @Test
  void failsWithTheSdkExceptionItself() throws Exception {
    mock.enqueueJson(404, "{\"errorType\":\"NOT_FOUND\",\"corrId\":\"c-9\"}");

    CompletableFuture<User> future = mock.user().async().call(u -> getUser(u, 7L));

    assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isExactlyInstanceOf(NotFoundException.class)
        .hasMessageContaining("[corr_id c-9]");
    Throwable seen = future.handle((value, error) -> error).get();
    assertThat(seen).isExactlyInstanceOf(NotFoundException.class);
    assertThat(((NotFoundException) seen).path()).isEqualTo("/v3/users/7");
  }

  @Test
  void cancellingAbortsTheRequestInFlight() throws Exception {
    mock.enqueue(new MockResponse.Builder()
        .headersDelay(10, TimeUnit.SECONDS)
        .body("{\"polar-user-id\": 1}")
        .build());
    CompletableFuture<Throwable> seenByTheCall = new CompletableFuture<>();

    CompletableFuture<User> future = mock.user().async().call(u -> {
      try {
        return getUser(u, 1L);
      } catch (RuntimeException e) {
        seenByTheCall.complete(e);
        throw e;
      }
    });
    mock.takeRequest(); // the request is on the wire, the server is stalling
    long start = System.nanoTime();

    assertThat(future.cancel(true)).isTrue();

    Throwable aborted = seenByTheCall.get(2, TimeUnit.SECONDS);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(aborted)
        .isExactlyInstanceOf(AccessLinkIOException.class)
        .hasMessage("GET /v3/users/1 was cancelled");
    assertThat(future).isCancelled();
  }

  @Test
  void cancellingStopsADownloadMidStream() throws Exception {
    byte[] fit = TestFiles.syntheticFit(256 * 1024, 1);
    mock.enqueue(new MockResponse.Builder()
        .setHeader("Content-Type", "application/octet-stream")
        .body(new okio.Buffer().write(fit))
        .throttleBody(16 * 1024, 1, TimeUnit.SECONDS)
        .build());
    CountDownLatch streaming = new CountDownLatch(1);
    CompletableFuture<Throwable> seenByTheCall = new CompletableFuture<>();
    ByteArrayOutputStream out = new ByteArrayOutputStream() {
      @Override
      public synchronized void write(byte[] b, int off, int len) {
        super.write(b, off, len);
        streaming.countDown();
      }
    };

    CompletableFuture<Long> future = mock.user().async().call(u -> {
      try {
        return u.exercises().fit("abc", out);
      } catch (RuntimeException e) {
        seenByTheCall.complete(e);
        throw e;
      }
    });
    assertThat(streaming.await(5, TimeUnit.SECONDS)).isTrue();

    future.cancel(true);

    assertThat(seenByTheCall.get(2, TimeUnit.SECONDS)).isInstanceOf(AccessLinkIOException.class);
    assertThat(out.size()).isLessThan(fit.length);
  }

  @Test
  void cancellingWakesARetryWaitAndSendsNothingMore() throws Exception {
    try (MockWebServer server = FastMockWebServer.create()) {
      server.start();
      server.enqueue(MockAccessLink.shortWindowExhausted(30));
      server.enqueue(new MockResponse.Builder().body("{\"polar-user-id\": 1}").build());
      try (AccessLink client = AccessLink.builder()
          .clientId("id")
          .clientSecret(ClientSecret.of("secret"))
          .apiUrl(server.url("/").uri())
          .retryPolicy(
              RetryPolicy.builder().maxRateLimitWait(Duration.ofSeconds(60)).build())
          .build()) {
        CompletableFuture<Throwable> seenByTheCall = new CompletableFuture<>();
        CompletableFuture<User> future = client
            .user(AccessToken.of("t"))
            .async()
            .call(u -> {
              try {
                return getUser(u, 1L);
              } catch (RuntimeException e) {
                seenByTheCall.complete(e);
                throw e;
              }
            });
        server.takeRequest(5, TimeUnit.SECONDS);
        Thread.sleep(200); // now waiting out the 30 s reset

        future.cancel(true);

        assertThat(seenByTheCall.get(2, TimeUnit.SECONDS))
            .hasMessage("GET /v3/users/1 was cancelled");
        assertThat(server.takeRequest(300, TimeUnit.MILLISECONDS)).isNull();
      }
    }
  }

  @Test
  void cancelledBeforeItRunsTheFunctionNeverRuns() {
    Queue<Runnable> queued = new ArrayDeque<>();
    AtomicBoolean ran = new AtomicBoolean();

    CompletableFuture<String> future = mock.user()
        .async()
        .withExecutor(queued::add)
        .call(u -> {
          ran.set(true);
          return "ran";
        });
    future.cancel(false);
    queued.forEach(Runnable::run);

    assertThat(ran).isFalse();
    assertThat(future).isCancelled();
    assertThat(mock.server().getRequestCount()).isZero();
  }

  @Test
  void runsOnTheSuppliedExecutor() throws Exception {
    ExecutorService executor =
        Executors.newSingleThreadExecutor(r -> new Thread(r, "my-own-executor"));
    try (AccessLink client = AccessLink.builder()
        .clientId("id")
        .clientSecret(ClientSecret.of("secret"))
        .apiUrl(mock.server().url("/").uri())
        .asyncExecutor(executor)
        .build()) {
      CompletableFuture<String> future = client
          .user(AccessToken.of("t"))
          .async()
          .call(u -> Thread.currentThread().getName());

      assertThat(future.get(5, TimeUnit.SECONDS)).isEqualTo("my-own-executor");
    } finally {
      assertThat(executor.isShutdown())
          .as("a supplied executor is not shut down")
          .isFalse();
      executor.shutdown();
    }
  }

  @Test
  void aClosedClientRefusesNewCalls() {
    AccessLink client = AccessLink.builder()
        .clientId("id")
        .clientSecret(ClientSecret.of("secret"))
        .apiUrl(mock.server().url("/").uri())
        .build();
    UserClient user = client.user(AccessToken.of("t"));
    client.close();

    CompletableFuture<String> future = user.async().call(u -> "never");

    assertThat(future).isCompletedExceptionally();
    assertThatThrownBy(future::join)
        .cause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void theAsyncViewPrintsNoToken() {
    assertThat(mock.user().async().toString())
        .doesNotContain(MockAccessLink.TOKEN)
        .contains("██");
    assertThat(mock.user().async().sync().token().reveal()).isEqualTo(MockAccessLink.TOKEN);
  }
}

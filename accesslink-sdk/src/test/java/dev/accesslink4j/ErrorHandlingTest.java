package dev.accesslink4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.accesslink4j.errors.AccessLinkIOException;
import dev.accesslink4j.errors.BadRequestException;
import dev.accesslink4j.errors.ConflictException;
import dev.accesslink4j.errors.ConsentRequiredException;
import dev.accesslink4j.errors.InvalidResponseException;
import dev.accesslink4j.errors.NotFoundException;
import dev.accesslink4j.errors.RateLimitException;
import dev.accesslink4j.errors.ServerException;
import dev.accesslink4j.errors.ServiceException;
import dev.accesslink4j.errors.UnauthorizedException;
import dev.accesslink4j.errors.UnexpectedStatusException;
import dev.accesslink4j.generated.api.UsersApi;
import dev.accesslink4j.generated.model.User;
import dev.accesslink4j.internal.Transport.Replay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a caller sees for every kind of failed exchange: the exception type per status with Polar's error details in
 * both body shapes, unparseable success bodies, tolerated model drift, timeouts and dropped connections.
 */
class ErrorHandlingTest {
  @RegisterExtension
  final MockAccessLink mock = MockAccessLink.withoutRetries();

  private static final String PATH = "/v3/users/42";

  static Stream<Arguments> statuses() {
    return Stream.of(
        Arguments.of(400, BadRequestException.class),
        Arguments.of(401, UnauthorizedException.class),
        Arguments.of(403, ConsentRequiredException.class),
        Arguments.of(404, NotFoundException.class),
        Arguments.of(409, ConflictException.class),
        Arguments.of(429, RateLimitException.class),
        Arguments.of(500, ServerException.class),
        Arguments.of(502, ServerException.class),
        Arguments.of(503, ServerException.class),
        Arguments.of(418, UnexpectedStatusException.class));
  }

  private ApiResponse<User> getUser() {
    UserClient user = mock.user();
    return user.context()
        .transport()
        .execute(user.context().create(UsersApi.class).getUser(42L), Replay.SAFE);
  }

  private ServiceException failure() {
    Throwable thrown = catchThrowable(this::getUser);
    assertThat(thrown).isInstanceOf(ServiceException.class);
    return (ServiceException) thrown;
  }

  @ParameterizedTest(name = "HTTP {0} with a flat camelCase body -> {1}")
  @MethodSource("statuses")
  void flatErrorBody(int status, Class<? extends ServiceException> type) {
    mock.enqueueJson(
        status,
        "{\"timestamp\":\"2025-03-01T10:00:00.000Z\",\"status\":" + status
            + ",\"errorType\":\"SOME_ERROR\","
            + "\"message\":\"Something is off\",\"corrId\":\"c0ffee-1\"}");

    ServiceException e = failure();

    assertThat(e).isExactlyInstanceOf(type);
    assertThat(e.status()).isEqualTo(status);
    assertThat(e.method()).isEqualTo("GET");
    assertThat(e.path()).isEqualTo(PATH);
    assertThat(e.errorType()).contains("SOME_ERROR");
    assertThat(e.polarMessage()).contains("Something is off");
    assertThat(e.correlationId()).contains("c0ffee-1");
    assertThat(e.rateLimit()).isPresent();
    assertThat(e.getMessage())
        .startsWith(
            "GET " + PATH + " failed with HTTP " + status + " (SOME_ERROR): Something is off")
        .contains("[corr_id c0ffee-1]");
    assertThat(mock.takeRequest().getTarget()).isEqualTo(PATH);
  }

  @ParameterizedTest(name = "HTTP {0} with a wrapped snake_case body -> {1}")
  @MethodSource("statuses")
  void wrappedErrorBody(int status, Class<? extends ServiceException> type) {
    mock.enqueueJson(
        status,
        "{\"error\":{\"timestamp\":\"2025-03-01T10:00:00Z\",\"status\":" + status + ","
            + "\"error_type\":\"WRAPPED_ERROR\",\"message\":\"Wrapped message\",\"corr_id\":\"corr-77\"}}");

    ServiceException e = failure();

    assertThat(e).isExactlyInstanceOf(type);
    assertThat(e.status()).isEqualTo(status);
    assertThat(e.method()).isEqualTo("GET");
    assertThat(e.path()).isEqualTo(PATH);
    assertThat(e.errorType()).contains("WRAPPED_ERROR");
    assertThat(e.polarMessage()).contains("Wrapped message");
    assertThat(e.correlationId()).contains("corr-77");
    assertThat(e.getMessage()).contains("(WRAPPED_ERROR)").contains("[corr_id corr-77]");
  }

  @ParameterizedTest(name = "HTTP {0} with an HTML error page -> {1}")
  @MethodSource("statuses")
  void htmlErrorPage(int status, Class<? extends ServiceException> type) {
    mock.enqueue(new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "text/html")
        .body("<html><head><title>Bad Gateway</title></head><body><h1>nginx</h1></body></html>")
        .build());

    ServiceException e = failure();

    assertThat(e).isExactlyInstanceOf(type);
    assertThat(e.status()).isEqualTo(status);
    assertThat(e.path()).isEqualTo(PATH);
    assertThat(e.errorType()).isEmpty();
    assertThat(e.correlationId()).isEmpty();
    assertThat(e.polarMessage()).isEmpty();
    assertThat(e.bodySnippet()).contains("<title>Bad Gateway</title>");
    assertThat(e.getMessage())
        .startsWith("GET " + PATH + " failed with HTTP " + status)
        .doesNotContain("<html>");
  }

  @ParameterizedTest(name = "HTTP {0} with an empty body -> {1}")
  @MethodSource("statuses")
  void emptyErrorBody(int status, Class<? extends ServiceException> type) {
    mock.enqueueStatus(status);

    ServiceException e = failure();

    assertThat(e).isExactlyInstanceOf(type);
    assertThat(e.status()).isEqualTo(status);
    assertThat(e.method()).isEqualTo("GET");
    assertThat(e.path()).isEqualTo(PATH);
    assertThat(e.errorType()).isEmpty();
    assertThat(e.correlationId()).isEmpty();
    assertThat(e.bodySnippet()).isEmpty();
    assertThat(e.rateLimit()).isEmpty();
  }

  @Test
  void messagesCarryAHintForTheStatusesACallerActsOn() {
    mock.enqueueStatus(401).enqueueStatus(403).enqueueStatus(429).enqueueStatus(503);

    assertThat(failure().getMessage()).contains("link the user again");
    assertThat(failure().getMessage()).contains("https://account.polar.com");
    assertThat(failure().getMessage()).contains("no RateLimit-Reset header");
    assertThat(failure().getMessage()).contains("try again later");
  }

  /** Any character a terminal would act on: C0 and C1 controls, DEL, bidirectional formatting, line separators. */
  private static final String UNSAFE =
      "[\\p{Cc}\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069\\u2028\\u2029]";

  @Test
  void controlCharactersInPolarsErrorAreEscapedInTheMessageAndTheDetails() {
    // JSON escapes, so that any parser reads them: Gson hands the raw characters to the SDK.
    mock.enqueueJson(
        400,
        "{\"errorType\":\"BAD\\u001b[31m\",\"message\":\"Date \\u001b[2J\\u001b]0;pwned\\u0007 is off\\r\\n"
            + "INFO forged line \\u202etxt.exe\",\"corrId\":\"c\\u009b1\"}");

    ServiceException e = failure();

    assertThat(e).isExactlyInstanceOf(BadRequestException.class);
    assertThat(e.getMessage())
        .startsWith("GET " + PATH
            + " failed with HTTP 400 (BAD\\u001B[31m): Date \\u001B[2J\\u001B]0;pwned\\u0007 is off"
            + "\\u000D\\u000AINFO forged line \\u202Etxt.exe [corr_id c\\u009B1]. Check the dates")
        .doesNotContainPattern(UNSAFE);
    assertThat(e.errorType()).contains("BAD\\u001B[31m");
    assertThat(e.polarMessage())
        .hasValueSatisfying(m -> assertThat(m).doesNotContainPattern(UNSAFE));
    assertThat(e.correlationId()).contains("c\\u009B1");
  }

  @Test
  void rawControlCharactersInAnErrorPageAreEscapedInTheSnippet() {
    mock.enqueue(new MockResponse.Builder()
        .code(502)
        .setHeader("Content-Type", "text/html")
        .body("\u001b[2J<html>\u009b31m bad\u007f gateway\n</html>")
        .build());

    ServiceException e = failure();

    assertThat(e.bodySnippet())
        .isEqualTo("\\u001B[2J<html>\\u009B31m bad\\u007F gateway\\u000A</html>");
    assertThat(e.getMessage()).doesNotContainPattern(UNSAFE);
  }

  @Test
  void rawControlCharactersInAnUnparseableBodyAreEscapedInTheSnippet() {
    mock.enqueueJson(200, "not json \u001b]0;title\u0007");

    InvalidResponseException e = (InvalidResponseException) catchThrowable(this::getUser);

    assertThat(e.bodySnippet()).isEqualTo("not json \\u001B]0;title\\u0007");
    assertThat(e.getMessage()).doesNotContainPattern(UNSAFE);
  }

  @Test
  void aTestBuildsTheExceptionTheSdkThrowsTheSameWay() {
    String body = "{\"errorType\":\"NOT_FOUND\",\"message\":\"No such user\",\"corrId\":\"c-1\"}";
    mock.enqueueJson(404, body);

    ServiceException thrown = failure();
    ServiceException.ErrorDetails details = ServiceException.ErrorDetails.of(404, "GET", PATH)
        .withErrorType("NOT_FOUND")
        .withPolarMessage("No such user")
        .withCorrelationId("c-1")
        .withRateLimit(thrown.rateLimit().orElseThrow())
        .withBodySnippet(body);
    NotFoundException built = new NotFoundException(details);

    assertThat(thrown.details()).isEqualTo(details).hasSameHashCodeAs(details);
    assertThat(built).hasMessage(thrown.getMessage());
    assertThat(built.getMessage())
        .isEqualTo("GET " + PATH
            + " failed with HTTP 404 (NOT_FOUND): No such user [corr_id c-1]. The resource does"
            + " not exist (or no longer exists)");
    assertThat(ServiceException.ErrorDetails.of(404, "GET", PATH).errorType()).isEmpty();
    assertThat(ServiceException.ErrorDetails.of(404, "GET", PATH).bodySnippet()).isEmpty();
  }

  @Test
  void oauthStyleErrorBodyGivesTheErrorCodeAndDescription() {
    mock.enqueueJson(
        400, "{\"error\":\"invalid_grant\",\"error_description\":\"The code has expired\"}");

    ServiceException e = failure();

    assertThat(e).isExactlyInstanceOf(BadRequestException.class);
    assertThat(e.errorType()).contains("invalid_grant");
    assertThat(e.polarMessage()).contains("The code has expired");
  }

  @Test
  void onlyTheStartOfAnErrorPageIsRead() {
    // 16 KiB arrive at once, the rest only after 5 s: reading the page whole would take that long.
    String page = "<html>" + "x".repeat(64 * 1024) + "</html>";
    mock.enqueue(new MockResponse.Builder()
        .code(502)
        .body(page)
        .throttleBody(16 * 1024, 5, TimeUnit.SECONDS)
        .build());
    long start = System.nanoTime();

    ServiceException e = failure();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    assertThat(e).isExactlyInstanceOf(ServerException.class);
    assertThat(e.bodySnippet()).startsWith("<html>xxx").hasSizeLessThanOrEqualTo(513);
  }

  static Stream<Arguments> unparseableBodies() {
    return Stream.of(
        Arguments.of("malformed JSON", "{\"polar-user-id\": 42,, }", "the body is not valid JSON"),
        Arguments.of(
            "truncated JSON",
            "{\"polar-user-id\": 42, \"member-id\": \"abc",
            "the JSON body is cut short"),
        Arguments.of("empty body", "", "the body is empty where JSON was expected"),
        Arguments.of(
            "HTML page",
            "<!DOCTYPE html><html><body>Service maintenance</body></html>",
            "the body is not valid JSON"),
        Arguments.of(
            "wrong-typed value",
            "{\"polar-user-id\": \"forty-two\"}",
            "the body does not match the expected JSON shape at $.polar-user-id"),
        Arguments.of(
            "array instead of object",
            "[1, 2, 3]",
            "the body does not match the expected JSON shape"),
        Arguments.of("two documents", "{\"polar-user-id\": 1} {\"polar-user-id\": 2}", "the body"));
  }

  @ParameterizedTest(name = "HTTP 200 with {0}")
  @MethodSource("unparseableBodies")
  void unparseableSuccessBodyIsAnInvalidResponse(String what, String body, String reason) {
    mock.enqueueJson(200, body);

    Throwable thrown = catchThrowable(this::getUser);

    assertThat(thrown).isExactlyInstanceOf(InvalidResponseException.class);
    InvalidResponseException e = (InvalidResponseException) thrown;
    assertThat(e.status()).isEqualTo(200);
    assertThat(e.bodySnippet()).isEqualTo(body);
    assertThat(e.getMessage())
        .startsWith("GET " + PATH + " answered HTTP 200 but ")
        .contains(reason);
  }

  @Test
  void invalidResponseFromAnotherSuccessStatusKeepsThatStatus() {
    mock.enqueueJson(201, "not json");

    Throwable thrown = catchThrowable(this::getUser);

    assertThat(thrown)
        .isInstanceOfSatisfying(
            InvalidResponseException.class, e -> assertThat(e.status()).isEqualTo(201));
  }

  @Test
  void invalidResponseSnippetIsRedactedAndTruncated() {
    String body =
        "{\"access_token\": \"tok-SECRET-1\", \"client_secret\":\"sec-SECRET-2\", \"polar-user-id\": \"x\", "
            + "\"pad\": \"" + "p".repeat(1000) + "\"}";
    mock.enqueueJson(200, body);

    InvalidResponseException e = (InvalidResponseException) catchThrowable(this::getUser);

    assertThat(e.bodySnippet())
        .startsWith("{\"access_token\": \"██\", \"client_secret\":\"██\", \"polar-user-id\": \"x\"")
        .doesNotContain("SECRET")
        .hasSizeLessThanOrEqualTo(513);
  }

  @Test
  void aCutShortSecretValueIsRedactedToo() {
    mock.enqueueJson(200, "{\"polar-user-id\": 1, \"access_token\": \"tok-SECRET-");

    InvalidResponseException e = (InvalidResponseException) catchThrowable(this::getUser);

    assertThat(e.bodySnippet()).isEqualTo("{\"polar-user-id\": 1, \"access_token\": \"██\"");
  }

  @Test
  void theParseFailureNeverQuotesTheOffendingValue() {
    mock.enqueueJson(200, "{\"polar-user-id\": \"value-SECRET-42\"}");

    InvalidResponseException e = (InvalidResponseException) catchThrowable(this::getUser);

    for (Throwable t = e; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain("SECRET");
    }
  }

  @Test
  void unknownEnumValueBecomesTheUnknownConstant() {
    mock.enqueueJson(200, "{\"polar-user-id\": 42, \"gender\": \"SOMETHING_NEW\"}");

    User user = getUser().body().orElseThrow();

    assertThat(user.getPolarUserId()).isEqualTo(42L);
    assertThat(user.getGender()).isEqualTo(User.GenderEnum.UNKNOWN_DEFAULT_OPEN_API);
  }

  @Test
  void unknownFieldsAreIgnored() {
    mock.enqueueJson(
        200,
        "{\"polar-user-id\": 42, \"brand-new\": {\"nested\": [1, {\"x\": null}]}, \"member-id\": \"m-1\","
            + " \"another\": 3.5}");

    User user = getUser().body().orElseThrow();

    assertThat(user.getPolarUserId()).isEqualTo(42L);
    assertThat(user.getMemberId()).isEqualTo("m-1");
  }

  @Test
  void noContentIsAnEmptyBodyNotAnError() {
    mock.enqueueStatus(204);

    ApiResponse<User> response = getUser();

    assertThat(response.status()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void everyOutcomeReleasesItsConnection() {
    ProbeApi probe = mock.user().context().create(ProbeApi.class);
    UsersApi users = mock.user().context().create(UsersApi.class);
    var transport = mock.user().context().transport();
    mock.enqueueJson(200, "{\"ignored\": \"a body nobody reads\"}"); // Void with a body
    mock.enqueueStatus(204);
    mock.enqueueJson(404, "{\"errorType\":\"NOT_FOUND\"}");
    mock.enqueueJson(200, "{\"polar-user-id\": \"bad\", \"rest\": \"" + "r".repeat(10_000) + "\"}");
    mock.enqueueJson(200, "{\"polar-user-id\": 1}");
    mock.enqueueJson(200, "{\"polar-user-id\": 2}");

    transport.execute(probe.readVoid(), Replay.SAFE);
    transport.execute(probe.readVoid(), Replay.SAFE);
    catchThrowable(() -> transport.execute(users.getUser(1L), Replay.SAFE));
    catchThrowable(() -> transport.execute(users.getUser(1L), Replay.SAFE));
    transport.execute(users.getUser(1L), Replay.SAFE);
    transport.execute(users.getUser(1L), Replay.SAFE);

    // A body left open pins its connection, and the next call would need a new one.
    for (int i = 0; i < 6; i++) {
      RecordedRequest request = mock.takeRequest();
      assertThat(request.getConnectionIndex()).as("connection of request %d", i).isZero();
      assertThat(request.getExchangeIndex()).isEqualTo(i);
    }
  }

  private AccessLink clientWithReadTimeout(MockWebServer server, Duration readTimeout) {
    return AccessLink.builder()
        .clientId(MockAccessLink.CLIENT_ID)
        .clientSecret(ClientSecret.of(MockAccessLink.CLIENT_SECRET))
        .apiUrl(server.url("/").uri())
        .readTimeout(readTimeout)
        .retryPolicy(RetryPolicy.disabled())
        .build();
  }

  private static ApiResponse<User> getUser(AccessLink client) {
    UserClient user = client.user(AccessToken.of(MockAccessLink.TOKEN));
    return user.context()
        .transport()
        .execute(user.context().create(UsersApi.class).getUser(42L), Replay.SAFE);
  }

  @Test
  void slowHeadersAreATimeout() {
    mock.enqueue(new MockResponse.Builder()
        .headersDelay(2, TimeUnit.SECONDS)
        .body("{\"polar-user-id\": 1}")
        .build());
    try (AccessLink client = clientWithReadTimeout(mock.server(), Duration.ofMillis(200))) {
      long start = System.nanoTime();

      Throwable thrown = catchThrowable(() -> getUser(client));

      assertThat(thrown).isExactlyInstanceOf(AccessLinkIOException.class);
      AccessLinkIOException e = (AccessLinkIOException) thrown;
      assertThat(e.isTimeout()).isTrue();
      assertThat(e.getMessage()).isEqualTo("GET " + PATH + " timed out");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
    }
  }

  @Test
  void aBodyThatStallsMidwayIsATimeout() {
    mock.enqueue(new MockResponse.Builder()
        .setHeader("Content-Type", "application/json")
        .body("{\"polar-user-id\": 1, \"member-id\": \"" + "m".repeat(200) + "\"}")
        .throttleBody(20, 2, TimeUnit.SECONDS)
        .build());
    try (AccessLink client = clientWithReadTimeout(mock.server(), Duration.ofMillis(200))) {
      Throwable thrown = catchThrowable(() -> getUser(client));

      assertThat(thrown).isExactlyInstanceOf(AccessLinkIOException.class);
      assertThat(((AccessLinkIOException) thrown).isTimeout()).isTrue();
    }
  }

  @Test
  void aDroppedConnectionIsAnIoFailure() {
    mock.enqueue(new MockResponse.Builder()
        .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
        .build());
    mock.enqueueJson(200, "{\"polar-user-id\": 1}");

    Throwable thrown = catchThrowable(this::getUser);

    assertThat(thrown).isExactlyInstanceOf(AccessLinkIOException.class);
    assertThat(mock.server().getRequestCount())
        .as("OkHttp must not replay it by itself")
        .isEqualTo(1);
    AccessLinkIOException e = (AccessLinkIOException) thrown;
    assertThat(e.isTimeout()).isFalse();
    assertThat(e.getMessage()).startsWith("GET " + PATH + " failed on the network (");
    assertThat(e.getCause()).isInstanceOf(java.io.IOException.class);
  }

  @Test
  void aConnectionResetMidBodyIsAnIoFailureNotAnInvalidResponse() {
    Buffer body = new Buffer()
        .writeUtf8("{\"polar-user-id\": 1, \"member-id\": \"" + "m".repeat(5000) + "\"}");
    mock.enqueue(new MockResponse.Builder()
        .setHeader("Content-Type", "application/json")
        .body(body)
        .onResponseBody(new SocketEffect.CloseSocket(true, false, false))
        .build());

    Throwable thrown = catchThrowable(this::getUser);

    assertThat(thrown).isExactlyInstanceOf(AccessLinkIOException.class);
    assertThat(((AccessLinkIOException) thrown).isTimeout()).isFalse();
  }

  @Test
  void nothingListeningIsAnIoFailure() throws Exception {
    MockWebServer closed = new MockWebServer();
    closed.start();
    var url = closed.url("/").uri();
    closed.close();
    try (AccessLink client = AccessLink.builder()
        .clientId("id")
        .clientSecret(ClientSecret.of("secret"))
        .apiUrl(url)
        .retryPolicy(RetryPolicy.disabled())
        .build()) {
      Throwable thrown = catchThrowable(() -> getUser(client));

      assertThat(thrown).isExactlyInstanceOf(AccessLinkIOException.class);
      assertThat(((AccessLinkIOException) thrown).isTimeout()).isFalse();
    }
  }
}

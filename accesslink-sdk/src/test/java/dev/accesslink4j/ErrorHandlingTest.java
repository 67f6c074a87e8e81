package dev.accesslink4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a caller sees when AccessLink answers with an error status: the exception type per status with Polar's error
 * details in both body shapes, the hints, escaped control characters and the details a test can build the same way.
 * Unreadable success bodies are in {@link InvalidResponseTest}, network failures in {@link NetworkFailureTest}.
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
}

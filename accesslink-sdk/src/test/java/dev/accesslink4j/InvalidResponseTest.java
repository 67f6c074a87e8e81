package dev.accesslink4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.accesslink4j.errors.InvalidResponseException;
import dev.accesslink4j.generated.api.UsersApi;
import dev.accesslink4j.generated.model.User;
import dev.accesslink4j.internal.Transport.Replay;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a caller sees when a success answer cannot be read: unparseable bodies are an {@link InvalidResponseException}
 * with a redacted, truncated snippet and never the offending value; tolerated model drift (unknown enum values and
 * fields) and 204 "no content" are not errors.
 */
class InvalidResponseTest {
  @RegisterExtension
  final MockAccessLink mock = MockAccessLink.withoutRetries();

  private static final String PATH = "/v3/users/42";

  private ApiResponse<User> getUser() {
    UserClient user = mock.user();
    return user.context()
        .transport()
        .execute(user.context().create(UsersApi.class).getUser(42L), Replay.SAFE);
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
}

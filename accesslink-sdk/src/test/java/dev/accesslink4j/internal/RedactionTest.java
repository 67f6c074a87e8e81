package dev.accesslink4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What {@link Redaction#snippet(String)} removes from text a server sent. */
class RedactionTest {
  @AfterEach
  void forgetCredentials() {
    SentCredentials.remove();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"access_token\":\"abc\"}|{\"access_token\":\"██\"}",
        "{\"access_token\" : \"a\\\"b\\\\c\", \"x\":1}|{\"access_token\" : \"██\", \"x\":1}",
        "{\"client_secret\": \"cut-off|{\"client_secret\": \"██\"",
        "{\"access_token\": abc123}|{\"access_token\": \"██\"}",
        "{\"signature_secret_key\":\"k\",\"id\":\"7\"}|{\"signature_secret_key\":\"██\",\"id\":\"7\"}",
        "{\"x-api-token\":\"t\",\"Password\":\"p\"}|{\"x-api-token\":\"██\",\"Password\":\"██\"}",
        "code=abc&state=xyz|code=██&state=xyz",
        "grant_type=authorization_code&code=abc|grant_type=authorization_code&code=██",
        "{\"msg\":\"client_secret=abc rejected\"}|{\"msg\":\"client_secret=██ rejected\"}",
        "zipcode=12345|zipcode=12345",
        "Authorization: Bearer abc.def-ghi|Authorization: Bearer ██",
        "header was basic dXNlcjpwYXNz==|header was basic ██",
        "{\"errorType\":\"NOT_FOUND\",\"corrId\":\"c-1\"}|{\"errorType\":\"NOT_FOUND\",\"corrId\":\"c-1\"}",
      })
  void redactsCredentialLookingValues(String text, String expected) {
    assertThat(Redaction.snippet(text)).isEqualTo(expected);
  }

  @Test
  void truncatesLongText() {
    assertThat(Redaction.snippet("x".repeat(600))).isEqualTo("x".repeat(512) + "…");
  }

  @Test
  void removesTheCredentialsTheCurrentCallSentWhereverTheyAppear() {
    SentCredentials.record(
        SentCredentials.of("Basic Y2xpZW50OnMzY3JldC12YWx1ZQ==")); // client:s3cret-value

    assertThat(Redaction.snippet(
            "secret s3cret-value for client:s3cret-value, base64 Y2xpZW50OnMzY3JldC12YWx1ZQ=="))
        .isEqualTo("secret ██ for ██, base64 ██");
    assertThat(Redaction.snippet("a message cut off at s3cret-va"))
        .isEqualTo("a message cut off at ██");
    assertThat(Redaction.snippet("the client id alone is not secret: client")).endsWith(": client");
    assertThat(Redaction.snippet("nor with its colon: client:")).endsWith(": client:");
    assertThat(Redaction.snippet("but with the secret's start: client:s3cr")).endsWith(": ██");
  }

  @Test
  void theBearerTokenItself() {
    List<SentCredentials.Sent> sent = SentCredentials.of("Bearer tok-123456");
    SentCredentials.record(sent);

    assertThat(sent).containsExactly(new SentCredentials.Sent("tok-123456", 0));
    assertThat(Redaction.snippet("{\"message\":\"token tok-123456 revoked\"}"))
        .isEqualTo("{\"message\":\"token ██ revoked\"}");
  }

  @Test
  void nothingIsRememberedOutsideACall() {
    SentCredentials.remove();

    assertThat(Redaction.snippet("tok-123456")).isEqualTo("tok-123456");
  }
}

package dev.accesslink4j.internal;

import java.util.regex.Pattern;

/**
 * Removes credential values from text that may end up in an exception or a log line: the exact credentials the
 * current call sent (wherever they are echoed), JSON and form values whose name mentions a token, secret, password,
 * authorization, signature or code (also when the value is cut short), and {@code Bearer}/{@code Basic} credentials.
 */
public final class Redaction {
  private static final String SECRET_NAME =
      "(?:[a-z0-9_.-]*(?:token|secret|password|authorization|signature|credential)[a-z0-9_.-]*|code)";
  /**
   * A JSON member's value: a string, escapes included (an unterminated one runs to the end of the text), or an
   * unquoted token (a number, or the garbage of a malformed body).
   */
  private static final Pattern SECRET_JSON_VALUE = Pattern.compile(
      "(\"" + SECRET_NAME + "\"\\s*:\\s*)(?:\"(?:[^\"\\\\]|\\\\.)*+(?:\"|\\\\?$)|[^\\s,}\\]\"]+)",
      Pattern.CASE_INSENSITIVE);

  private static final Pattern SECRET_FORM_VALUE = Pattern.compile(
      "((?<![a-z0-9_.-])" + SECRET_NAME + "=)[^&\\s\"'<]*", Pattern.CASE_INSENSITIVE);
  private static final Pattern AUTH_SCHEME =
      Pattern.compile("\\b(Bearer|Basic)(\\s+)[A-Za-z0-9._~+/=-]+", Pattern.CASE_INSENSITIVE);
  private static final int MAX_SNIPPET = 512;
  private static final int MIN_PREFIX = 4;

  private Redaction() {}

  /**
   * Redacts the current call's credentials and credential-looking values, and truncates to 512 characters.
   *
   * @param text raw text from a response body
   * @return the safe snippet
   */
  public static String snippet(String text) {
    String redacted = text;
    for (SentCredentials.Sent sent : SentCredentials.current()) {
      redacted = withoutCutPrefix(redacted.replace(sent.value(), "██"), sent);
    }
    redacted = SECRET_JSON_VALUE.matcher(redacted).replaceAll("$1\"██\"");
    redacted = SECRET_FORM_VALUE.matcher(redacted).replaceAll("$1██");
    redacted = AUTH_SCHEME.matcher(redacted).replaceAll("$1$2██");
    return redacted.length() <= MAX_SNIPPET ? redacted : redacted.substring(0, MAX_SNIPPET) + "…";
  }

  /** Removes the start of a credential from the end of a text that was cut off in the middle of it. */
  private static String withoutCutPrefix(String text, SentCredentials.Sent sent) {
    String value = sent.value();
    int shortest = sent.publicPrefix() + MIN_PREFIX;
    for (int k = Math.min(value.length() - 1, text.length()); k >= shortest; k--) {
      if (text.regionMatches(text.length() - k, value, 0, k)) {
        return text.substring(0, text.length() - k) + "██";
      }
    }
    return text;
  }
}

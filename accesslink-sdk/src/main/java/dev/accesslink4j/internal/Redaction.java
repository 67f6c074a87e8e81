package dev.accesslink4j.internal;

import java.util.regex.Pattern;

/** Removes credential values from text that may end up in an exception or a log line. */
public final class Redaction {
  private static final Pattern SECRET_JSON_VALUE =
      Pattern.compile(
          "(\"(?:access_token|refresh_token|client_secret|signature_secret_key|code|password)\"\\s*:\\s*)\"[^\"]*\"",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern SECRET_FORM_VALUE =
      Pattern.compile(
          "((?:^|[?&])(?:access_token|client_secret|code|signature_secret_key)=)[^&\\s]*",
          Pattern.CASE_INSENSITIVE);
  private static final int MAX_SNIPPET = 512;

  private Redaction() {}

  /**
   * Redacts credential-looking JSON and form values and truncates to 512 characters.
   *
   * @param text raw text from a response body
   * @return the safe snippet
   */
  public static String snippet(String text) {
    String redacted = SECRET_JSON_VALUE.matcher(text).replaceAll("$1\"██\"");
    redacted = SECRET_FORM_VALUE.matcher(redacted).replaceAll("$1██");
    return redacted.length() <= MAX_SNIPPET ? redacted : redacted.substring(0, MAX_SNIPPET) + "…";
  }
}

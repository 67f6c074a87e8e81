package dev.accesslink4j.errors;

import org.jspecify.annotations.Nullable;

/**
 * Makes text from outside (Polar's error messages, OAuth error descriptions, a body's first bytes, a parser's
 * complaint about them) safe to log as it is: every character a terminal or log viewer would act on instead of
 * showing is replaced by a visible escape ({@code ESC} becomes <code>&#92;u001B</code>), so a crafted error message
 * can neither clear a screen, recolour or retitle a terminal, forge a log line, nor reorder what is shown. The
 * exceptions pass their messages and the outside text they keep through it, so {@code log.warn(e.getMessage())} is
 * safe.
 *
 * <p>Replaced: the C0 controls U+0000 to U+001F (tab, line feed and carriage return included: one message stays one
 * line), DEL U+007F, the C1 controls U+0080 to U+009F (U+009B alone starts an escape sequence on many terminals), the
 * bidirectional formatting characters U+061C, U+200E, U+200F, U+202A to U+202E and U+2066 to U+2069, and the line and
 * paragraph separators U+2028 and U+2029. Everything else, any other non-ASCII letter included, is kept. It is the
 * rule of the CLI's {@code TerminalText.clean}; escaping twice changes nothing, since an escape is printable ASCII.
 */
final class PrintableText {
  private PrintableText() {}

  /**
   * The text with every character listed in the class description replaced by its escape.
   *
   * @param text the text from outside
   * @return the text, the same instance when there was nothing to escape
   */
  static String escape(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean unsafe = isUnsafe(c);
      if (unsafe && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        if (unsafe) {
          out.append(String.format("\\u%04X", (int) c));
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? text : out.toString();
  }

  /**
   * As {@link #escape(String)}, for a value that may be absent.
   *
   * @param text the text from outside, or null
   * @return the escaped text, or null
   */
  static @Nullable String escapeOrNull(@Nullable String text) {
    return text == null ? null : escape(text);
  }

  /**
   * Whether a character is one a terminal could act on, as listed in the class description.
   *
   * @param c the character
   * @return true when {@link #escape(String)} replaces it
   */
  static boolean isUnsafe(char c) {
    return c < 0x20
        || (c >= 0x7F && c <= 0x9F)
        || c == 0x061C
        || c == 0x200E
        || c == 0x200F
        || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0x2028
        || c == 0x2029;
  }
}

package dev.accesslink4j.examples;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.jspecify.annotations.Nullable;

/**
 * Makes text from outside (Polar's error messages and OAuth error descriptions, webhook event types, keys and file
 * names taken from data) safe to print on a terminal: every character a terminal or log viewer would act on instead
 * of showing is replaced by a visible escape such as <code>&#92;u001B</code>, so a crafted string can neither clear the
 * screen, change colours or the window title, move the cursor, forge extra lines, nor reorder what is shown.
 *
 * <p>Replaced: the C0 controls U+0000 to U+001F (in {@link #clean} also tab, line feed and carriage return: one
 * line of output stays one line), DEL U+007F, the C1 controls U+0080 to U+009F (U+009B alone starts an escape
 * sequence on many terminals), the bidirectional formatting characters U+061C, U+200E, U+200F, U+202A to U+202E and
 * U+2066 to U+2069 (a right-to-left override makes {@code txt.exe} look like {@code exe.txt}), and the line and
 * paragraph separators U+2028 and U+2029. Everything else, including any other non-ASCII letter, is kept.
 */
public final class TerminalText {
  private TerminalText() {}

  /**
   * The text as one safe line: every character listed in the class description replaced by its escape.
   *
   * @param text the text from outside; null prints as {@code null}
   * @return the safe text
   */
  public static String clean(@Nullable CharSequence text) {
    return escape(text == null ? "null" : text, false);
  }

  /**
   * The text with its line structure kept: as {@link #clean}, but line feeds and tabs stay (a stack trace).
   *
   * @param text the text
   * @return the safe text
   */
  public static String cleanLines(CharSequence text) {
    return escape(text, true);
  }

  /**
   * A writer that passes everything written to it through {@link #cleanLines} before {@code out}: for output that is
   * not built line by line here, such as a stack trace whose messages quote a server.
   *
   * @param out where the safe text goes
   * @return the writer; flushing or closing it flushes or closes {@code out}
   */
  public static PrintWriter safe(Writer out) {
    return new PrintWriter(
        new Writer() {
          @Override
          public void write(char[] buf, int off, int len) {
            try {
              out.write(cleanLines(new String(buf, off, len)));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }

          @Override
          public void flush() throws IOException {
            out.flush();
          }

          @Override
          public void close() throws IOException {
            out.close();
          }
        },
        true);
  }

  /**
   * Whether a character is one a terminal could act on, as listed in the class description.
   *
   * @param c the character
   * @return true when {@link #clean} replaces it
   */
  public static boolean isUnsafe(char c) {
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

  private static String escape(CharSequence text, boolean keepLines) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean unsafe = isUnsafe(c) && !(keepLines && (c == '\n' || c == '\t'));
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
    return out == null ? text.toString() : out.toString();
  }
}

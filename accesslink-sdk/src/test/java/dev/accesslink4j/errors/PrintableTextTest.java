package dev.accesslink4j.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which characters {@link PrintableText#escape(String)} replaces, and that it leaves every other one alone. */
class PrintableTextTest {
  @ParameterizedTest(name = "U+{0}")
  @ValueSource(
      strings = {
        "0000", "0007", "0009", "000A", "000D", "001B", "001F", "007F", "0080", "009B", "009F",
        "061C", "200E", "200F", "202A", "202E", "2066", "2069", "2028", "2029"
      })
  void everyCharacterATerminalActsOnIsShownAsItsEscape(String hex) {
    char c = (char) Integer.parseInt(hex, 16);

    assertThat(PrintableText.escape("a" + c + "b")).isEqualTo("a\\u" + hex + "b");
    assertThat(PrintableText.isUnsafe(c)).isTrue();
  }

  @Test
  void printableTextIsKeptAsItIsIncludingOtherNonAsciiLetters() {
    String text = "Päivää, 東京 👟 \"quoted\" \\ back-slash ~ 200 OK ‐ U+2010, U+2030 ‰";

    assertThat(PrintableText.escape(text)).isSameAs(text);
  }

  @Test
  void aTerminalSequenceBecomesVisibleText() {
    assertThat(PrintableText.escape("\u001b]0;title\u0007\u001b[2Jline\r\nforged"))
        .isEqualTo("\\u001B]0;title\\u0007\\u001B[2Jline\\u000D\\u000Aforged");
  }

  @Test
  void escapingTwiceChangesNothing() {
    String once = PrintableText.escape("x\u001b[31my\u202e");

    assertThat(PrintableText.escape(once)).isEqualTo(once);
  }

  @Test
  void nullStaysNull() {
    assertThat(PrintableText.escapeOrNull(null)).isNull();
    assertThat(PrintableText.escapeOrNull("\t")).isEqualTo("\\u0009");
  }
}

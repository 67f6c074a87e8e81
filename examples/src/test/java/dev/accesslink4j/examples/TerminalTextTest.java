package dev.accesslink4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accesslink4j.errors.AccessLinkException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Text from outside cannot steer the terminal: every control, C1 and bidi character is shown as an escape. */
class TerminalTextTest {
  static Stream<Arguments> hostileText() {
    return Stream.of(
        Arguments.of(
            "\u001B[2J\u001B[Hhello", "\\u001B[2J\\u001B[Hhello", "clear screen and cursor home"),
        Arguments.of("\u001B[31mred\u001B[0m", "\\u001B[31mred\\u001B[0m", "colour"),
        Arguments.of(
            "\u001B]0;pwned\u0007x", "\\u001B]0;pwned\\u0007x", "window title, ended by BEL"),
        Arguments.of(
            "\u001B]0;pwned\u001B\\x", "\\u001B]0;pwned\\u001B\\x", "window title, ended by ST"),
        Arguments.of("\u009B2J", "\\u009B2J", "C1 control sequence introducer"),
        Arguments.of("a\rb\nc\td\b", "a\\u000Db\\u000Ac\\u0009d\\u0008", "CR, LF, tab, backspace"),
        Arguments.of("nul\u0000 del\u007F", "nul\\u0000 del\\u007F", "NUL and DEL"),
        Arguments.of("\u202Etxt.exe", "\\u202Etxt.exe", "right-to-left override"),
        Arguments.of(
            "x\u2066y\u2069\u200F\u061C", "x\\u2066y\\u2069\\u200F\\u061C", "isolates and marks"),
        Arguments.of("a\u2028b", "a\\u2028b", "line separator"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("hostileText")
  void escapesWhatATerminalWouldActOn(String raw, String shown, String what) {
    assertThat(TerminalText.clean(raw)).isEqualTo(shown);
  }

  @Test
  void keepsOrdinaryTextAndLettersOfEveryScriptAsTheyAre() {
    String text = "Käyttäjä 475: nukkui 7 h — 睡眠 — ошибка (HTTP 400) ✓";

    assertThat(TerminalText.clean(text)).isSameAs(text);
  }

  @Test
  void theMultiLineFormKeepsLinesAndTabsOnly() {
    assertThat(TerminalText.cleanLines("a\n\tat x\u001B[2J\r\n"))
        .isEqualTo("a\n\tat x\\u001B[2J\\u000D\n");
  }

  @Test
  void theSafeWriterCleansAStackTrace() {
    StringWriter out = new StringWriter();
    new IllegalStateException("Polar said \u001B]0;pwned\u0007")
        .printStackTrace(TerminalText.safe(out));

    assertThat(out.toString())
        .startsWith("java.lang.IllegalStateException: Polar said \\u001B]0;pwned\\u0007")
        .contains("\n\tat dev.accesslink4j.examples.TerminalTextTest")
        .doesNotContain("\u001B", "\u0007");
  }

  @Test
  void messagesAreOneSafeLineAndDoNotRepeatTheCause() {
    IllegalStateException other =
        new IllegalStateException("Bad request: \u001B[2Jnope\nsecond line");
    // The SDK escapes its own messages already (one line, the line feed shown as an escape); the
    // CLI adds nothing.
    AccessLinkException polar = new AccessLinkException("Bad request: \u001B[2Jnope\nsecond line");
    UncheckedIOException store = new UncheckedIOException(
        "cannot write token store /x/t.json: permission denied",
        new IOException("permission denied"));

    assertThat(Messages.oneLine(other)).isEqualTo("Bad request: \\u001B[2Jnope");
    assertThat(Messages.oneLine(polar)).isEqualTo("Bad request: \\u001B[2Jnope\\u000Asecond line");
    assertThat(Messages.oneLine(store))
        .isEqualTo("cannot write token store /x/t.json: permission denied");
  }
}

package dev.accesslink4j.examples.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** A progress bar redrawn in place on a terminal; plain lines everywhere else. */
class ProgressReporterTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private void run(ProgressReporter progress) {
    progress.note("notifications: new data for 1 user");
    progress.begin(4);
    progress.started(7, "exercises");
    progress.finished(7, "exercises", 3);
    progress.started(7, "sleep");
    progress.failed(7, "sleep", "AccessLink's rate limit is spent (HTTP 429): run again later");
    progress.end();
  }

  @Test
  void aTerminalGetsOneBarRedrawnWithCarriageReturns() {
    run(ProgressReporter.of(new PrintWriter(out), new PrintWriter(err), true));

    String text = out.toString();
    assertThat(text).startsWith("notifications: new data for 1 user\n");
    assertThat(text).contains("\r[" + ".".repeat(24) + "] 0/4 user 7 exercises (0 items)");
    assertThat(text)
        .contains("\r[" + "#".repeat(6) + ".".repeat(18) + "] 1/4 user 7 exercises (3 items)");
    assertThat(text)
        .containsPattern("\\] 2/4 done \\(3 items\\) *\n$"); // padded over the longer line
    assertThat(text.split("\n")).hasSize(2); // the note, and the one bar line redrawn with \r
    assertThat(err.toString())
        .isEqualTo(
            "error: user 7 sleep: AccessLink's rate limit is spent (HTTP 429): run again later\n");
  }

  @Test
  void elsewhereEveryStepIsOnePlainLine() {
    run(ProgressReporter.of(new PrintWriter(out), new PrintWriter(err), false));

    assertThat(out.toString().lines())
        .containsExactly("notifications: new data for 1 user", "user 7 exercises: 3 items");
    assertThat(out.toString()).doesNotContain("\r");
    assertThat(err.toString())
        .isEqualTo(
            "error: user 7 sleep: AccessLink's rate limit is spent (HTTP 429): run again later\n");
  }
}

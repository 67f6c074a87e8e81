package dev.accesslink4j.examples.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accesslink4j.sync.ExerciseFormat;
import dev.accesslink4j.sync.SyncFailure;
import dev.accesslink4j.sync.SyncFile;
import dev.accesslink4j.sync.SyncKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The terminal bar: every redraw fits the width, lines printed above it are whole, and it ends at 100%. */
class BarProgressTest {
  private static final int WIDTH = 60;

  @Test
  void everyRedrawFitsTheWidthAndFailuresArePrintedOnTheirOwnLines() {
    ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(terminal, true, StandardCharsets.UTF_8);
    StringWriter errors = new StringWriter();
    BarProgress bar = BarProgress.start(out, new PrintWriter(errors), 4, WIDTH, 2);

    bar.userStarted(1);
    bar.kindStarted(1, SyncKind.EXERCISES);
    bar.fileDelivered(new SyncFile(1, "a1", ExerciseFormat.FIT), 2 * 1048576);
    bar.kindFinished(1, SyncKind.EXERCISES, 2);
    bar.note(
        "user 3 has new EXERCISE data but no token in the token store: link the user to sync it");
    bar.kindFailed(new SyncFailure(2, SyncKind.EXERCISES, SyncFailure.Reason.RELINK, "401"));
    bar.userFinished(2, 1); // a 401 ends the user's kinds: its other kind counts as done
    bar.close();

    String shown = terminal.toString(StandardCharsets.UTF_8);
    List<String> draws = List.of(shown.split("[\r\n]"));
    assertThat(draws)
        .filteredOn(d -> d.startsWith("sync"))
        .isNotEmpty()
        .allSatisfy(d -> assertThat(d.length()).isLessThanOrEqualTo(WIDTH))
        .anyMatch(d -> d.startsWith("sync 100%") && d.contains("4/4"));
    // the note is printed whole on a line of its own, the bar's line cleared before it
    assertThat(draws)
        .contains("user 3 has new EXERCISE data but no token in the token store: link the user to"
            + " sync it");
    assertThat(shown).endsWith("\n");
    assertThat(errors.toString())
        .isEqualTo(
            "error: user 2 exercises: the access token was revoked or has expired (HTTP 401):"
                + " run 'link' again for this user" + System.lineSeparator());
  }
}

package dev.accesslink4j.examples.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accesslink4j.generated.model.Sleep;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files are replaced atomically, only when their content changes, and never left half-written. */
class OutputWriterTest {
  @TempDir Path dir;

  private final OutputWriter writer = new OutputWriter();

  @Test
  void writesOnceAndLeavesAFileWithTheSameContentUntouched() throws IOException {
    Path file = dir.resolve("sleep").resolve("2025-08-14.json");
    Sleep night = new Sleep().date(LocalDate.of(2025, 8, 14))
        .sleepStartTime(OffsetDateTime.of(2025, 8, 13, 23, 1, 2, 0, ZoneOffset.ofHours(3)));

    assertThat(writer.json(file, night)).isEqualTo(OutputWriter.Outcome.WRITTEN);
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    assertThat(writer.json(file, night)).isEqualTo(OutputWriter.Outcome.UNCHANGED);

    assertThat(Files.getLastModifiedTime(file).toInstant()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
    assertThat(Files.readString(file))
        .contains("\"date\": \"2025-08-14\"")
        .contains("\"sleep_start_time\": \"2025-08-13T23:01:02+03:00\"");
    assertThat(writer.written()).isEqualTo(1);
    assertThat(writer.unchanged()).isEqualTo(1);
  }

  @Test
  void replacesAFileWhoseContentChanged() throws Exception {
    Path file = dir.resolve("a.fit");
    Files.writeString(file, "old");

    OutputWriter.Outcome outcome = writer.download(file, out -> {
      out.write("new".getBytes(StandardCharsets.UTF_8));
      return OptionalLong.of(3);
    });

    assertThat(outcome).isEqualTo(OutputWriter.Outcome.WRITTEN);
    assertThat(Files.readString(file)).isEqualTo("new");
    assertThat(leftovers()).containsExactly(file);
  }

  @Test
  void aDownloadThatBreaksOffLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path file = dir.resolve("a.fit");
    Files.writeString(file, "complete");

    assertThatThrownBy(() -> writer.download(file, out -> {
      out.write(new byte[100_000]);
      throw new IOException("connection reset");
    })).hasMessage("connection reset");

    assertThat(Files.readString(file)).isEqualTo("complete");
    assertThat(leftovers()).containsExactly(file);
  }

  @Test
  void nothingToDownloadWritesNoFile() throws Exception {
    Path file = dir.resolve("indoor.gpx");

    assertThat(writer.download(file, out -> OptionalLong.empty())).isEqualTo(OutputWriter.Outcome.ABSENT);

    assertThat(leftovers()).isEmpty();
  }

  @Test
  void aDurationIsWrittenInIso8601() throws IOException {
    Path file = dir.resolve("d.json");
    writer.json(file, new dev.accesslink4j.generated.model.Exercise().duration(Duration.ofMinutes(90)));
    assertThat(Files.readString(file)).contains("\"duration\": \"PT1H30M\"");
  }

  private Stream<Path> walk() throws IOException {
    return Files.walk(dir).filter(Files::isRegularFile);
  }

  private java.util.List<Path> leftovers() throws IOException {
    try (Stream<Path> files = walk()) {
      return files.toList();
    }
  }
}

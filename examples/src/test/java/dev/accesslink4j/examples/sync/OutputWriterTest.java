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
  @TempDir
  Path dir;

  private final OutputWriter writer = new OutputWriter();

  @Test
  void writesOnceAndLeavesAFileWithTheSameContentUntouched() throws IOException {
    Path file = dir.resolve("sleep").resolve("2025-08-14.json");
    Sleep night = new Sleep()
        .date(LocalDate.of(2025, 8, 14))
        .sleepStartTime(OffsetDateTime.of(2025, 8, 13, 23, 1, 2, 0, ZoneOffset.ofHours(3)));

    assertThat(writer.json(file, night)).isEqualTo(OutputWriter.Outcome.WRITTEN);
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    assertThat(writer.json(file, night)).isEqualTo(OutputWriter.Outcome.UNCHANGED);

    assertThat(Files.getLastModifiedTime(file).toInstant())
        .isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
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
        }))
        .hasMessage("connection reset");

    assertThat(Files.readString(file)).isEqualTo("complete");
    assertThat(leftovers()).containsExactly(file);
  }

  @Test
  void nothingToDownloadWritesNoFile() throws Exception {
    Path file = dir.resolve("indoor.gpx");

    assertThat(writer.download(file, out -> OptionalLong.empty()))
        .isEqualTo(OutputWriter.Outcome.ABSENT);

    assertThat(leftovers()).isEmpty();
  }

  @Test
  void aDurationIsWrittenInIso8601() throws IOException {
    Path file = dir.resolve("d.json");
    writer.json(
        file, new dev.accesslink4j.generated.model.Exercise().duration(Duration.ofMinutes(90)));
    assertThat(Files.readString(file)).contains("\"duration\": \"PT1H30M\"");
  }

  @Test
  void temporaryFilesAKilledRunLeftAreRemovedByTheNextRun() throws IOException {
    // what kill -9 during a download leaves: a 0-byte temporary file nobody holds a lock on
    Path stale = Files.createDirectories(dir.resolve("475").resolve("exercises"))
        .resolve(".abc.fit.8412.part");
    Files.createFile(stale);
    Path deeper = Files.createDirectories(dir.resolve("475").resolve("sleep"))
        .resolve(".2025-01-01.json.77.part");
    Files.writeString(deeper, "{\"half");
    Path notOurs = Files.writeString(dir.resolve(".notes.part"), "kept");
    Path data =
        Files.writeString(dir.resolve("475").resolve("exercises").resolve("abc.json"), "{}");

    assertThat(writer.removeStaleTemporaryFiles(dir)).isEqualTo(2);

    assertThat(stale).doesNotExist();
    assertThat(deeper).doesNotExist();
    assertThat(notOurs).exists();
    assertThat(data).exists();
    assertThat(writer.removeStaleTemporaryFiles(dir.resolve("absent"))).isZero();
  }

  @Test
  void aTemporaryFileAnotherProcessIsWritingStays() throws Exception {
    Path busy = Files.createFile(dir.resolve(".abc.fit.99.part"));
    Process holder = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            LockHolderProcess.class.getName(),
            busy.toString())
        .start();
    try {
      String first = new java.io.BufferedReader(
              new java.io.InputStreamReader(holder.getInputStream()))
          .readLine();
      assertThat(first).isEqualTo("locked");

      assertThat(writer.removeStaleTemporaryFiles(dir)).isZero();
      assertThat(busy).exists();
    } finally {
      holder.getOutputStream().close(); // ends the holder, and with it the lock
      assertThat(holder.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }
    assertThat(writer.removeStaleTemporaryFiles(dir)).isEqualTo(1);
    assertThat(busy).doesNotExist();
  }

  @Test
  void aDownloadInProgressInThisProcessKeepsItsTemporaryFile() throws Exception {
    Path file = dir.resolve("a.fit");
    java.util.concurrent.CountDownLatch writing = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch swept = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CompletableFuture<OutputWriter.Outcome> download =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> {
          try {
            return writer.download(file, out -> {
              out.write("first half ".getBytes(StandardCharsets.UTF_8));
              out.flush();
              writing.countDown();
              swept.await();
              out.write("second half".getBytes(StandardCharsets.UTF_8));
              return OptionalLong.of(22);
            });
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    writing.await();

    assertThat(new OutputWriter().removeStaleTemporaryFiles(dir)).isZero();
    swept.countDown();

    assertThat(download.get(30, java.util.concurrent.TimeUnit.SECONDS))
        .isEqualTo(OutputWriter.Outcome.WRITTEN);
    assertThat(Files.readString(file)).isEqualTo("first half second half");
    assertThat(leftovers()).containsExactly(file);
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

package dev.accesslink4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temporary download files: recognisable, locked while written, deleted on failure, swept when left behind. */
class PartFilesTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @TempDir
  Path dir;

  @Test
  void aTemporaryFileSitsBesideItsTargetUnderARecognisableNameAndIsLocked() throws IOException {
    PartFiles parts = new PartFiles(clock(NOW));
    Path target = dir.resolve("sessions/42.fit");

    try (PartFiles.Part part = parts.open(target)) {
      assertThat(part.path().getParent()).isEqualTo(target.getParent());
      assertThat(part.path().getFileName().toString())
          .matches("\\.accesslink-42\\.fit\\.\\d+\\.part");
      assertThat(part.locked()).isTrue();
    }

    assertThat(files(target.getParent())).isEmpty(); // closed without a move: deleted
  }

  @Test
  void aMovedFileReplacesTheTargetAndLeavesNoTemporaryFile() throws IOException {
    Path target = Files.writeString(dir.resolve("42.fit"), "old");
    try (PartFiles.Part part = new PartFiles(clock(NOW)).open(target)) {
      try (OutputStream out = part.output()) {
        out.write(new byte[] {1, 2, 3});
      }
      part.moveTo(target);
    }

    assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3);
    assertThat(files(dir)).containsExactly(target);
  }

  @Test
  void theFirstDownloadIntoAFolderSweepsOldUnlockedLeftoversOfThisSdkOnly() throws IOException {
    Path old = leftover(".accesslink-1.fit.123.part", NOW.minus(Duration.ofHours(3)));
    Path young = leftover(".accesslink-2.fit.456.part", NOW.minus(Duration.ofMinutes(5)));
    Path foreign =
        leftover(".1.fit.789.part", NOW.minus(Duration.ofHours(3))); // another program's temp file
    Path data = leftover("1.fit", NOW.minus(Duration.ofDays(3)));
    PartFiles parts = new PartFiles(clock(NOW));

    try (PartFiles.Part part = parts.open(dir.resolve("3.fit"))) {
      assertThat(files(dir)).containsExactlyInAnyOrder(young, foreign, data, part.path());
    }

    // Once per folder and client: a leftover that appears later is left to the next client (the
    // next run).
    Path later = leftover(".accesslink-4.fit.1.part", NOW.minus(Duration.ofHours(3)));
    parts.open(dir.resolve("5.fit")).close();
    assertThat(later).exists();
    new PartFiles(clock(NOW)).open(dir.resolve("5.fit")).close();
    assertThat(later).doesNotExist();
    assertThat(old).doesNotExist();
  }

  @Test
  void aFileLockedByADownloadInProgressIsNeverSwept() throws IOException {
    PartFiles writer = new PartFiles(clock(NOW));
    try (PartFiles.Part inProgress = writer.open(dir.resolve("1.fit"))) {
      Files.setLastModifiedTime(inProgress.path(), FileTime.from(NOW.minus(Duration.ofHours(1))));

      assertThat(new PartFiles(clock(NOW)).sweep(dir))
          .isZero(); // old, but locked (here: by this JVM)

      assertThat(inProgress.path()).exists();
    }
  }

  private Path leftover(String name, Instant modified) throws IOException {
    Path file = Files.write(dir.resolve(name), new byte[0]);
    Files.setLastModifiedTime(file, FileTime.from(modified));
    return file;
  }

  private static Clock clock(Instant now) {
    return Clock.fixed(now, ZoneOffset.UTC);
  }

  private static List<Path> files(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.toList();
    }
  }
}

package dev.accesslink4j.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accesslink4j.generated.model.Sleep;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemSinkTest {
  @TempDir
  Path dir;

  @Test
  void writesTheCliLayout() throws Exception {
    FileSystemSink sink = new FileSystemSink(dir);
    Sleep sleep = new Sleep().date(LocalDate.of(2026, 11, 30));

    sink.item(new SyncItem(42, SyncKind.SLEEP, "2026-11-30", sleep));
    sink.file(new SyncFile(42, "AbC1", ExerciseFormat.GPX), out -> {
      out.write("<gpx/>".getBytes(StandardCharsets.UTF_8));
      return 6;
    });

    assertThat(dir.resolve("42/sleep/2026-11-30.json"))
        .content()
        .contains("\"date\": \"2026-11-30\"")
        .endsWith("}\n");
    assertThat(dir.resolve("42/exercises/AbC1.gpx")).hasContent("<gpx/>");
    assertThat(sink.written()).isEqualTo(2);
  }

  @Test
  void theFirstWriteIntoAFolderDeletesTheTemporaryFilesOfAKilledProcessButNotOneBeingWritten()
      throws Exception {
    Path folder = Files.createDirectories(dir.resolve("7/exercises"));
    Path killed = Files.write(folder.resolve(".e1.fit8123456789.tmp"), new byte[] {1, 2});
    Path live = Files.write(folder.resolve(".e2.tcx555.tmp"), new byte[] {3});
    Path other = Files.write(folder.resolve("notes.tmp"), new byte[] {4}); // not the sink's
    FileSystemSink sink = new FileSystemSink(dir);

    try (java.nio.channels.FileChannel writing =
            java.nio.channels.FileChannel.open(live, java.nio.file.StandardOpenOption.WRITE);
        java.nio.channels.FileLock lock = writing.lock()) {
      sink.file(new SyncFile(7, "e3", ExerciseFormat.GPX), out -> {
        out.write("<gpx/>".getBytes(StandardCharsets.UTF_8));
        return 6;
      });
      assertThat(lock.isValid()).isTrue();
    }

    assertThat(killed).doesNotExist();
    assertThat(live).exists(); // held by its writer
    assertThat(other).exists();
    assertThat(folder.resolve("e3.gpx")).hasContent("<gpx/>");
  }

  /**
   * Many threads write their first files into fresh folders at once: each first write sweeps the folder while the
   * others create their temporary files, and no sweep may lock or delete a file another thread is about to lock
   * (that failed a write with {@code OverlappingFileLockException}).
   */
  @Test
  void concurrentFirstWritesIntoOneFolderNeverDisturbEachOther() throws Exception {
    int threads = 8;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 150; round++) {
        FileSystemSink sink = new FileSystemSink(dir.resolve("round-" + round));
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<?>> writes = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
          String id = "e" + t;
          writes.add(pool.submit(() -> {
            go.await();
            sink.file(new SyncFile(1, id, ExerciseFormat.TCX), out -> {
              byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
              out.write(bytes);
              return bytes.length;
            });
            return null;
          }));
        }
        go.countDown();
        for (java.util.concurrent.Future<?> write : writes) {
          write.get(); // throws what a write threw
        }
        for (int t = 0; t < threads; t++) {
          assertThat(sink.pathOf(new SyncFile(1, "e" + t, ExerciseFormat.TCX))).hasContent("e" + t);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anUnchangedItemOrFileIsNotRewritten() throws Exception {
    FileSystemSink sink = new FileSystemSink(dir);
    SyncItem item =
        new SyncItem(1, SyncKind.SLEEP, "2026-11-30", new Sleep().date(LocalDate.of(2026, 11, 30)));
    SyncFile file = new SyncFile(1, "e1", ExerciseFormat.TCX);
    SyncSink.Content content = out -> {
      out.write(new byte[] {1, 2, 3});
      return 3;
    };
    sink.item(item);
    sink.file(file, content);
    FileTime old = FileTime.fromMillis(0);
    Files.setLastModifiedTime(sink.pathOf(item), old);
    Files.setLastModifiedTime(sink.pathOf(file), old);

    sink.item(item);
    sink.file(file, content);

    assertThat(Files.getLastModifiedTime(sink.pathOf(item))).isEqualTo(old);
    assertThat(Files.getLastModifiedTime(sink.pathOf(file))).isEqualTo(old);
    assertThat(sink.unchanged()).isEqualTo(2);
    assertThat(sink.written()).isEqualTo(2);
  }

  @Test
  void aFailedDownloadLeavesTheOldFileAndNoTemporaryFile() throws Exception {
    FileSystemSink sink = new FileSystemSink(dir);
    SyncFile file = new SyncFile(1, "e1", ExerciseFormat.FIT);
    sink.file(file, out -> {
      out.write(new byte[] {9});
      return 1;
    });

    assertThatThrownBy(() -> sink.file(file, out -> {
          out.write(new byte[] {1, 2});
          throw new IOException("connection reset");
        }))
        .hasMessage("connection reset");

    assertThat(sink.pathOf(file)).hasBinaryContent(new byte[] {9});
    try (Stream<Path> files = Files.list(sink.pathOf(file).getParent())) {
      assertThat(files).containsExactly(sink.pathOf(file));
    }
  }

  @Test
  void anIdCannotLeaveItsFolder() {
    FileSystemSink sink = new FileSystemSink(dir);
    Path path = sink.pathOf(new SyncFile(1, "../../etc/passwd", ExerciseFormat.GPX));
    assertThat(path.getParent()).isEqualTo(dir.toAbsolutePath().resolve("1/exercises"));
  }
}

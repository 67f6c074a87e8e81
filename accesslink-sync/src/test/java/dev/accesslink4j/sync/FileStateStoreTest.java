package dev.accesslink4j.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStateStoreTest {
  @TempDir
  Path dir;

  @Test
  void whatWasSavedIsLoadedByTheNextStore() {
    Path file = dir.resolve("state");
    KindState exercises = KindState.empty().with("a b%c", 0).with("Xy12", 0);
    KindState sleep =
        KindState.empty().with("2026-11-30", -5L).withReadThrough(LocalDate.of(2026, 11, 30));
    try (FileStateStore store = FileStateStore.open(file)) {
      store.save(7, SyncKind.EXERCISES, exercises);
      store.save(7, SyncKind.SLEEP, sleep);
      store.save(8, SyncKind.EXERCISES, exercises.without("Xy12"));
    }

    try (FileStateStore store = FileStateStore.open(file)) {
      assertThat(store.load(7, SyncKind.EXERCISES)).isEqualTo(exercises);
      assertThat(store.load(7, SyncKind.SLEEP)).isEqualTo(sleep);
      assertThat(store.load(8, SyncKind.EXERCISES).ids()).containsExactly("a b%c");
      assertThat(store.load(9, SyncKind.EXERCISES)).isEqualTo(KindState.empty());
    }
  }

  @Test
  void savesSurviveAProcessThatNeverClosedTheStore() throws Exception {
    Path file = dir.resolve("state");
    FileStateStore store = FileStateStore.open(file);
    store.save(1, SyncKind.EXERCISES, KindState.empty().with("e1", 0));
    store.save(1, SyncKind.EXERCISES, KindState.empty().with("e1", 0).with("e2", 0));
    // a killed process: the appended lines are in the file, the compaction never ran
    Path copy = dir.resolve("copy");
    Files.copy(file, copy);
    store.close();

    try (FileStateStore reopened = FileStateStore.open(copy)) {
      assertThat(reopened.load(1, SyncKind.EXERCISES).ids()).containsExactly("e1", "e2");
    }
  }

  @Test
  void anAppendCutByAKillIsDroppedAndTheRestKept() throws Exception {
    Path file = dir.resolve("state");
    try (FileStateStore store = FileStateStore.open(file)) {
      store.save(1, SyncKind.EXERCISES, KindState.empty().with("e1", 0));
    }
    Files.writeString(file, "P 1 exercises e2 0\nP 1 exerc", StandardOpenOption.APPEND);

    try (FileStateStore store = FileStateStore.open(file)) {
      assertThat(store.load(1, SyncKind.EXERCISES).ids()).containsExactly("e1", "e2");
      store.save(1, SyncKind.SLEEP, KindState.empty().with("2026-11-30", 1));
    }
    try (FileStateStore store = FileStateStore.open(file)) {
      assertThat(store.load(1, SyncKind.SLEEP).ids()).containsExactly("2026-11-30");
    }
  }

  @Test
  void holdsAreKeptAcrossStoresWithTheTokensFingerprintNeverTheToken() throws Exception {
    Path file = dir.resolve("state");
    dev.accesslink4j.AccessToken revoked = dev.accesslink4j.AccessToken.of("secret-token-one");
    dev.accesslink4j.AccessToken unconsented = dev.accesslink4j.AccessToken.of("secret-token-two");
    try (FileStateStore store = FileStateStore.open(file)) {
      store.saveHold(1, UserHold.of(SyncFailure.Reason.RELINK, revoked));
      store.saveHold(2, UserHold.of(SyncFailure.Reason.CONSENT_REQUIRED, unconsented));
      store.saveHold(3, UserHold.of(SyncFailure.Reason.RELINK, revoked));
      store.clearHold(3);
      // appended, before any compaction
      assertThat(Files.readString(file)).doesNotContain("secret-token");
      try (Stream<String> lines = Files.lines(file)) {
        assertThat(lines.filter(l -> l.startsWith("R "))).containsExactly("R 3");
      }
    }
    try (FileStateStore store = FileStateStore.open(file)) {
      assertThat(store.loadHold(1))
          .contains(new UserHold(SyncFailure.Reason.RELINK, UserHold.fingerprint(revoked)));
      assertThat(store.loadHold(1).orElseThrow().skips(revoked)).isTrue();
      assertThat(store.loadHold(1).orElseThrow().skips(unconsented)).isFalse();
      assertThat(store.loadHold(2).orElseThrow().reason())
          .isEqualTo(SyncFailure.Reason.CONSENT_REQUIRED);
      assertThat(store.loadHold(2).orElseThrow().skips(unconsented)).isFalse();
      assertThat(store.loadHold(3)).isEmpty();
    }
    String text = Files.readString(file);
    assertThat(text)
        .startsWith("accesslink-sync-state 2\n")
        .doesNotContain("secret-token")
        // SHA-256 of "secret-token-one"
        .contains("H 1 relink " + UserHold.fingerprint(revoked));
    assertThat(UserHold.fingerprint(revoked))
        .hasSize(64)
        .isNotEqualTo(UserHold.fingerprint(unconsented));
  }

  @Test
  void aVersionOneFileIsReadAndRewrittenAsVersionTwo() throws Exception {
    Path file = dir.resolve("state");
    Files.writeString(
        file,
        "accesslink-sync-state 1\nP 1 exercises e1 0\nP 1 sleep 2026-11-30 a\nT 1 sleep 2026-11-30\n");

    try (FileStateStore store = FileStateStore.open(file)) {
      assertThat(Files.readString(file)).startsWith("accesslink-sync-state 2\n");
      assertThat(store.load(1, SyncKind.EXERCISES).ids()).containsExactly("e1");
      assertThat(store.load(1, SyncKind.SLEEP).fingerprint("2026-11-30")).hasValue(10);
      assertThat(store.load(1, SyncKind.SLEEP).readThrough()).contains(LocalDate.of(2026, 11, 30));
      store.save(1, SyncKind.ECG, KindState.empty().with("2026-11-29", 1));
    }
    try (FileStateStore store = FileStateStore.open(file)) {
      assertThat(store.load(1, SyncKind.ECG).ids()).containsExactly("2026-11-29");
      assertThat(store.load(1, SyncKind.EXERCISES).ids()).containsExactly("e1");
    }
  }

  @Test
  void aFileOfALaterVersionIsRefusedClearly() throws Exception {
    Path file = dir.resolve("state");
    Files.writeString(file, "accesslink-sync-state 3\nX whatever\n");

    assertThatThrownBy(() -> FileStateStore.open(file))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(file.toAbsolutePath().toString())
        .hasMessageContaining("format \"3\", written by a later accesslink-sync")
        .hasMessageContaining("reads formats 1 to 2");
    assertThat(Files.readString(file)).isEqualTo("accesslink-sync-state 3\nX whatever\n");
  }

  @Test
  void aDamagedFileIsNamedWithItsLine() throws Exception {
    Path file = dir.resolve("state");
    Files.writeString(file, "accesslink-sync-state 1\nP 1 exercises e1 0\nP x exercises e2 0\n");

    assertThatThrownBy(() -> FileStateStore.open(file))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(file.toAbsolutePath().toString())
        .hasMessageContaining("line 3")
        .hasMessageContaining("user id");

    Files.writeString(file, "{\"not\": \"state\"}\n");
    assertThatThrownBy(() -> FileStateStore.open(file))
        .hasMessageContaining("line 1")
        .hasMessageContaining("not a sync state file");
    // the lock was released: once repaired, the file opens
    Files.writeString(file, "accesslink-sync-state 1\n");
    FileStateStore.open(file).close();
  }

  @Test
  void aSecondStoreOnTheSameFileIsRefused() {
    Path file = dir.resolve("state");
    try (FileStateStore first = FileStateStore.open(file)) {
      assertThatThrownBy(() -> FileStateStore.open(file))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("in use by another FileStateStore");
      first.save(1, SyncKind.EXERCISES, KindState.empty().with("e1", 0));
    }
    try (FileStateStore again = FileStateStore.open(file)) {
      assertThat(again.load(1, SyncKind.EXERCISES).ids()).containsExactly("e1");
    }
  }

  @Test
  void theCompactedFileIsWrittenAtomicallyAndLeavesNoTemporaryFile() throws Exception {
    Path file = dir.resolve("state");
    try (FileStateStore store = FileStateStore.open(file)) {
      for (int i = 0; i < 100; i++) {
        store.save(1, SyncKind.EXERCISES, store.load(1, SyncKind.EXERCISES).with("e" + i, 0));
      }
      store.save(
          1,
          SyncKind.EXERCISES,
          store.load(1, SyncKind.EXERCISES).retainAll(java.util.List.of("e5")));
    }
    assertThat(Files.readAllLines(file, StandardCharsets.UTF_8))
        .containsExactly("accesslink-sync-state 2", "P 1 exercises e5 0");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("state", "state.lock");
    }
  }

  /**
   * The size: 10,000 users with 30 exercises each come back whole after a save and a reopen (the load and
   * save time is a benchmark figure in BENCHMARKS.md, measured by hand, not asserted here).
   */
  @Test
  void tenThousandUsersWithThirtyExercisesComeBackWhole() {
    Path file = dir.resolve("state");
    try (FileStateStore store = FileStateStore.open(file)) {
      for (long user = 1; user <= 10_000; user++) {
        KindState state = KindState.empty();
        for (int e = 0; e < 30; e++) {
          state = state.with(String.format("%08x", user * 31 + e), 0);
        }
        store.save(user, SyncKind.EXERCISES, state);
      }
    }
    FileStateStore.open(file).close(); // a reopen compacts, a second one reads the compacted file

    try (FileStateStore store = FileStateStore.open(file)) {
      for (long user : new long[] {1, 4_321, 10_000}) {
        KindState state = store.load(user, SyncKind.EXERCISES);
        assertThat(state.size()).isEqualTo(30);
        assertThat(state.contains(String.format("%08x", user * 31))).isTrue();
        assertThat(state.contains(String.format("%08x", user * 31 + 29))).isTrue();
        assertThat(state.contains(String.format("%08x", user * 31 + 30))).isFalse();
      }
      assertThat(store.load(10_001, SyncKind.EXERCISES).size()).isZero();
    }
  }
}

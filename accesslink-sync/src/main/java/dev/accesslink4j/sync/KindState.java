package dev.accesslink4j.sync;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What was delivered for one user and kind: the ids of the delivered items (exercise ids within the 30-day window,
 * or dates) each with a fingerprint of the delivered content, and for daily kinds the last date read. Immutable and
 * compact (two sorted arrays), so that 10,000 users with 30 exercises each fit in a few tens of MiB.
 */
public final class KindState {
  private static final KindState EMPTY = new KindState(new String[0], new long[0], null);

  private final String[] ids;
  private final long[] fingerprints;
  private final @Nullable LocalDate readThrough;

  private KindState(String[] ids, long[] fingerprints, @Nullable LocalDate readThrough) {
    this.ids = ids;
    this.fingerprints = fingerprints;
    this.readThrough = readThrough;
  }

  /**
   * The state of a user and kind never synced.
   *
   * @return the empty state
   */
  public static KindState empty() {
    return EMPTY;
  }

  /**
   * A state from ids already sorted strictly ascending (the state file's order), without copying; falls back to
   * inserting one by one when they are not.
   */
  static KindState ofSorted(String[] ids, long[] fingerprints) {
    for (int i = 1; i < ids.length; i++) {
      if (ids[i - 1].compareTo(ids[i]) >= 0) {
        KindState state = EMPTY;
        for (int j = 0; j < ids.length; j++) {
          state = state.with(ids[j], fingerprints[j]);
        }
        return state;
      }
    }
    return new KindState(ids, fingerprints, null);
  }

  String idAt(int index) {
    return ids[index];
  }

  long fingerprintAt(int index) {
    return fingerprints[index];
  }

  /**
   * Whether an item was delivered.
   *
   * @param id the item's id
   * @return true when it was
   */
  public boolean contains(String id) {
    return Arrays.binarySearch(ids, Objects.requireNonNull(id, "id")) >= 0;
  }

  /**
   * The fingerprint of a delivered item's content, to tell an update from a repeat.
   *
   * @param id the item's id
   * @return the fingerprint, or empty when the item was not delivered
   */
  public OptionalLong fingerprint(String id) {
    int i = Arrays.binarySearch(ids, Objects.requireNonNull(id, "id"));
    return i >= 0 ? OptionalLong.of(fingerprints[i]) : OptionalLong.empty();
  }

  /**
   * The delivered ids, sorted.
   *
   * @return an immutable list
   */
  public List<String> ids() {
    return List.of(ids);
  }

  /**
   * How many items are recorded.
   *
   * @return the count
   */
  public int size() {
    return ids.length;
  }

  /**
   * For a daily kind, the last date whose data was read completely: the next run starts a few days before it.
   *
   * @return the date, or empty before the first complete read
   */
  public Optional<LocalDate> readThrough() {
    return Optional.ofNullable(readThrough);
  }

  /**
   * This state with one more delivered item (or a new fingerprint for it).
   *
   * @param id the item's id
   * @param fingerprint its content's fingerprint
   * @return the new state
   */
  public KindState with(String id, long fingerprint) {
    int i = Arrays.binarySearch(ids, Objects.requireNonNull(id, "id"));
    if (i >= 0) {
      if (fingerprints[i] == fingerprint) {
        return this;
      }
      long[] f = fingerprints.clone();
      f[i] = fingerprint;
      return new KindState(ids, f, readThrough);
    }
    int at = -i - 1;
    String[] newIds = new String[ids.length + 1];
    long[] newFingerprints = new long[ids.length + 1];
    System.arraycopy(ids, 0, newIds, 0, at);
    System.arraycopy(fingerprints, 0, newFingerprints, 0, at);
    newIds[at] = id;
    newFingerprints[at] = fingerprint;
    System.arraycopy(ids, at, newIds, at + 1, ids.length - at);
    System.arraycopy(fingerprints, at, newFingerprints, at + 1, ids.length - at);
    return new KindState(newIds, newFingerprints, readThrough);
  }

  /**
   * This state without an item.
   *
   * @param id the item's id
   * @return the new state
   */
  public KindState without(String id) {
    int i = Arrays.binarySearch(ids, Objects.requireNonNull(id, "id"));
    if (i < 0) {
      return this;
    }
    String[] newIds = new String[ids.length - 1];
    long[] newFingerprints = new long[ids.length - 1];
    System.arraycopy(ids, 0, newIds, 0, i);
    System.arraycopy(fingerprints, 0, newFingerprints, 0, i);
    System.arraycopy(ids, i + 1, newIds, i, ids.length - i - 1);
    System.arraycopy(fingerprints, i + 1, newFingerprints, i, ids.length - i - 1);
    return new KindState(newIds, newFingerprints, readThrough);
  }

  /**
   * This state keeping only the given ids: forgets items that left AccessLink's window, so the state stays small.
   *
   * @param keep the ids to keep
   * @return the new state
   */
  public KindState retainAll(Collection<String> keep) {
    Set<String> set = Set.copyOf(keep);
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      if (set.contains(ids[i])) {
        kept.add(i);
      }
    }
    if (kept.size() == ids.length) {
      return this;
    }
    String[] newIds = new String[kept.size()];
    long[] newFingerprints = new long[kept.size()];
    for (int j = 0; j < kept.size(); j++) {
      newIds[j] = ids[kept.get(j)];
      newFingerprints[j] = fingerprints[kept.get(j)];
    }
    return new KindState(newIds, newFingerprints, readThrough);
  }

  /**
   * This state with a new last date read.
   *
   * @param date the last date read completely
   * @return the new state
   */
  public KindState withReadThrough(LocalDate date) {
    return new KindState(ids, fingerprints, Objects.requireNonNull(date, "date"));
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof KindState other
        && Arrays.equals(ids, other.ids)
        && Arrays.equals(fingerprints, other.fingerprints)
        && Objects.equals(readThrough, other.readThrough);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(ids), Arrays.hashCode(fingerprints), readThrough);
  }

  @Override
  public String toString() {
    return "KindState[" + ids.length + " items, readThrough=" + readThrough + "]";
  }
}

package dev.accesslink4j.sync;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** A state store in memory, for tests and for one-off syncs: everything is forgotten with the process. */
public final class InMemoryStateStore implements StateStore {
  private final Map<Key, KindState> states = new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemoryStateStore() {}

  @Override
  public KindState load(long userId, SyncKind kind) {
    return states.getOrDefault(
        new Key(userId, Objects.requireNonNull(kind, "kind")), KindState.empty());
  }

  @Override
  public void save(long userId, SyncKind kind, KindState state) {
    states.put(
        new Key(userId, Objects.requireNonNull(kind, "kind")),
        Objects.requireNonNull(state, "state"));
  }

  @Override
  public String toString() {
    return "InMemoryStateStore[" + states.size() + " user kinds]";
  }

  private record Key(long userId, SyncKind kind) {}
}

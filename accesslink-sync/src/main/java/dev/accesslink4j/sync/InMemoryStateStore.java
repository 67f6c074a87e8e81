package dev.accesslink4j.sync;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A state store in memory, for tests and for one-off syncs: everything is forgotten with the process. */
public final class InMemoryStateStore implements StateStore {
  private final Map<Key, KindState> states = new ConcurrentHashMap<>();
  private final Map<Long, UserHold> holds = new ConcurrentHashMap<>();

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
  public Optional<UserHold> loadHold(long userId) {
    return Optional.ofNullable(holds.get(userId));
  }

  @Override
  public void saveHold(long userId, UserHold hold) {
    holds.put(userId, Objects.requireNonNull(hold, "hold"));
  }

  @Override
  public void clearHold(long userId) {
    holds.remove(userId);
  }

  @Override
  public String toString() {
    return "InMemoryStateStore[" + states.size() + " user kinds]";
  }

  private record Key(long userId, SyncKind kind) {}
}

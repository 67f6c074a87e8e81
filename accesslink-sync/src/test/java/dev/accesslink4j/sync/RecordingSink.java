package dev.accesslink4j.sync;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A thread-safe sink that remembers every delivery by key, and can die after a number of them (a kill). */
final class RecordingSink implements SyncSink {
  private final List<String> deliveries = new CopyOnWriteArrayList<>();
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final AtomicInteger budget;

  RecordingSink() {
    this(Integer.MAX_VALUE);
  }

  /** A sink whose deliveries after the first {@code dieAfter} throw, as if the process had been killed. */
  RecordingSink(int dieAfter) {
    this.budget = new AtomicInteger(dieAfter);
  }

  @Override
  public void item(SyncItem item) {
    spend();
    deliveries.add(item.key());
  }

  @Override
  public void file(SyncFile file, Content content) throws Exception {
    spend();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long n = content.writeTo(out);
    if (n != out.size()) {
      throw new AssertionError("writeTo returned " + n + " but wrote " + out.size());
    }
    files.put(file.key(), out.toByteArray());
    deliveries.add(file.key());
  }

  private void spend() {
    if (budget.getAndDecrement() <= 0) {
      throw new IllegalStateException("killed");
    }
  }

  List<String> deliveries() {
    return List.copyOf(deliveries);
  }

  Set<String> keys() {
    return Set.copyOf(deliveries);
  }

  Map<String, byte[]> files() {
    return Map.copyOf(files);
  }
}

package dev.accesslink4j.sync;

import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;

/** A sink that counts deliveries and throws the bytes away, as fast as a sink can be. */
final class CountingSink implements SyncSink {
  private final AtomicLong deliveries = new AtomicLong();

  @Override
  public void item(SyncItem item) {
    deliveries.incrementAndGet();
  }

  @Override
  public void file(SyncFile file, Content content) throws Exception {
    content.writeTo(OutputStream.nullOutputStream());
    deliveries.incrementAndGet();
  }

  long deliveries() {
    return deliveries.get();
  }
}

package dev.accesslink4j.sync;

import java.time.Duration;

/** A sink that takes its time over every delivery, then records it: a slow database. */
final class SlowSink implements SyncSink {
  private final RecordingSink inner;
  private final Duration pause;
  private volatile Runnable afterEach = () -> {};

  SlowSink(RecordingSink inner, Duration pause) {
    this.inner = inner;
    this.pause = pause;
  }

  /** Runs after each delivery. */
  void afterEach(Runnable action) {
    this.afterEach = action;
  }

  @Override
  public void item(SyncItem item) throws Exception {
    Thread.sleep(pause.toMillis());
    inner.item(item);
    afterEach.run();
  }

  @Override
  public void file(SyncFile file, Content content) throws Exception {
    Thread.sleep(pause.toMillis());
    inner.file(file, content);
    afterEach.run();
  }
}

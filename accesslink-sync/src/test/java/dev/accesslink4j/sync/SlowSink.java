package dev.accesslink4j.sync;

import java.time.Duration;

/** A sink that takes its time over every delivery, then records it: a slow database. */
final class SlowSink implements SyncSink {
  private final RecordingSink inner;
  private final Duration pause;
  private volatile Runnable beforeEach = () -> {};

  SlowSink(RecordingSink inner, Duration pause) {
    this.inner = inner;
    this.pause = pause;
  }

  /** Runs before each delivery (after the pause). */
  void beforeEach(Runnable action) {
    this.beforeEach = action;
  }

  @Override
  public void item(SyncItem item) throws Exception {
    Thread.sleep(pause.toMillis());
    beforeEach.run();
    inner.item(item);
  }

  @Override
  public void file(SyncFile file, Content content) throws Exception {
    Thread.sleep(pause.toMillis());
    beforeEach.run();
    inner.file(file, content);
  }
}

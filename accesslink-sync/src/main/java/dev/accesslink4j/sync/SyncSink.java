package dev.accesslink4j.sync;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where synced data goes: implemented by the application (a database, an object store, a queue), or the ready
 * {@link FileSystemSink}. The engine calls it from several threads at once (different users, and different files of
 * one user), so an implementation must be thread-safe.
 *
 * <p>Delivery is at least once: the engine records an item as delivered only after the sink's method returned, so
 * after a crash the same key may come again. Store by {@link SyncItem#key()} / {@link SyncFile#key()} (replace, not
 * append) and a repeat is harmless. A method that throws fails that item: it is not recorded and comes again at the
 * next run.
 */
public interface SyncSink {
  /**
   * Stores one JSON item. Return only once it is durable.
   *
   * @param item the item and its key
   * @throws Exception when it cannot be stored; the item comes again at the next run
   */
  void item(SyncItem item) throws Exception;

  /**
   * Stores one file, streamed: call {@link Content#writeTo(OutputStream)} once with where the bytes should go; they
   * arrive as they download, never held whole in memory. Return only once the file is durable. When
   * {@code writeTo} throws (the download failed, or the file does not exist), discard what was written and let the
   * exception propagate unchanged.
   *
   * @param file the file's key
   * @param content the download
   * @throws Exception when it cannot be stored, or from {@code content}; the file comes again at the next run
   */
  void file(SyncFile file, Content content) throws Exception;

  /** A file's bytes, downloaded while they are written. */
  @FunctionalInterface
  interface Content {
    /**
     * Downloads the file into {@code out} (not closed), in constant memory.
     *
     * @param out where the bytes go
     * @return the number of bytes written
     * @throws IOException if {@code out} fails
     */
    long writeTo(OutputStream out) throws IOException;
  }
}

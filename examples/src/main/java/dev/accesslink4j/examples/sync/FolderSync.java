package dev.accesslink4j.examples.sync;

import dev.accesslink4j.AccessLink;
import dev.accesslink4j.sync.FileStateStore;
import dev.accesslink4j.sync.FileSystemSink;
import dev.accesslink4j.sync.SyncEngine;
import dev.accesslink4j.sync.SyncListener;
import dev.accesslink4j.sync.SyncReport;
import dev.accesslink4j.sync.UserSource;
import dev.accesslink4j.webhooks.DataEvent;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The sync engine on an output folder, as {@code sync} and {@code webhook --sync} run it: the
 * {@link FileSystemSink} layout under the folder, and what was delivered recorded in a {@link FileStateStore} in
 * the folder ({@value #STATE_FILE}, locked while open), so that a rerun reads only what is new.
 *
 * <p>The state file is locked from open to close: a second sync into the same folder fails at once with an error
 * naming the file instead of doing the same work twice.
 */
public final class FolderSync implements AutoCloseable {
  /** The state file's name in the output folder (hidden, beside the users' folders). */
  public static final String STATE_FILE = ".accesslink-sync-state";

  private final FileStateStore state;
  private final FileSystemSink sink;
  private final SyncEngine engine;

  private FolderSync(FileStateStore state, FileSystemSink sink, SyncEngine engine) {
    this.state = state;
    this.sink = sink;
    this.engine = engine;
  }

  /**
   * Opens the state file in the folder (created when missing) and builds the engine.
   *
   * @param client the client (its retry policy and rate budget apply)
   * @param users the users to sync
   * @param out the output folder
   * @param options the kinds, formats, look-back and concurrency
   * @param listener who hears the progress
   * @return the open sync; close it to release the state file
   * @throws IllegalStateException when another sync holds the state file, or it is damaged (naming the file)
   */
  public static FolderSync open(
      AccessLink client, UserSource users, Path out, SyncOptions options, SyncListener listener) {
    Objects.requireNonNull(options, "options");
    FileSystemSink sink = new FileSystemSink(out);
    FileStateStore state = FileStateStore.open(sink.root().resolve(STATE_FILE));
    try {
      SyncEngine.Builder builder = SyncEngine.builder(client, users, sink)
          .stateStore(state)
          .kinds(options.kinds())
          .exerciseFormats(options.formats())
          .lookBackDays(options.lookBackDays())
          .listener(listener);
      options.concurrency().ifPresent(builder::userParallelism);
      return new FolderSync(state, sink, builder.build());
    } catch (RuntimeException e) {
      state.close();
      throw e;
    }
  }

  /**
   * Syncs every user and chosen kind.
   *
   * @return the engine's report
   */
  public SyncReport run() {
    return engine.run();
  }

  /**
   * Syncs only what a webhook event names (an exercise event the user's exercises, a sleep event that date, ...).
   *
   * @param event the verified event
   * @return the engine's report
   */
  public SyncReport sync(DataEvent<?> event) {
    return engine.sync(event);
  }

  /**
   * The sink, for its written and unchanged counts.
   *
   * @return the sink
   */
  public FileSystemSink sink() {
    return sink;
  }

  /**
   * The state file.
   *
   * @return its path
   */
  public Path stateFile() {
    return state.file();
  }

  /** Saves the state compactly and releases its lock. */
  @Override
  public void close() {
    state.close();
  }
}

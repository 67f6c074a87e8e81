package dev.accesslink4j.examples.sync;

import dev.accesslink4j.AccessLink;
import dev.accesslink4j.sync.FileStateStore;
import dev.accesslink4j.sync.FileSystemSink;
import dev.accesslink4j.sync.StateStore;
import dev.accesslink4j.sync.SyncEngine;
import dev.accesslink4j.sync.SyncListener;
import dev.accesslink4j.sync.SyncReport;
import dev.accesslink4j.sync.UserLeases;
import dev.accesslink4j.sync.UserSource;
import dev.accesslink4j.webhooks.DataEvent;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

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

  private final @Nullable FileStateStore fileState;
  private final FileSystemSink sink;
  private final SyncEngine engine;

  private FolderSync(@Nullable FileStateStore fileState, FileSystemSink sink, SyncEngine engine) {
    this.fileState = fileState;
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
      return new FolderSync(
          state, sink, engine(client, users, sink, options, listener, state, null));
    } catch (RuntimeException e) {
      state.close();
      throw e;
    }
  }

  /**
   * Builds the engine on the folder with a state store and leases shared by several workers (a database): the
   * folder then holds only the data.
   *
   * @param client the client (its rate budget should be the shared one too)
   * @param users the users to sync
   * @param out the output folder
   * @param options the kinds, formats, look-back and concurrency
   * @param listener who hears the progress
   * @param state the shared state
   * @param leases the shared leases: a user another worker holds is skipped ({@code busy})
   * @return the sync
   */
  public static FolderSync open(
      AccessLink client,
      UserSource users,
      Path out,
      SyncOptions options,
      SyncListener listener,
      StateStore state,
      UserLeases leases) {
    FileSystemSink sink = new FileSystemSink(out);
    return new FolderSync(
        null,
        sink,
        engine(
            client,
            users,
            sink,
            Objects.requireNonNull(options, "options"),
            listener,
            state,
            leases));
  }

  private static SyncEngine engine(
      AccessLink client,
      UserSource users,
      FileSystemSink sink,
      SyncOptions options,
      SyncListener listener,
      StateStore state,
      @Nullable UserLeases leases) {
    SyncEngine.Builder builder = SyncEngine.builder(client, users, sink)
        .stateStore(state)
        .kinds(options.kinds())
        .exerciseFormats(options.formats())
        .lookBackDays(options.lookBackDays())
        .listener(listener);
    options.concurrency().ifPresent(builder::userParallelism);
    if (leases != null) {
      builder.userLeases(leases);
    }
    return builder.build();
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

  /** Saves a state file compactly and releases its lock (a shared state is the caller's to close). */
  @Override
  public void close() {
    if (fileState != null) {
      fileState.close();
    }
  }
}

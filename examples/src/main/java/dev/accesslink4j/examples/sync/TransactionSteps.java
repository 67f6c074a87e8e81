package dev.accesslink4j.examples.sync;

import dev.accesslink4j.transactions.TransactionResult;
import java.nio.file.Path;
import java.util.List;

/**
 * The transactional kinds: exercises (summary JSON, FIT, TCX and GPX), daily activity summaries and physical
 * information. The SDK's safe loops commit a transaction only after the handler returned for every item, and the
 * handler returns only after the item's files are on disk, so a failure anywhere leaves the transaction
 * uncommitted and AccessLink offers its items again on the next run.
 */
final class TransactionSteps {
  /** Folder of exercise transactions: {@code <id>.json}, {@code <id>.fit}, {@code <id>.tcx}, {@code <id>.gpx}. */
  static final String EXERCISES = "exercises";
  /** Folder of activity transactions: {@code <id>.json}. */
  static final String ACTIVITY_SUMMARIES = "activity-summaries";
  /** Folder of physical-information transactions: {@code <id>.json}. */
  static final String PHYSICAL_INFO = "physical-info";

  private final OutputWriter writer;

  TransactionSteps(OutputWriter writer) {
    this.writer = writer;
  }

  List<SyncStep> steps() {
    return List.of(
        new SyncStep(EXERCISES, this::exercises),
        new SyncStep(ACTIVITY_SUMMARIES, this::activitySummaries),
        new SyncStep(PHYSICAL_INFO, this::physicalInfo));
  }

  private int exercises(SyncStep.User user) {
    Path dir = user.folder(EXERCISES);
    TransactionResult result = user.client()
        .transactions()
        .forUser(user.userId())
        .exercises(item -> {
          String id = Long.toString(item.id());
          writer.download(dir.resolve(id + ".fit"), item::downloadFit);
          writer.download(dir.resolve(id + ".tcx"), item::downloadTcx);
          writer.download(dir.resolve(id + ".gpx"), item::downloadGpx);
          // the summary last: its presence marks a complete exercise
          writer.json(dir.resolve(id + ".json"), item.summary());
        });
    return result.itemsHandled();
  }

  private int activitySummaries(SyncStep.User user) {
    Path dir = user.folder(ACTIVITY_SUMMARIES);
    return user.client()
        .transactions()
        .forUser(user.userId())
        .activities(item -> writer.json(dir.resolve(item.id() + ".json"), item.summary()))
        .itemsHandled();
  }

  private int physicalInfo(SyncStep.User user) {
    Path dir = user.folder(PHYSICAL_INFO);
    return user.client()
        .transactions()
        .forUser(user.userId())
        .physicalInfo(item -> writer.json(dir.resolve(item.id() + ".json"), item.summary()))
        .itemsHandled();
  }
}

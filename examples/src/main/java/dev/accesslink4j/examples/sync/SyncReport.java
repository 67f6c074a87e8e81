package dev.accesslink4j.examples.sync;

import java.util.List;

/**
 * What a sync did.
 *
 * @param users how many users were synced (all their steps ran, successfully or not)
 * @param items how many items were synced: transactional items taken out, and days or periods of the other kinds
 * @param filesWritten how many files were created or replaced
 * @param filesUnchanged how many files already held the same content
 * @param failures one line per failed step, without secrets; empty when everything succeeded
 */
public record SyncReport(
    int users, int items, int filesWritten, int filesUnchanged, List<String> failures) {
  /**
   * Copies the failures.
   *
   * @param users how many users were synced
   * @param items how many items were synced
   * @param filesWritten how many files were created or replaced
   * @param filesUnchanged how many files already held the same content
   * @param failures one line per failed step
   */
  public SyncReport {
    failures = List.copyOf(failures);
  }

  /**
   * Whether every step succeeded.
   *
   * @return true when there are no failures
   */
  public boolean succeeded() {
    return failures.isEmpty();
  }

  /**
   * The line a sync ends with.
   *
   * @return {@code synced <items> items for <users> users}
   */
  public String summary() {
    return "synced " + items + " items for " + users + " users";
  }
}

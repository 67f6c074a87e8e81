package dev.accesslink4j.transactions;

/**
 * The three kinds of AccessLink transaction. Each kind has its own create, list, item and commit operations under
 * {@code /v3/users/{user-id}/…-transactions}; Polar deprecated all three (exercise and activity transactions on
 * 18.08.2025, physical-information transactions in January 2026) in favour of the non-transactional resources.
 */
public enum TransactionType {
  /** Training sessions: {@code /v3/users/{user-id}/exercise-transactions}, at most 50 per transaction. */
  EXERCISE("exercise", "exercise-transactions", "exercises"),
  /** Daily activity summaries: {@code /v3/users/{user-id}/activity-transactions}, at most 50 per transaction. */
  ACTIVITY("activity", "activity-transactions", "activities"),
  /** Physical-information snapshots: {@code /v3/users/{user-id}/physical-information-transactions}. */
  PHYSICAL_INFO(
      "physical-information", "physical-information-transactions", "physical-informations");

  private final String label;
  private final String pathSegment;
  private final String itemSegment;

  TransactionType(String label, String pathSegment, String itemSegment) {
    this.label = label;
    this.pathSegment = pathSegment;
    this.itemSegment = itemSegment;
  }

  /** The word used in messages: {@code exercise}, {@code activity}, {@code physical-information}. */
  String label() {
    return label;
  }

  /** The path segment of the transaction collection, such as {@code exercise-transactions}. */
  String pathSegment() {
    return pathSegment;
  }

  /** The path segment before an item id in item URLs, such as {@code exercises}. */
  String itemSegment() {
    return itemSegment;
  }
}

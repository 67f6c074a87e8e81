package dev.accesslink4j.testkit.internal;

/** The three transactional data types, with their path segments, list keys and notification data types. */
enum TransactionKind {
  /** Exercise transactions. */
  EXERCISE("exercise-transactions", "exercises", "exercises", "EXERCISE"),
  /** Activity transactions. */
  ACTIVITY("activity-transactions", "activity-log", "activities", "ACTIVITY_SUMMARY"),
  /** Physical-information transactions. */
  PHYSICAL(
      "physical-information-transactions",
      "physical-informations",
      "physical-informations",
      "PHYSICAL_INFORMATION");

  final String segment;
  final String listKey;
  final String itemSegment;
  final String dataType;

  TransactionKind(String segment, String listKey, String itemSegment, String dataType) {
    this.segment = segment;
    this.listKey = listKey;
    this.itemSegment = itemSegment;
    this.dataType = dataType;
  }
}

package dev.accesslink4j.testkit;

/**
 * The families of AccessLink operations, as the OpenAPI document's tags group them. A group decides how the fake
 * serves a route and which credential it needs.
 */
public enum RouteGroup {
  /** The OAuth2 authorization and token endpoints (no bearer token; the token endpoint takes basic auth). */
  OAUTH,
  /** Register, read and de-register the token's user (bearer). */
  USERS,
  /** Pull notifications (basic auth). */
  NOTIFICATIONS,
  /** The non-transactional exercises and their FIT, TCX and GPX files (bearer). */
  EXERCISES,
  /**
   * Every other non-transactional user resource (bearer): daily activity, continuous heart rate, cardio load,
   * SleepWise, biosensing, sleep, Nightly Recharge and physical information.
   */
  DAILY_DATA,
  /** The exercise, activity and physical-information transactions and their items (bearer). */
  TRANSACTIONS,
  /** Webhook management (basic auth). */
  WEBHOOKS
}

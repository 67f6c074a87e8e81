package dev.accesslink4j.testkit;

/**
 * Every operation the fake serves, with its group, method and path template: every operation of the AccessLink
 * OpenAPI document, plus the browser-facing authorization endpoint. Use a route to target fault injection
 * ({@link FakeAccessLink#inject(Route, Fault)}) and to filter {@link ReceivedRequest}s.
 *
 * <p>Literal segments win over templates ({@code /v3/users/cardio-load/date} never reaches {@code /{date}}); a
 * trailing slash is ignored, so {@code /v3/users/activities/?from=...} works. A known path with another method is a
 * 405 with {@code Allow}, an unknown path a 404.
 */
public enum Route {
  /** {@code GET /oauth2/authorization}: approve and redirect with a code. */
  OAUTH_AUTHORIZE(RouteGroup.OAUTH, "GET", "/oauth2/authorization"),
  /** {@code POST /v2/oauth2/token}: exchange a code for a token (basic client auth). */
  OAUTH_TOKEN(RouteGroup.OAUTH, "POST", "/v2/oauth2/token"),
  /** {@code POST /v3/users}: register the token's user. */
  REGISTER_USER(RouteGroup.USERS, "POST", "/v3/users"),
  /** {@code GET /v3/users/{user-id}}. */
  GET_USER(RouteGroup.USERS, "GET", "/v3/users/{user-id}"),
  /** {@code DELETE /v3/users/{user-id}}: de-register and revoke the token. */
  DELETE_USER(RouteGroup.USERS, "DELETE", "/v3/users/{user-id}"),
  /** {@code GET /v3/notifications} (basic auth). */
  LIST_NOTIFICATIONS(RouteGroup.NOTIFICATIONS, "GET", "/v3/notifications"),
  /** {@code GET /v3/exercises}. */
  LIST_EXERCISES(RouteGroup.EXERCISES, "GET", "/v3/exercises"),
  /** {@code GET /v3/exercises/{exercise-id}}. */
  GET_EXERCISE(RouteGroup.EXERCISES, "GET", "/v3/exercises/{exercise-id}"),
  /** {@code GET /v3/exercises/{exercise-id}/fit}. */
  GET_EXERCISE_FIT(RouteGroup.EXERCISES, "GET", "/v3/exercises/{exercise-id}/fit"),
  /** {@code GET /v3/exercises/{exercise-id}/tcx}: plain XML. */
  GET_EXERCISE_TCX(RouteGroup.EXERCISES, "GET", "/v3/exercises/{exercise-id}/tcx"),
  /** {@code GET /v3/exercises/{exercise-id}/gpx}: 404 without a route. */
  GET_EXERCISE_GPX(RouteGroup.EXERCISES, "GET", "/v3/exercises/{exercise-id}/gpx"),
  /** {@code GET /v3/users/activities}, optionally {@code ?from&to}. */
  LIST_ACTIVITIES(RouteGroup.DAILY_DATA, "GET", "/v3/users/activities"),
  /** {@code GET /v3/users/activities/{date}}. */
  GET_ACTIVITY(RouteGroup.DAILY_DATA, "GET", "/v3/users/activities/{date}"),
  /** {@code GET /v3/users/activities/samples}, optionally {@code ?from&to}. */
  LIST_ACTIVITY_SAMPLES(RouteGroup.DAILY_DATA, "GET", "/v3/users/activities/samples"),
  /** {@code GET /v3/users/activities/samples/{date}}. */
  GET_ACTIVITY_SAMPLES(RouteGroup.DAILY_DATA, "GET", "/v3/users/activities/samples/{date}"),
  /** {@code GET /v3/users/continuous-heart-rate?from&to}. */
  LIST_CONTINUOUS_HEART_RATE(RouteGroup.DAILY_DATA, "GET", "/v3/users/continuous-heart-rate"),
  /** {@code GET /v3/users/continuous-heart-rate/{date}}: 404 when no data. */
  GET_CONTINUOUS_HEART_RATE(RouteGroup.DAILY_DATA, "GET", "/v3/users/continuous-heart-rate/{date}"),
  /** {@code GET /v3/users/cardio-load}. */
  LIST_CARDIO_LOAD(RouteGroup.DAILY_DATA, "GET", "/v3/users/cardio-load"),
  /** {@code GET /v3/users/cardio-load/{date}}: an array even for one date. */
  GET_CARDIO_LOAD(RouteGroup.DAILY_DATA, "GET", "/v3/users/cardio-load/{date}"),
  /** {@code GET /v3/users/cardio-load/date?from&to}: one entry per day. */
  LIST_CARDIO_LOAD_BY_DATE_RANGE(RouteGroup.DAILY_DATA, "GET", "/v3/users/cardio-load/date"),
  /** {@code GET /v3/users/cardio-load/period/days/{days}}. */
  LIST_CARDIO_LOAD_BY_DAYS(
      RouteGroup.DAILY_DATA, "GET", "/v3/users/cardio-load/period/days/{days}"),
  /** {@code GET /v3/users/cardio-load/period/months/{months}}. */
  LIST_CARDIO_LOAD_BY_MONTHS(
      RouteGroup.DAILY_DATA, "GET", "/v3/users/cardio-load/period/months/{months}"),
  /** {@code GET /v3/users/sleepwise/alertness}. */
  LIST_ALERTNESS(RouteGroup.DAILY_DATA, "GET", "/v3/users/sleepwise/alertness"),
  /** {@code GET /v3/users/sleepwise/alertness/date?from&to}. */
  LIST_ALERTNESS_BY_DATE_RANGE(RouteGroup.DAILY_DATA, "GET", "/v3/users/sleepwise/alertness/date"),
  /** {@code GET /v3/users/sleepwise/circadian-bedtime}. */
  LIST_CIRCADIAN_BEDTIME(RouteGroup.DAILY_DATA, "GET", "/v3/users/sleepwise/circadian-bedtime"),
  /** {@code GET /v3/users/sleepwise/circadian-bedtime/date?from&to}. */
  LIST_CIRCADIAN_BEDTIME_BY_DATE_RANGE(
      RouteGroup.DAILY_DATA, "GET", "/v3/users/sleepwise/circadian-bedtime/date"),
  /** {@code GET /v3/users/biosensing/bodytemperature}. */
  LIST_BODY_TEMPERATURE(RouteGroup.DAILY_DATA, "GET", "/v3/users/biosensing/bodytemperature"),
  /** {@code GET /v3/users/biosensing/skintemperature}. */
  LIST_SKIN_TEMPERATURE(RouteGroup.DAILY_DATA, "GET", "/v3/users/biosensing/skintemperature"),
  /** {@code GET /v3/users/biosensing/skincontacts}. */
  LIST_SKIN_CONTACTS(RouteGroup.DAILY_DATA, "GET", "/v3/users/biosensing/skincontacts"),
  /** {@code GET /v3/users/biosensing/ecg}. */
  LIST_ECG(RouteGroup.DAILY_DATA, "GET", "/v3/users/biosensing/ecg"),
  /** {@code GET /v3/users/biosensing/spo2}. */
  LIST_SPO2(RouteGroup.DAILY_DATA, "GET", "/v3/users/biosensing/spo2"),
  /** {@code GET /v3/users/sleep}. */
  LIST_SLEEP(RouteGroup.DAILY_DATA, "GET", "/v3/users/sleep"),
  /** {@code GET /v3/users/sleep/{date}}: 404 when no data. */
  GET_SLEEP(RouteGroup.DAILY_DATA, "GET", "/v3/users/sleep/{date}"),
  /** {@code GET /v3/users/sleep/available}. */
  LIST_AVAILABLE_SLEEP(RouteGroup.DAILY_DATA, "GET", "/v3/users/sleep/available"),
  /** {@code GET /v3/users/nightly-recharge}. */
  LIST_NIGHTLY_RECHARGE(RouteGroup.DAILY_DATA, "GET", "/v3/users/nightly-recharge"),
  /** {@code GET /v3/users/nightly-recharge/{date}}: 404 when no data. */
  GET_NIGHTLY_RECHARGE(RouteGroup.DAILY_DATA, "GET", "/v3/users/nightly-recharge/{date}"),
  /** {@code GET /v3/users/physical-info}. */
  GET_PHYSICAL_INFO(RouteGroup.DAILY_DATA, "GET", "/v3/users/physical-info"),
  /** {@code POST /v3/webhooks}. */
  CREATE_WEBHOOK(RouteGroup.WEBHOOKS, "POST", "/v3/webhooks"),
  /** {@code GET /v3/webhooks}. */
  GET_WEBHOOK(RouteGroup.WEBHOOKS, "GET", "/v3/webhooks"),
  /** {@code PATCH /v3/webhooks/{webhook-id}}. */
  UPDATE_WEBHOOK(RouteGroup.WEBHOOKS, "PATCH", "/v3/webhooks/{webhook-id}"),
  /** {@code DELETE /v3/webhooks/{webhook-id}}. */
  DELETE_WEBHOOK(RouteGroup.WEBHOOKS, "DELETE", "/v3/webhooks/{webhook-id}"),
  /** {@code POST /v3/webhooks/activate}. */
  ACTIVATE_WEBHOOK(RouteGroup.WEBHOOKS, "POST", "/v3/webhooks/activate"),
  /** {@code POST /v3/webhooks/deactivate}. */
  DEACTIVATE_WEBHOOK(RouteGroup.WEBHOOKS, "POST", "/v3/webhooks/deactivate"),
  /** {@code POST /v3/users/{user-id}/exercise-transactions}. */
  CREATE_EXERCISE_TRANSACTION(
      RouteGroup.TRANSACTIONS, "POST", "/v3/users/{user-id}/exercise-transactions"),
  /** {@code GET /v3/users/{user-id}/exercise-transactions/{transaction-id}}. */
  GET_EXERCISE_TRANSACTION(
      RouteGroup.TRANSACTIONS, "GET", "/v3/users/{user-id}/exercise-transactions/{transaction-id}"),
  /** {@code PUT /v3/users/{user-id}/exercise-transactions/{transaction-id}}: commit. */
  COMMIT_EXERCISE_TRANSACTION(
      RouteGroup.TRANSACTIONS, "PUT", "/v3/users/{user-id}/exercise-transactions/{transaction-id}"),
  /** {@code GET .../exercise-transactions/{transaction-id}/exercises/{exercise-id}}. */
  GET_TRANSACTION_EXERCISE(
      RouteGroup.TRANSACTIONS,
      "GET",
      "/v3/users/{user-id}/exercise-transactions/{transaction-id}/exercises/{exercise-id}"),
  /** {@code GET .../exercises/{exercise-id}/fit}: 204 when no FIT. */
  GET_TRANSACTION_EXERCISE_FIT(
      RouteGroup.TRANSACTIONS,
      "GET",
      "/v3/users/{user-id}/exercise-transactions/{transaction-id}/exercises/{exercise-id}/fit"),
  /** {@code GET .../exercises/{exercise-id}/tcx}: gzip-compressed bytes. */
  GET_TRANSACTION_EXERCISE_TCX(
      RouteGroup.TRANSACTIONS,
      "GET",
      "/v3/users/{user-id}/exercise-transactions/{transaction-id}/exercises/{exercise-id}/tcx"),
  /** {@code GET .../exercises/{exercise-id}/gpx?includePauseTimes}: 204 without a route. */
  GET_TRANSACTION_EXERCISE_GPX(
      RouteGroup.TRANSACTIONS,
      "GET",
      "/v3/users/{user-id}/exercise-transactions/{transaction-id}/exercises/{exercise-id}/gpx"),
  /** {@code GET .../exercises/{exercise-id}/heart-rate-zones}: 204 without heart rate. */
  GET_TRANSACTION_EXERCISE_HEART_RATE_ZONES(
      RouteGroup.TRANSACTIONS,
      "GET",
      "/v3/users/{user-id}/exercise-transactions/{transaction-id}/exercises/{exercise-id}/heart-rate-zones"),
  /** {@code GET .../exercises/{exercise-id}/samples}: URLs of the available sample types. */
  GET_TRANSACTION_EXERCISE_SAMPLES(
      RouteGroup.TRANSACTIONS,
      "GET",
      "/v3/users/{user-id}/exercise-transactions/{transaction-id}/exercises/{exercise-id}/samples"),
  /** {@code GET .../exercises/{exercise-id}/samples/{type-id}}: 204 for a type not recorded. */
  GET_TRANSACTION_EXERCISE_SAMPLE(
      RouteGroup.TRANSACTIONS,
      "GET",
      "/v3/users/{user-id}/exercise-transactions/{transaction-id}/exercises/{exercise-id}/samples/{type-id}"),
  /** {@code POST /v3/users/{user-id}/activity-transactions}. */
  CREATE_ACTIVITY_TRANSACTION(
      RouteGroup.TRANSACTIONS, "POST", "/v3/users/{user-id}/activity-transactions"),
  /** {@code GET /v3/users/{user-id}/activity-transactions/{transaction-id}}. */
  GET_ACTIVITY_TRANSACTION(
      RouteGroup.TRANSACTIONS, "GET", "/v3/users/{user-id}/activity-transactions/{transaction-id}"),
  /** {@code PUT /v3/users/{user-id}/activity-transactions/{transaction-id}}: commit. */
  COMMIT_ACTIVITY_TRANSACTION(
      RouteGroup.TRANSACTIONS, "PUT", "/v3/users/{user-id}/activity-transactions/{transaction-id}"),
  /** {@code GET .../activity-transactions/{transaction-id}/activities/{activity-id}}. */
  GET_TRANSACTION_ACTIVITY(
      RouteGroup.TRANSACTIONS,
      "GET",
      "/v3/users/{user-id}/activity-transactions/{transaction-id}/activities/{activity-id}"),
  /** {@code GET .../activities/{activity-id}/step-samples}. */
  GET_TRANSACTION_ACTIVITY_STEP_SAMPLES(
      RouteGroup.TRANSACTIONS,
      "GET",
      "/v3/users/{user-id}/activity-transactions/{transaction-id}/activities/{activity-id}/step-samples"),
  /** {@code GET .../activities/{activity-id}/zone-samples}. */
  GET_TRANSACTION_ACTIVITY_ZONE_SAMPLES(
      RouteGroup.TRANSACTIONS,
      "GET",
      "/v3/users/{user-id}/activity-transactions/{transaction-id}/activities/{activity-id}/zone-samples"),
  /** {@code POST /v3/users/{user-id}/physical-information-transactions}. */
  CREATE_PHYSICAL_INFO_TRANSACTION(
      RouteGroup.TRANSACTIONS, "POST", "/v3/users/{user-id}/physical-information-transactions"),
  /** {@code GET /v3/users/{user-id}/physical-information-transactions/{transaction-id}}. */
  GET_PHYSICAL_INFO_TRANSACTION(
      RouteGroup.TRANSACTIONS,
      "GET",
      "/v3/users/{user-id}/physical-information-transactions/{transaction-id}"),
  /** {@code PUT /v3/users/{user-id}/physical-information-transactions/{transaction-id}}: commit. */
  COMMIT_PHYSICAL_INFO_TRANSACTION(
      RouteGroup.TRANSACTIONS,
      "PUT",
      "/v3/users/{user-id}/physical-information-transactions/{transaction-id}"),
  /** {@code GET .../physical-information-transactions/{transaction-id}/physical-informations/{id}}. */
  GET_TRANSACTION_PHYSICAL_INFO(
      RouteGroup.TRANSACTIONS,
      "GET",
      "/v3/users/{user-id}/physical-information-transactions/{transaction-id}/physical-informations/"
          + "{physical-info-id}");

  private final RouteGroup group;
  private final String method;
  private final String pathTemplate;

  Route(RouteGroup group, String method, String pathTemplate) {
    this.group = group;
    this.method = method;
    this.pathTemplate = pathTemplate;
  }

  /**
   * The family of operations this one belongs to, which also decides the credential it needs.
   *
   * @return for example {@link RouteGroup#TRANSACTIONS}
   */
  public RouteGroup group() {
    return group;
  }

  /**
   * The HTTP method.
   *
   * @return for example {@code GET}
   */
  public String method() {
    return method;
  }

  /**
   * The path template, parameters in braces.
   *
   * @return for example {@code /v3/users/sleep/{date}}
   */
  public String pathTemplate() {
    return pathTemplate;
  }
}

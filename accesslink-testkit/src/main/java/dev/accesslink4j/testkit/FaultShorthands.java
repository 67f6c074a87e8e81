package dev.accesslink4j.testkit;

import java.time.Duration;

/**
 * The fault methods of the first releases, each a one-line shorthand for an {@code inject} call with a
 * {@link Fault}. Kept until 1.0; prefer {@link FakeAccessLink#inject(Route, Fault, int)}. They live here, apart
 * from the facade, so that removing them is deleting this file and the {@code implements} clause.
 */
interface FaultShorthands {
  /**
   * Queues a fault for the next {@code times} requests of a route.
   *
   * @param route the operation
   * @param fault what goes wrong
   * @param times how many requests; at least 1
   */
  void inject(Route route, Fault fault, int times);

  /**
   * Queues a fault for the next {@code times} requests whose path matches.
   *
   * @param pathRegex a regular expression for the whole encoded path, without the query
   * @param fault what goes wrong
   * @param times how many requests; at least 1
   */
  void inject(String pathRegex, Fault fault, int times);

  /**
   * Shorthand for {@code inject(route, Fault.status(status), 1)}; kept until 1.0, prefer inject.
   *
   * @param route the operation
   * @param status the HTTP status, for example 503
   */
  default void failNext(Route route, int status) {
    inject(route, Fault.status(status), 1);
  }

  /**
   * Shorthand for {@code inject(route, Fault.status(status), times)}; kept until 1.0, prefer inject.
   *
   * @param route the operation
   * @param status the HTTP status
   * @param times how many requests; at least 1
   */
  default void failNext(Route route, int status, int times) {
    inject(route, Fault.status(status), times);
  }

  /**
   * Shorthand for {@code inject(pathRegex, Fault.status(status), 1)}; kept until 1.0, prefer inject.
   *
   * @param pathRegex a regular expression for the whole encoded path, without the query
   * @param status the HTTP status
   */
  default void failNext(String pathRegex, int status) {
    inject(pathRegex, Fault.status(status), 1);
  }

  /**
   * Shorthand for {@code inject(pathRegex, Fault.status(status), times)}; kept until 1.0, prefer inject.
   *
   * @param pathRegex a regular expression for the whole encoded path, without the query
   * @param status the HTTP status
   * @param times how many requests; at least 1
   */
  default void failNext(String pathRegex, int status, int times) {
    inject(pathRegex, Fault.status(status), times);
  }

  /**
   * Shorthand for {@code inject(route, Fault.htmlError(status), 1)}; kept until 1.0, prefer inject.
   *
   * @param route the operation
   * @param status the HTTP status, for example 502
   */
  default void htmlErrorNext(Route route, int status) {
    inject(route, Fault.htmlError(status), 1);
  }

  /**
   * Shorthand for {@code inject(pathRegex, Fault.htmlError(status), 1)}; kept until 1.0, prefer inject.
   *
   * @param pathRegex a regular expression for the whole encoded path, without the query
   * @param status the HTTP status
   */
  default void htmlErrorNext(String pathRegex, int status) {
    inject(pathRegex, Fault.htmlError(status), 1);
  }

  /**
   * Shorthand for {@code inject(route, Fault.delay(delay), 1)}; kept until 1.0, prefer inject.
   *
   * @param route the operation
   * @param delay how long the headers are held back
   */
  default void delayNext(Route route, Duration delay) {
    inject(route, Fault.delay(delay), 1);
  }

  /**
   * Shorthand for {@code inject(pathRegex, Fault.delay(delay), 1)}; kept until 1.0, prefer inject.
   *
   * @param pathRegex a regular expression for the whole encoded path, without the query
   * @param delay how long the headers are held back
   */
  default void delayNext(String pathRegex, Duration delay) {
    inject(pathRegex, Fault.delay(delay), 1);
  }

  /**
   * Shorthand for {@code inject(route, Fault.drop(), 1)}; kept until 1.0, prefer inject.
   *
   * @param route the operation
   */
  default void dropConnectionNext(Route route) {
    inject(route, Fault.drop(), 1);
  }

  /**
   * Shorthand for {@code inject(route, Fault.drop(point), 1)}; kept until 1.0, prefer inject.
   *
   * @param route the operation
   * @param point before the response (not processed) or in the middle of the body (processed)
   */
  default void dropConnectionNext(Route route, Fault.DropPoint point) {
    inject(route, Fault.drop(point), 1);
  }

  /**
   * Shorthand for {@code inject(pathRegex, Fault.drop(), 1)}; kept until 1.0, prefer inject.
   *
   * @param pathRegex a regular expression for the whole encoded path, without the query
   */
  default void dropConnectionNext(String pathRegex) {
    inject(pathRegex, Fault.drop(), 1);
  }

  /**
   * Shorthand for {@code inject(pathRegex, Fault.drop(point), 1)}; kept until 1.0, prefer inject.
   *
   * @param pathRegex a regular expression for the whole encoded path, without the query
   * @param point before the response or in the middle of the body
   */
  default void dropConnectionNext(String pathRegex, Fault.DropPoint point) {
    inject(pathRegex, Fault.drop(point), 1);
  }

  /**
   * Shorthand for {@code inject(route, Fault.truncate(), 1)}; kept until 1.0, prefer inject.
   *
   * @param route the operation
   */
  default void truncateNext(Route route) {
    inject(route, Fault.truncate(), 1);
  }

  /**
   * Shorthand for {@code inject(pathRegex, Fault.truncate(), 1)}; kept until 1.0, prefer inject.
   *
   * @param pathRegex a regular expression for the whole encoded path, without the query
   */
  default void truncateNext(String pathRegex) {
    inject(pathRegex, Fault.truncate(), 1);
  }

  /**
   * Shorthand for {@code inject(route, Fault.malformedJson(), 1)}; kept until 1.0, prefer inject.
   *
   * @param route the operation
   */
  default void malformedJsonNext(Route route) {
    inject(route, Fault.malformedJson(), 1);
  }

  /**
   * Shorthand for {@code inject(pathRegex, Fault.malformedJson(), 1)}; kept until 1.0, prefer inject.
   *
   * @param pathRegex a regular expression for the whole encoded path, without the query
   */
  default void malformedJsonNext(String pathRegex) {
    inject(pathRegex, Fault.malformedJson(), 1);
  }
}

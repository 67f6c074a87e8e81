package dev.accesslink4j.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * One misbehaviour of the fake for one request, queued with {@link FakeAccessLink#inject(Route, Fault, int)}: the
 * fake's counterpart of MockWebServer's {@code SocketEffect}, in AccessLink's terms. Immutable values built by the
 * static factories; each one's {@code toString()} reads like the factory call.
 *
 * <pre>{@code
 * fake.inject(Route.GET_EXERCISE, Fault.status(503), 2);          // two 503s, then the real answer
 * fake.inject(Route.COMMIT_EXERCISE_TRANSACTION, Fault.drop());   // connection closed, nothing committed
 * fake.inject(Route.GET_EXERCISE_FIT, Fault.corrupt());           // same length, one byte flipped
 * }</pre>
 *
 * <table>
 *   <caption>What each fault does</caption>
 *   <tr><th>Fault</th><th>Request processed?</th><th>The client sees</th></tr>
 *   <tr><td>{@link #status(int)}</td><td>no</td><td>the status with Polar's error JSON</td></tr>
 *   <tr><td>{@link #htmlError(int)}</td><td>no</td><td>the status with a proxy's HTML page</td></tr>
 *   <tr><td>{@link #drop()}</td><td>no</td><td>the connection closed before any response byte</td></tr>
 *   <tr><td>{@link #drop(DropPoint) drop(MID_BODY)}</td><td>yes</td><td>headers and half the body, then EOF</td></tr>
 *   <tr><td>{@link #delay(Duration)}</td><td>yes</td><td>the real answer, its headers held back</td></tr>
 *   <tr><td>{@link #truncate()}</td><td>yes</td><td>a complete message with the first half of the body</td></tr>
 *   <tr><td>{@link #malformedJson()}</td><td>yes</td><td>a JSON body no parser accepts</td></tr>
 *   <tr><td>{@link #corrupt()}</td><td>yes</td><td>the whole body with its middle byte flipped</td></tr>
 * </table>
 */
public sealed interface Fault {
  /**
   * Answers with a status and Polar's error JSON ({@code timestamp}, {@code status}, {@code errorType},
   * {@code message}, {@code corrId}) without processing the request. An injected {@code 429} also carries
   * rate-limit headers saying the 15-minute window is spent and resets in 900 seconds.
   *
   * @param status the HTTP status, 100 to 599, for example 503
   * @return the fault
   */
  static Fault status(int status) {
    return new Status(status);
  }

  /**
   * Answers with a status and an nginx-style HTML error page ({@code text/html}), as a proxy or load balancer in
   * front of the API would, without processing the request.
   *
   * @param status the HTTP status, 100 to 599, for example 502
   * @return the fault
   */
  static Fault htmlError(int status) {
    return new HtmlError(status);
  }

  /**
   * Processes the request normally but holds the response headers back (to trigger a client's read timeout).
   *
   * @param delay how long; not negative
   * @return the fault
   */
  static Fault delay(Duration delay) {
    return new Delay(delay);
  }

  /**
   * Closes the connection after reading the request and before any response byte; the request is not processed.
   *
   * @return {@code drop(DropPoint.BEFORE_RESPONSE)}
   */
  static Fault drop() {
    return new Drop(DropPoint.BEFORE_RESPONSE);
  }

  /**
   * Closes the connection at a point of the exchange.
   *
   * @param point before the response (not processed) or in the middle of the body (processed)
   * @return the fault
   */
  static Fault drop(DropPoint point) {
    return new Drop(point);
  }

  /**
   * Processes the request but sends only the first half of its body, as a complete HTTP message with a matching
   * {@code Content-Length}: the payload is cut, the transfer is not (on a FIT, TCX or GPX route the client receives
   * a cut file and no I/O error).
   *
   * @return the fault
   */
  static Fault truncate() {
    return Truncate.INSTANCE;
  }

  /**
   * Processes the request but sends a body that is not valid JSON (the first name-value separator goes missing,
   * which no lenient parser repairs), labelled {@code application/json}.
   *
   * @return the fault
   */
  static Fault malformedJson() {
    return MalformedJson.INSTANCE;
  }

  /**
   * Processes the request and sends the whole body with one byte flipped (every bit of the byte at
   * {@code length / 2}): the length and {@code Content-Length} stay right, so only a checksum finds it, such as a
   * FIT file's CRC. A bodiless answer is sent unchanged.
   *
   * @return the fault
   */
  static Fault corrupt() {
    return Corrupt.INSTANCE;
  }

  /** Where {@link #drop(DropPoint)} cuts the connection. */
  enum DropPoint {
    /** After the request is read and before any response byte; the request is not processed. */
    BEFORE_RESPONSE,
    /**
     * After the headers and half of the body; the request IS processed (a commit is committed), the client sees an
     * I/O error while reading the body.
     */
    MID_BODY
  }

  /**
   * The fault of {@link #status(int)}.
   *
   * @param status the HTTP status
   */
  record Status(int status) implements Fault {
    /**
     * Checks the status.
     *
     * @param status the HTTP status, 100 to 599
     */
    public Status {
      checkStatus(status);
    }

    @Override
    public String toString() {
      return "Fault.status(" + status + ")";
    }
  }

  /**
   * The fault of {@link #htmlError(int)}.
   *
   * @param status the HTTP status
   */
  record HtmlError(int status) implements Fault {
    /**
     * Checks the status.
     *
     * @param status the HTTP status, 100 to 599
     */
    public HtmlError {
      checkStatus(status);
    }

    @Override
    public String toString() {
      return "Fault.htmlError(" + status + ")";
    }
  }

  /**
   * The fault of {@link #delay(Duration)}.
   *
   * @param delay how long the headers are held back
   */
  record Delay(Duration delay) implements Fault {
    /**
     * Checks the delay.
     *
     * @param delay not negative
     */
    public Delay {
      if (Objects.requireNonNull(delay, "delay").isNegative()) {
        throw new IllegalArgumentException("negative delay: " + delay);
      }
    }

    @Override
    public String toString() {
      return "Fault.delay(" + delay + ")";
    }
  }

  /**
   * The fault of {@link #drop(DropPoint)}.
   *
   * @param point where the connection is closed
   */
  record Drop(DropPoint point) implements Fault {
    /**
     * Checks the point.
     *
     * @param point where the connection is closed
     */
    public Drop {
      Objects.requireNonNull(point, "point");
    }

    @Override
    public String toString() {
      return "Fault.drop(" + point + ")";
    }
  }

  /** The fault of {@link #truncate()}. */
  enum Truncate implements Fault {
    /** The only instance. */
    INSTANCE;

    @Override
    public String toString() {
      return "Fault.truncate()";
    }
  }

  /** The fault of {@link #malformedJson()}. */
  enum MalformedJson implements Fault {
    /** The only instance. */
    INSTANCE;

    @Override
    public String toString() {
      return "Fault.malformedJson()";
    }
  }

  /** The fault of {@link #corrupt()}. */
  enum Corrupt implements Fault {
    /** The only instance. */
    INSTANCE;

    @Override
    public String toString() {
      return "Fault.corrupt()";
    }
  }

  private static void checkStatus(int status) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("not an HTTP status: " + status);
    }
  }
}

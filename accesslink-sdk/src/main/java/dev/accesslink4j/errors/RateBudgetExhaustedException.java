package dev.accesslink4j.errors;

import dev.accesslink4j.RateBudget;
import java.time.Instant;

/**
 * The client's {@link RateBudget} cannot pay for a request before a window resets that is not worth waiting for
 * (the 24-hour window): the request was <em>not</em> sent. A sync catches it to stop cleanly with its state saved
 * and to tell when it can go on: {@link #resumeAt()}.
 */
public class RateBudgetExhaustedException extends AccessLinkException {
  private static final long serialVersionUID = 1L;

  /** When the window resets. */
  private final Instant resumeAt;

  /** Which window is spent. */
  private final RateBudget.Window window;

  /**
   * Creates the exception.
   *
   * @param what the request that was not sent, as {@code METHOD /path}
   * @param window the spent window
   * @param resumeAt when it resets
   */
  public RateBudgetExhaustedException(String what, RateBudget.Window window, Instant resumeAt) {
    super(what + " was not sent: the rate budget's "
        + (window == RateBudget.Window.LONG ? "24-hour" : "15-minute")
        + " window is spent until " + resumeAt);
    this.window = window;
    this.resumeAt = resumeAt;
  }

  /**
   * When the spent window resets, on the budget's clock: the earliest moment a request can be sent again.
   *
   * @return the instant
   */
  public Instant resumeAt() {
    return resumeAt;
  }

  /**
   * Which window is spent.
   *
   * @return the window
   */
  public RateBudget.Window window() {
    return window;
  }
}

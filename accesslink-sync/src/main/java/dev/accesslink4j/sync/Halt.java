package dev.accesslink4j.sync;

/**
 * Thrown before a request that must not be sent: the run stopped at a spent rate budget, or this process lost the
 * user's lease. Not a failure of AccessLink: the engine reports the first as the run's stop, the second as the
 * user's remaining kinds not done.
 */
final class Halt extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The message a kind fails with when its user's lease was lost. */
  static final String LEASE_LOST = "lease lost to another process";

  /** Why the work halted. */
  enum Cause {
    /** The run stopped: the client's rate budget is spent until its daily window resets. */
    BUDGET,
    /** Another process took the user: its lease could not be renewed. */
    LEASE
  }

  private final Cause cause;

  Halt(Cause cause) {
    super(
        cause == Cause.LEASE ? LEASE_LOST : "the run stopped at the spent rate budget",
        null,
        false,
        false);
    this.cause = cause;
  }

  Cause why() {
    return cause;
  }
}

package dev.accesslink4j.sync;

/**
 * One user's lease, held by this process until {@link #close()} or until it expires unrenewed. The engine renews it
 * while it syncs the user; when a renewal fails (the lease expired and another process took the user) the engine
 * stops that user at its next step and reports the rest as not done.
 */
public interface UserLease extends AutoCloseable {
  /**
   * The user the lease is for.
   *
   * @return the Polar user id
   */
  long userId();

  /**
   * Extends the lease by its time to live.
   *
   * @return true when this process still holds it; false when it was lost
   */
  boolean renew();

  /** Gives the lease back, so another process may take the user at once. Never throws. */
  @Override
  void close();
}

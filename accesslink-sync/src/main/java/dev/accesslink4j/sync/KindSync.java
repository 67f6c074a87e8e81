package dev.accesslink4j.sync;

import org.jspecify.annotations.Nullable;

/** The work of one kind (or one way of reading it) for one user in a run: one job per implementation. */
interface KindSync {
  /**
   * Syncs the kind of the user: reads what is new, delivers it to the sink, records it.
   *
   * @param user the user's turn in the run (its client, its request gate, the sink and state)
   * @param kind the kind
   * @param dates the dates of a targeted sync, or null for a regular run
   * @return how many items and files were delivered
   * @throws Exception anything: the kind failed (what was recorded before stays recorded)
   */
  int sync(UserTurn user, SyncKind kind, @Nullable Span dates) throws Exception;
}

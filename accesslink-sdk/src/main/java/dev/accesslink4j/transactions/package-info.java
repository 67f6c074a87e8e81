/**
 * AccessLink's transactional API, which Polar has deprecated, in one place:
 * {@link dev.accesslink4j.transactions.TransactionsService} with its safe loop (commits only after every handler
 * returned, loops until AccessLink has nothing more), the explicit {@link dev.accesslink4j.transactions.Transaction}
 * handle, the items it offers (the sealed {@link dev.accesslink4j.transactions.TransactionItem}:
 * {@link dev.accesslink4j.transactions.ExerciseItem}, {@link dev.accesslink4j.transactions.ActivityItem},
 * {@link dev.accesslink4j.transactions.PhysicalInfoItem}) and the handlers that receive them.
 *
 * <p>Kept apart from {@link dev.accesslink4j.services} so that the deprecated model does not mix with the resources
 * that replace it, and can be dropped as one package when Polar switches it off. Item URLs are followed only when
 * their host is the client's base URL, so a token never leaves for another host. The run's failures are
 * {@link dev.accesslink4j.errors.TransactionAbortedException} and
 * {@link dev.accesslink4j.errors.TransactionGoneException}.
 *
 * <p>Everything in this package is non-null unless annotated otherwise.
 */
@NullMarked
package dev.accesslink4j.transactions;

import org.jspecify.annotations.NullMarked;

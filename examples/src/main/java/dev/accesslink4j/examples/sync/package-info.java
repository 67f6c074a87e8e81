/**
 * The sync engine: which data kinds are read, how they are written to disk (atomically, idempotently), and how
 * progress is shown.
 *
 * <p>Everything in this package is non-null unless annotated otherwise.
 */
@NullMarked
package dev.accesslink4j.examples.sync;

import org.jspecify.annotations.NullMarked;

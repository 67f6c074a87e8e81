/**
 * The CLI's side of a sync, on the {@code accesslink-sync} engine: which kinds and formats the command line chose,
 * the engine opened on the output folder with its state file, and what the user sees (a progress bar, plain lines or
 * one line of JSON).
 *
 * <p>Everything in this package is non-null unless annotated otherwise.
 */
@NullMarked
package dev.accesslink4j.examples.sync;

import org.jspecify.annotations.NullMarked;

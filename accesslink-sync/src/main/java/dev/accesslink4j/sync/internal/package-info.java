/** The engine's internals: the per-kind readers, the state file's format and the run's counters. Not public API. */
@NullMarked
package dev.accesslink4j.sync.internal;

import org.jspecify.annotations.NullMarked;

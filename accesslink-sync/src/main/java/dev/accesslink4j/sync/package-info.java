/**
 * The sync engine: {@link dev.accesslink4j.sync.SyncEngine} reads every linked user's new exercises and daily data
 * and hands each item once to a {@link dev.accesslink4j.sync.SyncSink}, remembering what was delivered in a
 * {@link dev.accesslink4j.sync.StateStore}.
 */
@NullMarked
package dev.accesslink4j.sync;

import org.jspecify.annotations.NullMarked;

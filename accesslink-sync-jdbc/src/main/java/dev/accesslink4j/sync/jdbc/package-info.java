/**
 * The sync engine on PostgreSQL, for several processes of one partner client: a shared rate budget, per-user
 * leases, shared sync state, shared webhook deduplication and an encrypted token store, all in tables of one
 * database, created and migrated by {@link dev.accesslink4j.sync.jdbc.SyncSchema}.
 */
@NullMarked
package dev.accesslink4j.sync.jdbc;

import org.jspecify.annotations.NullMarked;

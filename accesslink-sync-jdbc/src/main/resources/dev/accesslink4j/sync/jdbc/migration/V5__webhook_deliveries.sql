-- JdbcWebhookDeduplicator: the webhook events seen by any receiver replica, one row per deduplication key.
-- key_sha256 (the SHA-256 of the key's UTF-8 bytes) is the primary key, so keys of any length fit the index;
-- dedup_key is the key itself, cut to 200 characters, for reading in SQL. A row older than the window counts as
-- absent and is overwritten by the next delivery of its key, or purged.
CREATE TABLE ${prefix}webhook_deliveries (
  key_sha256 BYTEA PRIMARY KEY,
  dedup_key TEXT NOT NULL,
  first_seen TIMESTAMPTZ NOT NULL
);
CREATE INDEX ${prefix}webhook_deliveries_first_seen ON ${prefix}webhook_deliveries (first_seen);

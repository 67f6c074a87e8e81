-- JdbcTokenStore: users' AccessLink tokens, one row per application key, encrypted at rest.
-- sealed = 1 format byte, a random 12-byte IV, then AES-256-GCM of the token and its metadata (type, lifetime, issue
-- time, user id) with its 16-byte tag; the associated data is the row's token_key and user_id, so a sealed value
-- moved to another row, or a row whose user_id was changed, fails authentication.
-- user_id (the Polar user id, not secret) is in the clear for findByUserId; key_id names the encryption key that
-- sealed the row (an HMAC of the key, not the key), so a wrong key is told from an altered row.
CREATE TABLE ${prefix}tokens (
  token_key TEXT PRIMARY KEY,
  user_id BIGINT,
  key_id TEXT NOT NULL,
  sealed BYTEA NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX ${prefix}tokens_user_id ON ${prefix}tokens (user_id);

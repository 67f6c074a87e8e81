-- JdbcStateStore: what was delivered, one row per user and kind, replaced whole by one upsert per save.
-- ids and fingerprints are parallel arrays (ids sorted ascending), read_through the last date read of a daily kind.
CREATE TABLE ${prefix}sync_state (
  user_id BIGINT NOT NULL,
  kind TEXT NOT NULL,
  ids TEXT[] NOT NULL,
  fingerprints BIGINT[] NOT NULL,
  read_through DATE,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, kind),
  CHECK (cardinality(ids) = cardinality(fingerprints))
);

-- JdbcStateStore: users held back after a 401 (relink) or 403 (consent), with the SHA-256 of the refused token.
CREATE TABLE ${prefix}user_holds (
  user_id BIGINT PRIMARY KEY,
  reason TEXT NOT NULL CHECK (reason IN ('relink', 'consent')),
  token_sha256 TEXT NOT NULL,
  held_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

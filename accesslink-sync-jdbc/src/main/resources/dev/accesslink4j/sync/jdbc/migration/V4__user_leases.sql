-- JdbcUserLeases: who syncs a user right now. A row is live while expires_at (the database's clock) is in the
-- future; an expired row is taken over by the next tryAcquire. lease_id is new on every acquisition, so a holder
-- whose lease expired and was taken can never renew or delete its successor's row.
CREATE TABLE ${prefix}user_leases (
  user_id BIGINT PRIMARY KEY,
  lease_id UUID NOT NULL,
  holder TEXT NOT NULL,
  acquired_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL
);

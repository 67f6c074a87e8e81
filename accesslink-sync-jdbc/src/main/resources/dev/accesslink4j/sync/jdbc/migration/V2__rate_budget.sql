-- The shared rate budget (JdbcRateBudget): one row per partner client holding both of Polar's windows, so that
-- one UPDATE leases a slice of both. A window's generation counts its resets: a slice is handed back only to the
-- generation it was leased from. Times are epoch milliseconds on the budgets' clocks; a null reset is a window
-- that has not started (it starts at its first lease).
CREATE TABLE ${prefix}rate_budget (
  budget TEXT PRIMARY KEY,
  short_generation BIGINT NOT NULL DEFAULT 0,
  short_limit BIGINT NOT NULL,
  short_used BIGINT NOT NULL DEFAULT 0,
  short_reset_at BIGINT,
  short_from_headers BOOLEAN NOT NULL DEFAULT FALSE,
  long_generation BIGINT NOT NULL DEFAULT 0,
  long_limit BIGINT NOT NULL,
  long_used BIGINT NOT NULL DEFAULT 0,
  long_reset_at BIGINT,
  long_from_headers BOOLEAN NOT NULL DEFAULT FALSE,
  CHECK (short_used >= 0 AND long_used >= 0)
);

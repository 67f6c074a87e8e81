-- The module's first version: a row that says which accesslink4j schema this database carries.
-- Later scripts (V2, V3, ...) add the budget, lease, state, deduplication and token tables.
CREATE TABLE ${prefix}schema_marker (
  name TEXT PRIMARY KEY,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO ${prefix}schema_marker (name) VALUES ('accesslink4j-sync-jdbc');

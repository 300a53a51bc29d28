#pragma once
// SQL of each schema version of the workspace file; index i migrates version i to i+1.
// Append new migrations; never edit a shipped one.
namespace tg::model::schema {

inline constexpr const char* kMigrations[] = {
    // 0 -> 1
    R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE imports(
  id INTEGER PRIMARY KEY,          -- dataset source index + 1
  path TEXT NOT NULL,
  format TEXT NOT NULL,
  imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  report TEXT                      -- the import report as JSON
);
CREATE TABLE strings(id INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TABLE resources(id INTEGER PRIMARY KEY, service INTEGER NOT NULL, attributes BLOB);
CREATE TABLE spans(
  row INTEGER PRIMARY KEY,         -- dataset row
  import_id INTEGER NOT NULL,
  trace_hi INTEGER NOT NULL, trace_lo INTEGER NOT NULL,
  span_id INTEGER NOT NULL, parent_id INTEGER NOT NULL,
  service INTEGER NOT NULL, operation INTEGER NOT NULL,
  kind INTEGER NOT NULL, status INTEGER NOT NULL, flags INTEGER NOT NULL,
  start_ns INTEGER NOT NULL, duration_ns INTEGER NOT NULL,
  resource INTEGER NOT NULL,
  attributes BLOB, events BLOB, links BLOB
);
CREATE INDEX spans_by_trace ON spans(trace_hi, trace_lo);
-- For people reading the file with the sqlite3 shell.
CREATE VIEW spans_readable AS
  SELECT s.row, printf('%016x%016x', s.trace_hi, s.trace_lo) AS trace_id,
         printf('%016x', s.span_id) AS span_id, printf('%016x', s.parent_id) AS parent_id,
         sv.text AS service, op.text AS operation, s.kind, s.status,
         s.start_ns, s.duration_ns, i.path AS source
  FROM spans s JOIN strings sv ON sv.id = s.service JOIN strings op ON op.id = s.operation
       JOIN imports i ON i.id = s.import_id;
)sql",
    // 1 -> 2: node positions the user dragged in the topology view (by node name, so they
    // survive re-imports that renumber nodes).
    R"sql(
CREATE TABLE node_positions(name TEXT PRIMARY KEY, x REAL NOT NULL, y REAL NOT NULL);
)sql",
    // 2 -> 3: log records (models/telemetry/log_store.h) with their own string table (the
    // LogStore's string ids), streams, the trace/span IDs the format stated and the ones
    // correlation linked them to (derived fields included; indexed), and an FTS5 index of the
    // bodies. The FTS table reads its text from logs.body (external content: stored once).
    R"sql(
CREATE TABLE log_imports(
  id INTEGER PRIMARY KEY,          -- LogStore source index + 1
  path TEXT NOT NULL,
  format TEXT NOT NULL,
  imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  report TEXT
);
CREATE TABLE log_strings(id INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TABLE log_streams(id INTEGER PRIMARY KEY, labels BLOB NOT NULL); -- (key, value) string ids
CREATE TABLE logs(
  row INTEGER PRIMARY KEY,         -- LogStore row
  import_id INTEGER NOT NULL,
  time_ns INTEGER NOT NULL, observed_ns INTEGER NOT NULL,
  severity INTEGER NOT NULL, severity_text INTEGER NOT NULL,
  stream INTEGER NOT NULL, flags INTEGER NOT NULL,
  trace_hi INTEGER, trace_lo INTEGER, span_id INTEGER,                -- as stated; NULL: none
  link_trace_hi INTEGER, link_trace_lo INTEGER, link_span_id INTEGER, -- stated or derived
  body TEXT NOT NULL,
  attributes BLOB
);
CREATE INDEX logs_by_trace ON logs(link_trace_hi, link_trace_lo) WHERE link_trace_hi IS NOT NULL;
CREATE VIRTUAL TABLE logs_fts USING fts5(body, content='logs', content_rowid='row');
CREATE VIEW logs_readable AS
  SELECT l.row, l.time_ns, l.severity, st.text AS severity_text,
         CASE WHEN l.link_trace_hi IS NULL THEN NULL
              ELSE printf('%016x%016x', l.link_trace_hi, l.link_trace_lo) END AS trace_id,
         CASE WHEN l.link_span_id IS NULL THEN NULL
              ELSE printf('%016x', l.link_span_id) END AS span_id,
         l.body, i.path AS source
  FROM logs l JOIN log_strings st ON st.id = l.severity_text JOIN log_imports i ON i.id = l.import_id;
)sql",
    // 3 -> 4: metrics (models/telemetry/metric_store.h) with their own string table: families,
    // series (label sets as BLOBs of string ids), samples and exemplars in arrival order. A NaN
    // value is stored as NULL (SQLite has no NaN; -0.0 comes back as 0). Exemplars are indexed
    // by trace.
    R"sql(
CREATE TABLE metric_imports(
  id INTEGER PRIMARY KEY,          -- MetricStore source index + 1
  path TEXT NOT NULL,
  format TEXT NOT NULL,
  imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  report TEXT
);
CREATE TABLE metric_strings(id INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TABLE metric_families(
  id INTEGER PRIMARY KEY, name INTEGER NOT NULL, type INTEGER NOT NULL,
  help INTEGER NOT NULL, unit INTEGER NOT NULL, flags INTEGER NOT NULL);
CREATE TABLE metric_series(
  id INTEGER PRIMARY KEY, family INTEGER NOT NULL, name INTEGER NOT NULL, role INTEGER NOT NULL,
  import_id INTEGER NOT NULL, labels BLOB NOT NULL);
CREATE TABLE metric_samples(
  row INTEGER PRIMARY KEY, series INTEGER NOT NULL, time_ns INTEGER NOT NULL,
  value REAL, flags INTEGER NOT NULL, import_id INTEGER NOT NULL);
CREATE TABLE metric_exemplars(
  row INTEGER PRIMARY KEY, series INTEGER NOT NULL, sample INTEGER, value REAL,
  time_ns INTEGER NOT NULL, flags INTEGER NOT NULL,
  trace_hi INTEGER, trace_lo INTEGER, span_id INTEGER, labels BLOB NOT NULL);
CREATE INDEX metric_exemplars_by_trace ON metric_exemplars(trace_hi, trace_lo)
  WHERE trace_hi IS NOT NULL;
)sql",
    // 4 -> 5: log records packed in blocks of up to 256 consecutive rows (log_block_codec.h):
    // one SQLite row and one FTS5 document per block instead of per record, which made the
    // write five times cheaper. A full-text hit is resolved to its records by token position
    // (token_starts, before the records so reading it does not walk the records' overflow
    // pages); a trace to its blocks through log_trace_blocks. Workspace::migrate moves the v3
    // rows into blocks after this SQL (workspace_log_migration.cpp), then drops the v3 tables.
    R"sql(
CREATE TABLE log_blocks(
  id INTEGER PRIMARY KEY,          -- 0, 1, ... in row order
  first_row INTEGER NOT NULL,      -- LogStore row of its first record
  row_count INTEGER NOT NULL,
  token_starts BLOB NOT NULL,      -- FTS5 token count of each record's body (varints)
  records BLOB NOT NULL
);
CREATE TABLE log_trace_blocks(
  trace_hi INTEGER NOT NULL, trace_lo INTEGER NOT NULL, block INTEGER NOT NULL,
  PRIMARY KEY(trace_hi, trace_lo, block)
) WITHOUT ROWID;
-- One document per block: its bodies joined by newlines (a separator, so no token spans two
-- records). Contentless: the text is in log_blocks.records.
CREATE VIRTUAL TABLE log_blocks_fts USING fts5(bodies, content='', columnsize=0,
                                               tokenize='unicode61');
)sql",
};

inline constexpr int kLatestVersion = sizeof(kMigrations) / sizeof(kMigrations[0]);

} // namespace tg::model::schema

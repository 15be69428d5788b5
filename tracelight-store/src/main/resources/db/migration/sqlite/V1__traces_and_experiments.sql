-- Experiments, traces and spans (SQLite). Ids of experiments are integers, shown as strings.
CREATE TABLE experiments (
  experiment_id     INTEGER PRIMARY KEY,
  name              TEXT    NOT NULL UNIQUE,
  artifact_location TEXT    NOT NULL,
  lifecycle_stage   TEXT    NOT NULL DEFAULT 'active',
  creation_time     INTEGER NOT NULL,
  last_update_time  INTEGER NOT NULL
);

CREATE TABLE experiment_tags (
  experiment_id INTEGER NOT NULL REFERENCES experiments (experiment_id) ON DELETE CASCADE,
  key           TEXT    NOT NULL,
  value         TEXT    NOT NULL,
  PRIMARY KEY (experiment_id, key)
);

-- finalized = 1 once StartTraceV3 wrote the authoritative info; spans then stop deriving it.
CREATE TABLE trace_info (
  trace_id           TEXT    PRIMARY KEY,
  experiment_id      INTEGER NOT NULL REFERENCES experiments (experiment_id),
  client_request_id  TEXT,
  request_time       INTEGER NOT NULL,
  execution_duration INTEGER NOT NULL DEFAULT 0,
  state              TEXT    NOT NULL,
  request_preview    TEXT,
  response_preview   TEXT,
  finalized          INTEGER NOT NULL DEFAULT 0
);

-- Serves search: newest first within experiments, keyset-paged on (request_time, trace_id).
CREATE INDEX trace_info_experiment_time ON trace_info (experiment_id, request_time DESC, trace_id);

CREATE TABLE trace_metadata (
  trace_id TEXT NOT NULL REFERENCES trace_info (trace_id) ON DELETE CASCADE,
  key      TEXT NOT NULL,
  value    TEXT NOT NULL,
  PRIMARY KEY (trace_id, key)
);

CREATE TABLE trace_tags (
  trace_id TEXT NOT NULL REFERENCES trace_info (trace_id) ON DELETE CASCADE,
  key      TEXT NOT NULL,
  value    TEXT NOT NULL,
  PRIMARY KEY (trace_id, key)
);

-- content is MLflow 3.x's span dict as JSON text (traces.json format).
CREATE TABLE spans (
  trace_id             TEXT    NOT NULL REFERENCES trace_info (trace_id) ON DELETE CASCADE,
  span_id              TEXT    NOT NULL,
  parent_span_id       TEXT,
  experiment_id        INTEGER NOT NULL,
  name                 TEXT    NOT NULL,
  type                 TEXT,
  status               TEXT    NOT NULL,
  start_time_unix_nano INTEGER NOT NULL,
  end_time_unix_nano   INTEGER,
  content              TEXT    NOT NULL,
  PRIMARY KEY (trace_id, span_id)
);

CREATE INDEX spans_experiment_type_status ON spans (experiment_id, type, status);

INSERT INTO experiments (experiment_id, name, artifact_location, lifecycle_stage, creation_time,
                         last_update_time)
VALUES (0, 'Default', 'mlflow-artifacts:/0', 'active',
        CAST(strftime('%s', 'now') AS INTEGER) * 1000, CAST(strftime('%s', 'now') AS INTEGER) * 1000);

-- Assessments (feedback and expectations) on traces, one row each, gone with their trace.
-- value is the JSON text of feedback.value / expectation.value, or the serialized text when
-- serialization_format is set; metadata is a JSON object of strings.
CREATE TABLE assessments (
  assessment_id        TEXT     PRIMARY KEY,
  trace_id             TEXT     NOT NULL REFERENCES trace_info (trace_id) ON DELETE CASCADE,
  name                 TEXT     NOT NULL,
  kind                 TEXT     NOT NULL,
  value                TEXT,
  serialization_format TEXT,
  error_code           TEXT,
  error_message        TEXT,
  rationale            TEXT,
  source_type          TEXT     NOT NULL,
  source_id            TEXT     NOT NULL,
  span_id              TEXT,
  overrides            TEXT,
  valid                SMALLINT NOT NULL DEFAULT 1,
  metadata             TEXT     NOT NULL,
  create_time          BIGINT   NOT NULL,
  last_update_time     BIGINT   NOT NULL
);

-- Serves embedding assessments in trace infos, oldest first.
CREATE INDEX assessments_trace ON assessments (trace_id, create_time);

-- Serves search ordered by execution time, keyset-paged on (execution_duration, trace_id).
CREATE INDEX trace_info_experiment_duration
  ON trace_info (experiment_id, execution_duration, trace_id);

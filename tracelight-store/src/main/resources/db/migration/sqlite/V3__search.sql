-- Search (MLFLOW_WIRE.md §5): span attributes as filters read them, and the indexes that filters
-- and orders use.

-- One row per span attribute, so span.attributes.<key> and trace.text never parse span content:
-- value is the decoded string for a JSON string, the JSON text otherwise, cut to 65,536
-- characters (SpanAttributeRows). Gone with its span.
CREATE TABLE span_attributes (
  trace_id TEXT NOT NULL,
  span_id  TEXT NOT NULL,
  key      TEXT NOT NULL,
  value    TEXT NOT NULL,
  PRIMARY KEY (trace_id, span_id, key),
  FOREIGN KEY (trace_id, span_id) REFERENCES spans (trace_id, span_id) ON DELETE CASCADE
);

INSERT INTO span_attributes (trace_id, span_id, key, value)
SELECT s.trace_id, s.span_id, a.key,
       substr(CASE WHEN a.type = 'text' AND json_valid(a.value) AND json_type(a.value) = 'text'
                   THEN json_extract(a.value, '$')
                   ELSE CAST(a.value AS TEXT) END, 1, 65536)
FROM spans s, json_each(s.content, '$.attributes') a
WHERE a.value IS NOT NULL;

-- Oldest first (MLflow's trace loader pages with timestamp_ms ASC, request_id ASC); newest first
-- is trace_info_experiment_time from V1.
CREATE INDEX trace_info_experiment_time_asc ON trace_info (experiment_id, request_time, trace_id);

-- execution_time_ms ASC with MLflow's tie-breakers timestamp_ms DESC, request_id ASC.
DROP INDEX trace_info_experiment_duration;
CREATE INDEX trace_info_experiment_duration
  ON trace_info (experiment_id, execution_duration, request_time DESC, trace_id);

-- tag.<key> / metadata.<key> = value, from the tag side when few traces match.
CREATE INDEX trace_tags_key_value ON trace_tags (key, value);
CREATE INDEX trace_metadata_key_value ON trace_metadata (key, value);

-- span.name / span.type per trace, answered from the index alone.
CREATE INDEX spans_trace_name ON spans (trace_id, name);
CREATE INDEX spans_trace_type ON spans (trace_id, type);

-- feedback.<name> / expectation.<name> per trace.
CREATE INDEX assessments_trace_name ON assessments (trace_id, name);

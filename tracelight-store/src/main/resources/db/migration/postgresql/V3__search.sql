-- Search (MLFLOW_WIRE.md §5): span attributes as filters read them, the functions filters call,
-- and the indexes that filters and orders use.

-- A JSON string decoded; any other text (numbers, objects, non-JSON) unchanged. SQLite has the
-- same function in Java (SqliteFunctions).
CREATE FUNCTION tl_json_text(v TEXT) RETURNS TEXT
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
  IF left(v, 1) <> '"' THEN
    RETURN v;
  END IF;
  BEGIN
    RETURN (v::jsonb) #>> '{}';
  EXCEPTION WHEN others THEN
    RETURN v;
  END;
END
$$;

-- True if prompts (tag mlflow.linkedPrompts) is a JSON array holding {"name", "version"}.
CREATE FUNCTION tl_has_prompt(prompts TEXT, prompt_name TEXT, prompt_version TEXT)
  RETURNS BOOLEAN LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
  RETURN EXISTS (SELECT 1 FROM jsonb_array_elements(prompts::jsonb) e
                 WHERE jsonb_typeof(e) = 'object'
                   AND e ->> 'name' = prompt_name AND e ->> 'version' = prompt_version);
EXCEPTION WHEN others THEN
  RETURN false;
END
$$;

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

-- Content holding \u0000 cannot become jsonb; such spans get their rows when next written.
INSERT INTO span_attributes (trace_id, span_id, key, value)
SELECT s.trace_id, s.span_id, a.key, left(tl_json_text(a.value), 65536)
FROM spans s, json_each_text((s.content::json) -> 'attributes') a
WHERE s.content NOT LIKE '%\\u0000%' AND a.value IS NOT NULL;

-- Oldest first (MLflow's trace loader pages with timestamp_ms ASC, request_id ASC); newest first
-- is trace_info_experiment_time from V1.
CREATE INDEX trace_info_experiment_time_asc ON trace_info (experiment_id, request_time, trace_id);

-- execution_time_ms ASC with MLflow's tie-breakers timestamp_ms DESC, request_id ASC.
DROP INDEX trace_info_experiment_duration;
CREATE INDEX trace_info_experiment_duration
  ON trace_info (experiment_id, execution_duration, request_time DESC, trace_id);

-- tag.<key> / metadata.<key> = value, from the tag side when few traces match. Values can exceed
-- a B-tree entry, so the index holds their first 100 characters; equality also compares those.
CREATE INDEX trace_tags_key_value ON trace_tags (key, left(value, 100));
CREATE INDEX trace_metadata_key_value ON trace_metadata (key, left(value, 100));

-- span.name / span.type per trace (names can exceed a B-tree entry: their first 100 characters).
CREATE INDEX spans_trace_name ON spans (trace_id, left(name, 100));
CREATE INDEX spans_trace_type ON spans (trace_id, type);

-- feedback.<name> / expectation.<name> per trace.
CREATE INDEX assessments_trace_name ON assessments (trace_id, name);

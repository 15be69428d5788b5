-- The experiment overview (TraceStatistics): a JSON number read defensively, and an index that
-- answers the latency histogram and the counts from the index alone.

-- The number at json_key of the JSON object text v; NULL for malformed JSON, a missing key or a
-- value that is not a number (PostgreSQL 15 can only test a cast to jsonb by trying it). SQLite
-- does the same with json_valid and json_type inline (TraceStatisticsSql).
CREATE FUNCTION tl_json_number(v TEXT, json_key TEXT) RETURNS NUMERIC
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  doc JSONB;
BEGIN
  IF left(ltrim(v), 1) <> '{' THEN
    RETURN NULL;
  END IF;
  BEGIN
    doc := v::jsonb;
  EXCEPTION WHEN others THEN
    RETURN NULL;
  END;
  IF jsonb_typeof(doc -> json_key) = 'number' THEN
    RETURN (doc ->> json_key)::numeric;
  END IF;
  RETURN NULL;
END
$$;

-- Range scans for the overview read duration and state without visiting the table rows.
CREATE INDEX trace_info_experiment_time_stats
  ON trace_info (experiment_id, request_time, execution_duration, state);

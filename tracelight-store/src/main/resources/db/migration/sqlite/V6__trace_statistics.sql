-- The experiment overview (TraceStatistics): range scans for the latency histogram and the counts
-- read duration and state without visiting the table rows. PostgreSQL's V6 also adds
-- tl_json_number; SQLite reads JSON numbers with json_valid and json_type inline.
CREATE INDEX trace_info_experiment_time_stats
  ON trace_info (experiment_id, request_time, execution_duration, state);

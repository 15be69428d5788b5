-- Span content compressed: new rows keep content = '' and the span dict in content_deflated (a
-- format byte, then raw deflate with a preset dictionary; see SpanContentCompression). Rows
-- written before this version keep their JSON text in content and NULL here; both read alike.
ALTER TABLE spans ADD COLUMN content_deflated BLOB;

-- 1 when StartTraceV3 carried its own mlflow.trace.cost: later spans then leave it alone;
-- otherwise the cost summed from the spans stays current, even after the trace is finalized.
ALTER TABLE trace_info ADD COLUMN client_cost INTEGER NOT NULL DEFAULT 0;

-- Span content compressed: new rows keep content = '' and the span dict in content_deflated (a
-- format byte, then raw deflate with a preset dictionary; see SpanContentCompression). Rows
-- written before this version keep their JSON text in content and NULL here; both read alike.
ALTER TABLE spans ADD COLUMN content_deflated BYTEA;

-- Already compressed: out of line when large, without TOAST trying to compress it again.
ALTER TABLE spans ALTER COLUMN content_deflated SET STORAGE EXTERNAL;

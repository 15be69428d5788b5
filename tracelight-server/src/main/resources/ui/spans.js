// Stored spans as the UI reads them. GetTrace returns OpenTelemetry span JSON whose attribute
// values are JSON-encoded text (string_value); a span view decodes them once.
import { parseJson } from './dom.js';

/**
 * { id, parent, name, type, usage, durationMs, start (BigInt ns), end (BigInt ns), status
 * {code, message}, events [{name, time_unix_nano, attributes [{key, value}]}], attributes {key:
 * decoded value} } of one span of GetTrace's `spans`.
 */
export function spanView(span) {
  const attributes = {};
  for (const kv of span.attributes || []) {
    const v = kv.value || {};
    attributes[kv.key] = 'string_value' in v ? parseJson(v.string_value) : Object.values(v)[0];
  }
  const start = BigInt(span.start_time_unix_nano || 0);
  const end = span.end_time_unix_nano ? BigInt(span.end_time_unix_nano) : start;
  return {
    id: span.span_id,
    parent: span.parent_span_id || '',
    name: span.name,
    type: attributes['mlflow.spanType'],
    usage: attributes['mlflow.chat.tokenUsage'],
    durationMs: Number((end - start) / 1000n) / 1000,
    start,
    end,
    status: span.status || {},
    events: span.events || [],
    attributes,
  };
}

package dev.tracelight.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Queries on the {@code span_attributes} table: each span attribute as search reads it, kept
 * beside the span's content so that {@code span.attributes.<key>} and {@code trace.text} filters
 * never parse (or decompress) span content. A value is the decoded string for a JSON string and
 * the JSON text otherwise, cut to {@link #MAX_VALUE_CHARS}.
 */
final class SpanAttributeRows {
  /** Longest value kept for search; longer inputs and outputs are searched in their first part. */
  static final int MAX_VALUE_CHARS = 65_536;

  private SpanAttributeRows() {}

  /** Replaces the search rows of these spans with their current attributes. */
  static void replace(Connection c, List<SpanRecord> spans) throws SQLException {
    try (PreparedStatement delete = c.prepareStatement(
            "DELETE FROM span_attributes WHERE trace_id = ? AND span_id = ?");
        PreparedStatement insert = c.prepareStatement(
            "INSERT INTO span_attributes (trace_id, span_id, key, value) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (trace_id, span_id, key) DO UPDATE SET value = excluded.value")) {
      boolean any = false;
      for (SpanRecord s : spans) {
        delete.setString(1, s.traceId());
        delete.setString(2, s.spanId());
        delete.addBatch();
        for (Map.Entry<String, String> a : s.attributes().entrySet()) {
          insert.setString(1, s.traceId());
          insert.setString(2, s.spanId());
          insert.setString(3, a.getKey());
          insert.setString(4, searchValue(a.getValue()));
          insert.addBatch();
          any = true;
        }
      }
      delete.executeBatch();
      if (any) {
        insert.executeBatch();
      }
    }
  }

  /** The value search compares: a JSON string decoded, other text as is, at most the limit. */
  static String searchValue(String attributeJson) {
    String text = SqliteFunctions.JsonValues.text(attributeJson);
    if (text.length() <= MAX_VALUE_CHARS) {
      return text;
    }
    int end = MAX_VALUE_CHARS;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }
}

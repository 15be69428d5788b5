package dev.tracelight.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Queries on the {@code assessments} table. */
final class AssessmentRows {
  private static final String COLUMNS = "assessment_id, trace_id, name, kind, value,"
      + " serialization_format, error_code, error_message, rationale, source_type, source_id,"
      + " span_id, overrides, valid, metadata, create_time, last_update_time";
  private static final TypeReference<TreeMap<String, String>> STRING_MAP = new TypeReference<>() {};

  private AssessmentRows() {}

  static void insert(Connection c, Assessment a) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO assessments (" + COLUMNS
        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, a.assessmentId());
      ps.setString(2, a.traceId());
      setMutableColumns(ps, 3, a);
      ps.executeUpdate();
    }
  }

  /** Rewrites every column but the ids. */
  static void update(Connection c, Assessment a) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE assessments SET name = ?, kind = ?,"
        + " value = ?, serialization_format = ?, error_code = ?, error_message = ?,"
        + " rationale = ?, source_type = ?, source_id = ?, span_id = ?, overrides = ?, valid = ?,"
        + " metadata = ?, create_time = ?, last_update_time = ? WHERE assessment_id = ?")) {
      int next = setMutableColumns(ps, 1, a);
      ps.setString(next, a.assessmentId());
      ps.executeUpdate();
    }
  }

  private static int setMutableColumns(PreparedStatement ps, int first, Assessment a)
      throws SQLException {
    int i = first;
    AssessmentValue v = a.value();
    ps.setString(i++, a.name());
    ps.setString(i++, v.kind().name());
    ps.setString(i++, v.valueJson().orElse(null));
    ps.setString(i++, v.serializationFormat().orElse(null));
    ps.setString(i++, v.error().map(AssessmentError::errorCode).orElse(null));
    ps.setString(i++, v.error().map(AssessmentError::errorMessage).orElse(null));
    ps.setString(i++, a.rationale().orElse(null));
    ps.setString(i++, a.source().type().name());
    ps.setString(i++, a.source().sourceId());
    ps.setString(i++, a.spanId().orElse(null));
    ps.setString(i++, a.overrides().orElse(null));
    ps.setInt(i++, a.valid() ? 1 : 0);
    ps.setString(i++, toJson(a.metadata()));
    ps.setLong(i++, a.createTime());
    ps.setLong(i++, a.lastUpdateTime());
    return i;
  }

  /** Sets the valid flag of one assessment of a trace; returns the rows changed (0 or 1). */
  static int setValid(Connection c, String traceId, String assessmentId, boolean valid)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE assessments SET valid = ? WHERE trace_id = ? AND assessment_id = ?")) {
      ps.setInt(1, valid ? 1 : 0);
      ps.setString(2, traceId);
      ps.setString(3, assessmentId);
      return ps.executeUpdate();
    }
  }

  static void delete(Connection c, String assessmentId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM assessments WHERE assessment_id = ?")) {
      ps.setString(1, assessmentId);
      ps.executeUpdate();
    }
  }

  /** The assessment with this id on this trace, or null. */
  static Assessment selectOne(Connection c, String traceId, String assessmentId)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
        + " FROM assessments WHERE trace_id = ? AND assessment_id = ?")) {
      ps.setString(1, traceId);
      ps.setString(2, assessmentId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? read(rs) : null;
      }
    }
  }

  /** Assessments per trace id, each list oldest first. */
  static Map<String, List<Assessment>> select(Connection c, Collection<String> traceIds)
      throws SQLException {
    Map<String, List<Assessment>> result = new LinkedHashMap<>();
    if (traceIds.isEmpty()) {
      return result;
    }
    String in = String.join(",", Collections.nCopies(traceIds.size(), "?"));
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
        + " FROM assessments WHERE trace_id IN (" + in + ")"
        + " ORDER BY trace_id, create_time, assessment_id")) {
      int i = 1;
      for (String id : traceIds) {
        ps.setString(i++, id);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Assessment a = read(rs);
          result.computeIfAbsent(a.traceId(), k -> new ArrayList<>()).add(a);
        }
      }
    }
    return result;
  }

  private static Assessment read(ResultSet rs) throws SQLException {
    String errorCode = rs.getString(7);
    String errorMessage = rs.getString(8);
    AssessmentError error = errorCode == null && errorMessage == null ? null
        : AssessmentError.create(nullToEmpty(errorCode), nullToEmpty(errorMessage));
    String value = rs.getString(5);
    String format = rs.getString(6);
    AssessmentValue v;
    if (AssessmentValue.Kind.valueOf(rs.getString(4)) == AssessmentValue.Kind.FEEDBACK) {
      v = error == null ? AssessmentValue.feedback(value) : AssessmentValue.feedback(value, error);
    } else {
      v = format == null ? AssessmentValue.expectation(value)
          : AssessmentValue.serializedExpectation(format, value);
    }
    return Assessment.builder()
        .setAssessmentId(rs.getString(1))
        .setTraceId(rs.getString(2))
        .setName(rs.getString(3))
        .setValue(v)
        .setRationale(rs.getString(9))
        .setSource(AssessmentSource.create(
            AssessmentSource.Type.valueOf(rs.getString(10)), rs.getString(11)))
        .setSpanId(rs.getString(12))
        .setOverrides(rs.getString(13))
        .setValid(rs.getInt(14) != 0)
        .setMetadata(fromJson(rs.getString(15)))
        .setCreateTime(rs.getLong(16))
        .setLastUpdateTime(rs.getLong(17))
        .build();
  }

  private static String toJson(Map<String, String> map) {
    try {
      return SpanContentCodec.MAPPER.writeValueAsString(new TreeMap<>(map));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode assessment metadata", e);
    }
  }

  private static Map<String, String> fromJson(String json) {
    try {
      return SpanContentCodec.MAPPER.readValue(json, STRING_MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored assessment metadata is not a JSON object", e);
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}

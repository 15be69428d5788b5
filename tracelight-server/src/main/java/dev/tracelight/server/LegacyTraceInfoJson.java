package dev.tracelight.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelight.store.TraceInfo;
import dev.tracelight.store.TraceState;
import java.util.Locale;
import java.util.Map;

/**
 * MLflow's legacy (V2) {@code TraceInfo}: {@code request_id, experiment_id, timestamp_ms,
 * execution_time_ms, status, request_metadata [{key, value}], tags [{key, value}]}, the same
 * trace as {@link TraceInfoJson} in the shape older clients read.
 */
final class LegacyTraceInfoJson {
  private static final String UNSPECIFIED = "TRACE_STATUS_UNSPECIFIED";
  /** TraceStatus by its proto number. */
  private static final TraceState[] NUMBERED = {
    TraceState.STATE_UNSPECIFIED, TraceState.OK, TraceState.ERROR, TraceState.IN_PROGRESS
  };

  private LegacyTraceInfoJson() {}

  static ObjectNode write(TraceInfo info) {
    ObjectNode n = MlflowJson.MAPPER.createObjectNode();
    n.put("request_id", info.traceId());
    n.put("experiment_id", info.experimentId());
    n.put("timestamp_ms", info.requestTime());
    if (info.state() != TraceState.IN_PROGRESS) {
      n.put("execution_time_ms", info.executionDuration()); // unset while running, as MLflow
    }
    n.put("status", status(info.state()));
    n.set("request_metadata", keyValues(info.traceMetadata()));
    n.set("tags", keyValues(info.tags()));
    return n;
  }

  /** {@code {"trace_info": <V2 TraceInfo>}}, the answer of StartTrace, EndTrace, GetTraceInfo. */
  static ObjectNode response(TraceInfo info) {
    ObjectNode response = MlflowJson.MAPPER.createObjectNode();
    response.set("trace_info", write(info));
    return response;
  }

  static String status(TraceState state) {
    return state == TraceState.STATE_UNSPECIFIED ? UNSPECIFIED : state.name();
  }

  /**
   * A V2 {@code TraceStatus} by name (any case) or proto number (0 to 3); null when absent; 400
   * naming the field if wrong.
   */
  static TraceState parseStatus(JsonNode body) {
    String s = MlflowJson.string(body, "status");
    if (s == null) {
      return null;
    }
    String name = s.trim().toUpperCase(Locale.ROOT);
    if (name.matches("[0-3]")) {
      return NUMBERED[Integer.parseInt(name)];
    }
    if (name.equals(UNSPECIFIED)) {
      return TraceState.STATE_UNSPECIFIED;
    }
    for (TraceState state : TraceState.values()) {
      if (state != TraceState.STATE_UNSPECIFIED && state.name().equals(name)) {
        return state;
      }
    }
    throw ApiException.invalid("Invalid value '" + s + "' for parameter 'status': expected OK,"
        + " ERROR, IN_PROGRESS or " + UNSPECIFIED);
  }

  private static ArrayNode keyValues(Map<String, String> entries) {
    ArrayNode list = MlflowJson.MAPPER.createArrayNode();
    entries.forEach((k, v) -> list.addObject().put("key", k).put("value", v));
    return list;
  }
}

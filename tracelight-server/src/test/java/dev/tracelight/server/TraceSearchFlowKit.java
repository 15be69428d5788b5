package dev.tracelight.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SearchTracesV3 with filters and orders over HTTP, and a malformed filter's 400. */
abstract class TraceSearchFlowKit extends FlowKitSupport {

  /** Exports a one-span trace starting {@code startMs} after T0 and lasting {@code durationMs}. */
  String trace(String name, long startMs, long durationMs, Status.StatusCode status) {
    OtlpTestRequests otlp = new OtlpTestRequests();
    long start = OtlpTestRequests.T0 + startMs * OtlpTestRequests.MS;
    export(OtlpTestRequests.request(otlp.root().setName(name).setStartTimeUnixNano(start)
        .setEndTimeUnixNano(start + durationMs * OtlpTestRequests.MS)
        .setStatus(Status.newBuilder().setCode(status)).build()));
    return otlp.mlflowTraceId();
  }

  /** Every page of a search, as trace ids; the filter is a JSON string literal. */
  List<String> search(String filterJson, int pageSize, String orderBy) {
    List<String> ids = new ArrayList<>();
    String token = null;
    do {
      JsonNode page = ok(http.postJson("/api/3.0/mlflow/traces/search", "{\"locations\": [{"
          + "\"mlflow_experiment\": {\"experiment_id\": \"" + experimentId + "\"}}],"
          + " \"filter\": " + filterJson + ", \"max_results\": " + pageSize
          + (orderBy == null ? "" : ", \"order_by\": [\"" + orderBy + "\"]")
          + (token == null ? "" : ", \"page_token\": \"" + token + "\"") + "}"));
      page.get("traces").forEach(t -> ids.add(t.get("trace_id").asText()));
      token = page.has("next_page_token") ? page.get("next_page_token").asText() : null;
    } while (token != null);
    return ids;
  }

  @Test
  void filters_statusNameTagsMetadataAndTime() {
    String ok = trace("agent", 0, 30, Status.StatusCode.STATUS_CODE_OK);
    String failed = trace("agent", 10, 20, Status.StatusCode.STATUS_CODE_ERROR);
    String other = trace("chain", 20, 10, Status.StatusCode.STATUS_CODE_OK);
    ok(http.sendJson("PATCH", "/api/2.0/mlflow/traces/" + ok + "/tags",
        "{\"key\": \"env\", \"value\": \"prod\"}"));
    startTrace(other); // metadata mlflow.trace_schema.version, name tag "agent" from the client
    long t10 = (OtlpTestRequests.T0 + 10 * OtlpTestRequests.MS) / OtlpTestRequests.MS;

    assertThat(search("\"trace.status = 'ERROR'\"", 10, null)).containsExactly(failed);
    assertThat(search("\"attributes.status != \\\"ERROR\\\" AND tag.env = 'prod'\"", 10, null))
        .containsExactly(ok);
    assertThat(search("\"name = 'agent' AND trace.timestamp_ms >= " + t10 + "\"", 10, null))
        .containsExactly(failed);
    assertThat(search("\"metadata.`mlflow.trace_schema.version` = '3'"
        + " AND tags.`mlflow.traceName` = 'agent' AND trace.execution_time_ms > 1000\"", 10, null))
        .containsExactly(other);
  }

  @Test
  void filteredAndOrderedByExecutionTime_pagesInOrder() {
    List<String> byStart = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      byStart.add(trace("t" + i, i, 50 - i * 10L, Status.StatusCode.STATUS_CODE_OK));
    }
    trace("skipped", 9, 1, Status.StatusCode.STATUS_CODE_ERROR);
    List<String> byDuration = new ArrayList<>(byStart);
    Collections.reverse(byDuration); // durations 10, 20, 30, 40, 50

    assertThat(search("\"trace.status = 'OK'\"", 2, "execution_time_ms ASC"))
        .containsExactlyElementsOf(byDuration);
    assertThat(search("\"status = 'OK'\"", 3, "timestamp_ms ASC"))
        .containsExactlyElementsOf(byStart);
  }

  @Test
  void malformedFilter_400WithPositionAndExpectation() {
    TestHttp.Response r = http.postJson("/api/3.0/mlflow/traces/search", "{\"locations\": [{"
        + "\"mlflow_experiment\": {\"experiment_id\": \"" + experimentId + "\"}}],"
        + " \"filter\": \"trace.status = 'OK' AND tag.env\"}");
    assertError(r, 400, "INVALID_PARAMETER_VALUE",
        "at position 31, expected a comparison operator (=, !=) after 'tag.env',"
            + " found end of filter");
    assertError(http.postJson("/api/3.0/mlflow/traces/search", "{\"locations\": [{"
        + "\"mlflow_experiment\": {\"experiment_id\": \"" + experimentId + "\"}}],"
        + " \"order_by\": [\"name ASC\"]}"), 400, "INVALID_PARAMETER_VALUE", "'name ASC'");
  }
}

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
        "at position 31, expected a comparison operator (=, !=, LIKE, ILIKE, RLIKE, IN, NOT IN)"
            + " after 'tag.env', found end of filter");
    assertError(searchRequest("\"span.name LIKE 'a' OR span.type = 'LLM'\"", null, null), 400,
        "INVALID_PARAMETER_VALUE", "at position 19, OR is not supported");
    assertError(searchRequest("\"span.name RLIKE '(a'\"", null, null), 400,
        "INVALID_PARAMETER_VALUE", "at position 16, invalid regular expression '(a'");
    assertError(searchRequest(null, "bogus ASC", null), 400, "INVALID_PARAMETER_VALUE",
        "Invalid order_by 'bogus ASC'");
    assertError(searchRequest(null, null, "not-a-token"), 400, "INVALID_PARAMETER_VALUE",
        "Invalid page token");
  }

  @Test
  void grammar_spanTagLikeAndOrderByName_overHttp() {
    String agent = trace("agent_run", 0, 30, Status.StatusCode.STATUS_CODE_OK);
    String chain = trace("chain", 10, 20, Status.StatusCode.STATUS_CODE_OK);
    String tool = trace("tool call", 20, 10, Status.StatusCode.STATUS_CODE_ERROR);
    ok(http.sendJson("PATCH", "/api/2.0/mlflow/traces/" + agent + "/tags",
        "{\"key\": \"env\", \"value\": \"prod-eu\"}"));
    ok(http.sendJson("PATCH", "/api/2.0/mlflow/traces/" + tool + "/tags",
        "{\"key\": \"env\", \"value\": \"PROD-us\"}"));

    assertThat(search("\"tag.env LIKE 'prod%'\"", 10, null)).containsExactly(agent);
    assertThat(search("\"tag.env ILIKE 'prod%'\"", 10, null)).containsExactly(tool, agent);
    assertThat(search("\"span.name RLIKE '^[a-z]+$' AND trace.status IN ('OK')\"", 10, null))
        .containsExactly(chain);
    assertThat(search("\"trace.text ILIKE '%TOOL%'\"", 10, null)).containsExactly(tool);
    assertThat(search("null", 1, "name DESC")).containsExactly(tool, chain, agent);
  }

  TestHttp.Response searchRequest(String filterJson, String orderBy, String pageToken) {
    return http.postJson("/api/3.0/mlflow/traces/search", "{\"locations\": [{"
        + "\"mlflow_experiment\": {\"experiment_id\": \"" + experimentId + "\"}}]"
        + (filterJson == null ? "" : ", \"filter\": " + filterJson)
        + (orderBy == null ? "" : ", \"order_by\": [\"" + orderBy + "\"]")
        + (pageToken == null ? "" : ", \"page_token\": \"" + pageToken + "\"") + "}");
  }
}

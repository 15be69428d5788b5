package dev.tracelight.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One trace for the traces table's browser tests, sent by StartTraceV3 as MLflow's client sends
 * it once the root span has ended: a name, a start time, a latency, a state, metadata and tags.
 */
final class TraceTableData {
  private final String experimentId;
  private final String name;
  String traceId = "tr-" + HexFormat.of().formatHex(randomBytes());
  private Instant requestTime = Instant.now();
  private Duration latency = Duration.ofMillis(1500);
  private String state = "OK";
  private String requestPreview = "{\"question\":\"Hi\"}";
  private String responsePreview;
  private final Map<String, String> metadata = new LinkedHashMap<>();
  private final Map<String, String> tags = new LinkedHashMap<>();

  private TraceTableData(String experimentId, String name) {
    this.experimentId = experimentId;
    this.name = name;
    this.responsePreview = "{\"answer\":\"Hello from " + name + "\"}";
    metadata.put("mlflow.trace_schema.version", "3");
  }

  static TraceTableData trace(String experimentId, String name) {
    return new TraceTableData(experimentId, name);
  }

  TraceTableData at(Instant time) {
    this.requestTime = time;
    return this;
  }

  TraceTableData latency(Duration d) {
    this.latency = d;
    return this;
  }

  TraceTableData state(String s) {
    this.state = s;
    return this;
  }

  /** The trace id to start, e.g. one whose spans were already sent by OTLP. */
  TraceTableData id(String id) {
    this.traceId = id;
    return this;
  }

  /** The response preview; null sends none. */
  TraceTableData response(String preview) {
    this.responsePreview = preview;
    return this;
  }

  /** The request preview; null sends none. */
  TraceTableData request(String preview) {
    this.requestPreview = preview;
    return this;
  }

  TraceTableData metadata(String key, String value) {
    metadata.put(key, value);
    return this;
  }

  TraceTableData tag(String key, String value) {
    tags.put(key, value);
    return this;
  }

  /** Sends StartTraceV3 and answers the trace id. */
  String send(TestHttp http) {
    ObjectNode body = MlflowJson.MAPPER.createObjectNode();
    ObjectNode info = body.putObject("trace").putObject("trace_info");
    info.put("trace_id", traceId);
    info.putObject("trace_location").put("type", "MLFLOW_EXPERIMENT")
        .putObject("mlflow_experiment").put("experiment_id", experimentId);
    if (requestPreview != null) {
      info.put("request_preview", requestPreview);
    }
    if (responsePreview != null) {
      info.put("response_preview", responsePreview);
    }
    info.put("request_time", requestTime.toString());
    info.put("execution_duration", latency.toMillis() / 1000.0 + "s");
    info.put("state", state);
    ObjectNode meta = info.putObject("trace_metadata");
    metadata.forEach(meta::put);
    ObjectNode tagNode = info.putObject("tags").put("mlflow.traceName", name);
    tags.forEach(tagNode::put);
    TestHttp.Response started = http.postJson("/api/3.0/mlflow/traces", body.toString());
    assertThat(started.status).as(started.toString()).isEqualTo(200);
    return traceId;
  }

  /** A human's feedback on {@code traceId}, as CreateAssessment receives it. */
  static void feedback(TestHttp http, String traceId, String name, Object value,
      String rationale) {
    ObjectNode body = MlflowJson.MAPPER.createObjectNode();
    ObjectNode a = body.putObject("assessment");
    a.put("assessment_name", name).put("trace_id", traceId);
    a.putObject("source").put("source_type", "HUMAN").put("source_id", "alice@example.com");
    a.putObject("feedback").set("value", MlflowJson.MAPPER.valueToTree(value));
    if (rationale != null) {
      a.put("rationale", rationale);
    }
    TestHttp.Response created = http.postJson(
        "/api/3.0/mlflow/traces/" + traceId + "/assessments", body.toString());
    assertThat(created.status).as(created.toString()).isEqualTo(200);
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[16];
    ThreadLocalRandom.current().nextBytes(b);
    return b;
  }
}

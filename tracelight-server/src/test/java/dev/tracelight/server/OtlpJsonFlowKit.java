package dev.tracelight.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * OTLP/JSON at {@code /v1/traces}, as OpenTelemetry's JavaScript exporters send it: stored exactly
 * as the protobuf encoding of the same spans, idempotent, and refused with a 4xx that names the
 * problem.
 */
abstract class OtlpJsonFlowKit extends FlowKitSupport {
  static final String JSON = "application/json";

  TestHttp.Response postJson(ExportTraceServiceRequest request, boolean gzip,
      String... headers) throws Exception {
    byte[] body = OtlpJsonEncoder.encode(request).getBytes(StandardCharsets.UTF_8);
    if (gzip) {
      ByteArrayOutputStream gz = new ByteArrayOutputStream();
      try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
        out.write(body);
      }
      body = gz.toByteArray();
    }
    String[] all = new String[headers.length + (gzip ? 4 : 2)];
    all[0] = "Content-Type";
    all[1] = JSON;
    if (gzip) {
      all[2] = "Content-Encoding";
      all[3] = "gzip";
    }
    System.arraycopy(headers, 0, all, gzip ? 4 : 2, headers.length);
    return http.post("/v1/traces", body, all);
  }

  JsonNode storedTrace(String traceId) {
    return ok(http.get("/api/3.0/mlflow/traces/get?trace_id=" + traceId)).get("trace");
  }

  void deleteTrace(String traceId) {
    JsonNode deleted = ok(http.postJson("/api/3.0/mlflow/traces/delete-traces",
        "{\"experiment_id\": \"" + experimentId + "\", \"request_ids\": [\"" + traceId + "\"]}"));
    assertThat(deleted.get("traces_deleted").asInt()).isEqualTo(1);
  }

  @Test
  void jsonPlainAndGzip_storeTheSameAsProtobuf() throws Exception {
    OtlpTestRequests otlp = new OtlpTestRequests();
    String traceId = otlp.mlflowTraceId();
    export(otlp.rootAndChild());
    JsonNode fromProtobuf = storedTrace(traceId);
    TracingFlowKit.assertSpans(fromProtobuf.get("spans"), otlp);

    for (boolean gzip : new boolean[] {false, true}) {
      deleteTrace(traceId);
      TestHttp.Response r = postJson(otlp.rootAndChild(), gzip,
          "x-mlflow-experiment-id", experimentId);
      assertThat(r.status).as(r.toString()).isEqualTo(200);
      assertThat(r.contentType()).startsWith(JSON);
      assertThat(r.body).isEqualTo("{}");
      assertThat(storedTrace(traceId)).as(gzip ? "gzip" : "plain").isEqualTo(fromProtobuf);
    }
  }

  @Test
  void sameJsonTwice_storedOnce() throws Exception {
    OtlpTestRequests otlp = new OtlpTestRequests();
    assertThat(postJson(otlp.rootAndChild(), false, "x-mlflow-experiment-id", experimentId).status)
        .isEqualTo(200);
    JsonNode first = storedTrace(otlp.mlflowTraceId());
    assertThat(postJson(otlp.rootAndChild(), true, "x-mlflow-experiment-id", experimentId).status)
        .isEqualTo(200);

    JsonNode again = storedTrace(otlp.mlflowTraceId());
    assertThat(again.get("spans")).hasSize(2);
    assertThat(again).isEqualTo(first);
  }

  @Test
  void jsonWithoutExperimentHeader_goesToDefaultExperiment() throws Exception {
    OtlpTestRequests otlp = new OtlpTestRequests();
    assertThat(postJson(otlp.rootAndChild(), false).status).isEqualTo(200);
    assertThat(traceInfo(otlp.mlflowTraceId())
        .at("/trace_location/mlflow_experiment/experiment_id").asText()).isEqualTo("0");
  }

  @Test
  void jsonMistakes_4xxNamingTheProblem() {
    OtlpTestRequests otlp = new OtlpTestRequests();
    String base64Ids = OtlpJsonEncoder.encode(otlp.rootAndChild())
        .replace(java.util.HexFormat.of().formatHex(otlp.traceId),
            java.util.Base64.getEncoder().encodeToString(otlp.traceId));
    assertError(http.post("/v1/traces", base64Ids.getBytes(StandardCharsets.UTF_8),
        "Content-Type", JSON), 400, "INVALID_PARAMETER_VALUE", "hex");
    assertError(http.post("/v1/traces", "{\"resourceSpans\": [{".getBytes(StandardCharsets.UTF_8),
        "Content-Type", JSON), 400, "INVALID_PARAMETER_VALUE", "Malformed JSON");
    TestHttp.Response form = http.post("/v1/traces", "a=b".getBytes(StandardCharsets.UTF_8),
        "Content-Type", "application/x-www-form-urlencoded");
    assertThat(form.status).as(form.toString()).isEqualTo(415);
    assertThat(form.json().get("message").asText())
        .contains("application/x-protobuf", "application/json");
  }
}

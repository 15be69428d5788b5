package dev.tracelight.testkit;

import static dev.tracelight.testkit.FakeMlflowExperimentsTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.proto.trace.v1.Span;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** OTLP span ingestion, and GetTrace rendering the spans as a stock server does. */
class FakeMlflowOtlpTest {

  private final FakeMlflowServer mlflow = FakeMlflowServer.start();
  private final MlflowHttp http = new MlflowHttp(mlflow);

  @AfterEach
  void close() {
    mlflow.close();
  }

  private HttpResponse<byte[]> export(Map<String, String> headers, byte[] body) throws Exception {
    return http.sendForBytes("POST", "/v1/traces", headers, body);
  }

  @Test
  void export_storesDecodedSpans_answersAnEmptyProtobuf() throws Exception {
    HttpResponse<byte[]> response =
        export(
            OtlpSpans.headers("0"),
            OtlpSpans.request(List.of(OtlpSpans.root(), OtlpSpans.child())));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/x-protobuf");
    assertThat(response.body()).isEmpty();
    List<FakeSpan> spans = mlflow.spans(OtlpSpans.TRACE_ID);
    assertThat(spans).extracting(FakeSpan::name).containsExactly("Messages.create", "tool");
    FakeSpan root = spans.get(0);
    assertThat(root.traceId()).isEqualTo(OtlpSpans.TRACE_HEX);
    assertThat(root.spanId()).isEqualTo(OtlpSpans.ROOT_HEX);
    assertThat(root.parentSpanId()).isEmpty();
    assertThat(root.experimentId()).isEqualTo("0");
    assertThat(root.statusCode()).isEqualTo("STATUS_CODE_OK");
    assertThat(root.attributes())
        .containsEntry("mlflow.spanType", "CHAT_MODEL")
        .containsEntry("mlflow.spanInputs", Map.of("model", "claude", "max_tokens", 64L))
        .containsEntry(FakeSpan.TRACE_REQUEST_ID, OtlpSpans.TRACE_ID);
    FakeSpan child = spans.get(1);
    assertThat(child.parentSpanId()).hasValue(OtlpSpans.ROOT_HEX);
    assertThat(child.attributes())
        .containsEntry("gen_ai.request.model", "claude-sonnet")
        .containsEntry("retries", 2L)
        .containsEntry("usage", Map.of("input_tokens", 10L));
    assertThat(mlflow.requestCount(MlflowRoute.OTLP_TRACES)).isEqualTo(1);
  }

  @Test
  void export_gzipBody_isAccepted() throws Exception {
    Map<String, String> headers =
        Map.of(
            "content-type",
            "application/x-protobuf",
            "content-encoding",
            "gzip",
            "x-mlflow-experiment-id",
            "0");

    HttpResponse<byte[]> response =
        export(headers, OtlpSpans.gzip(OtlpSpans.request(List.of(OtlpSpans.root()))));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(mlflow.spans(OtlpSpans.TRACE_ID)).hasSize(1);
  }

  @Test
  void export_badRequests_getFastApiDetailErrors() throws Exception {
    byte[] body = OtlpSpans.request(List.of(OtlpSpans.root()));

    HttpResponse<String> noHeader =
        http.send("POST", "/v1/traces", Map.of("content-type", "application/x-protobuf"), body);
    HttpResponse<String> json =
        http.send(
            "POST",
            "/v1/traces",
            Map.of("content-type", "application/json", "x-mlflow-experiment-id", "0"),
            body);
    HttpResponse<String> garbage =
        http.send("POST", "/v1/traces", OtlpSpans.headers("0"), new byte[] {(byte) 0xff, 1, 2});
    HttpResponse<String> noSpans =
        http.send("POST", "/v1/traces", OtlpSpans.headers("0"), OtlpSpans.request(List.of()));
    HttpResponse<String> unknownExperiment =
        http.send("POST", "/v1/traces", OtlpSpans.headers("42"), body);

    assertThat(noHeader.statusCode()).isEqualTo(422);
    assertThat(MlflowHttp.json(noHeader).at("/detail/0/loc/1").asText())
        .isEqualTo("x-mlflow-experiment-id");
    assertThat(json.statusCode()).isEqualTo(400);
    assertThat(MlflowHttp.json(json).path("detail").asText()).startsWith("Invalid Content-Type");
    assertThat(garbage.statusCode()).isEqualTo(400);
    assertThat(noSpans.statusCode()).isEqualTo(400);
    assertThat(unknownExperiment.statusCode()).isEqualTo(422);
    assertThat(mlflow.spans(OtlpSpans.TRACE_ID)).isEmpty();
  }

  @Test
  void export_otlpDisabled_isEndpointNotFound() throws Exception {
    try (FakeMlflowServer old = FakeMlflowServer.builder().setOtlpEnabled(false).start()) {
      HttpResponse<String> response =
          new MlflowHttp(old)
              .send(
                  "POST",
                  "/v1/traces",
                  OtlpSpans.headers("0"),
                  OtlpSpans.request(List.of(OtlpSpans.root())));

      assertError(response, 404, "ENDPOINT_NOT_FOUND");
      assertThat(old.spans(OtlpSpans.TRACE_ID)).isEmpty();
    }
  }

  @Test
  void getTrace_rendersSpansAsOtelProtoJson_withNativeAttributeValues() throws Exception {
    export(OtlpSpans.headers("0"), OtlpSpans.request(List.of(OtlpSpans.root(), OtlpSpans.child())));
    http.post(
        "/api/3.0/mlflow/traces",
        FakeMlflowTracesTest.startBody(OtlpSpans.TRACE_ID, "0", "2024-06-15T14:07:41.282Z"));

    JsonNode trace =
        MlflowHttp.json(
                http.get(
                    "/api/3.0/mlflow/traces/get?trace_id="
                        + OtlpSpans.TRACE_ID
                        + "&allow_partial=true"))
            .path("trace");

    assertThat(trace.at("/trace_info/trace_id").asText()).isEqualTo(OtlpSpans.TRACE_ID);
    JsonNode root = trace.at("/spans/0");
    assertThat(root.path("trace_id").asText()).isEqualTo(base64(OtlpSpans.TRACE_HEX));
    assertThat(root.path("span_id").asText()).isEqualTo(base64(OtlpSpans.ROOT_HEX));
    assertThat(root.has("parent_span_id")).isFalse();
    assertThat(root.path("kind").asText()).isEqualTo("SPAN_KIND_INTERNAL");
    assertThat(root.path("start_time_unix_nano").isIntegralNumber()).isTrue();
    assertThat(root.path("start_time_unix_nano").asLong()).isEqualTo(OtlpSpans.START);
    assertThat(root.at("/status/code").asText()).isEqualTo("STATUS_CODE_OK");
    assertThat(attribute(root, "mlflow.spanType").toString())
        .isEqualTo("{\"string_value\":\"CHAT_MODEL\"}");
    assertThat(attribute(root, "mlflow.spanInputs").toString())
        .isEqualTo(
            "{\"kvlist_value\":{\"values\":["
                + "{\"key\":\"model\",\"value\":{\"string_value\":\"claude\"}},"
                + "{\"key\":\"max_tokens\",\"value\":{\"int_value\":64}}]}}");
    JsonNode child = trace.at("/spans/1");
    assertThat(child.path("parent_span_id").asText()).isEqualTo(base64(OtlpSpans.ROOT_HEX));
    assertThat(attribute(child, "retries").toString()).isEqualTo("{\"int_value\":2}");
    assertThat(child.at("/events/0/attributes/0/value/string_value").asText())
        .isEqualTo("RateLimitError");
  }

  @Test
  void getTrace_spansBeforeStartTrace_traceExistsInProgress() throws Exception {
    export(OtlpSpans.headers("0"), OtlpSpans.request(List.of(OtlpSpans.root())));

    JsonNode info =
        MlflowHttp.json(http.get("/api/3.0/mlflow/traces/" + OtlpSpans.TRACE_ID))
            .at("/trace/trace_info");

    assertThat(info.path("state").asText()).isEqualTo("IN_PROGRESS");
    assertThat(info.at("/trace_location/mlflow_experiment/experiment_id").asText()).isEqualTo("0");
    assertThat(mlflow.traceInfos()).isEmpty(); // only StartTraceV3 stores there
    assertThat(mlflow.traceInfo(OtlpSpans.TRACE_ID)).isPresent();
  }

  @Test
  void getTrace_olderThan35_isEndpointNotFound_missingTraceIsResourceDoesNotExist()
      throws Exception {
    assertError(
        http.get("/api/3.0/mlflow/traces/get?trace_id=tr-none"), 404, "RESOURCE_DOES_NOT_EXIST");
    try (FakeMlflowServer old = FakeMlflowServer.builder().setVersion("3.4.0").start()) {
      MlflowHttp oldHttp = new MlflowHttp(old);
      oldHttp.send(
          "POST",
          "/v1/traces",
          OtlpSpans.headers("0"),
          OtlpSpans.request(List.of(OtlpSpans.root())));

      assertError(
          oldHttp.get("/api/3.0/mlflow/traces/get?trace_id=" + OtlpSpans.TRACE_ID),
          404,
          "ENDPOINT_NOT_FOUND");
      assertThat(old.spans(OtlpSpans.TRACE_ID)).hasSize(1);
    }
  }

  @Test
  void export_sameSpanTwice_keepsTheLast() throws Exception {
    Span renamed = OtlpSpans.root().toBuilder().setName("renamed").build();
    export(OtlpSpans.headers("0"), OtlpSpans.request(List.of(OtlpSpans.root())));
    export(OtlpSpans.headers("0"), OtlpSpans.request(List.of(renamed)));

    assertThat(mlflow.spans(OtlpSpans.TRACE_ID))
        .extracting(FakeSpan::name)
        .containsExactly("renamed");
  }

  private static JsonNode attribute(JsonNode span, String key) {
    for (JsonNode attribute : span.path("attributes")) {
      if (attribute.path("key").asText().equals(key)) {
        return attribute.path("value");
      }
    }
    throw new AssertionError("no attribute " + key + " in " + span);
  }

  private static String base64(String hex) {
    return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
  }
}

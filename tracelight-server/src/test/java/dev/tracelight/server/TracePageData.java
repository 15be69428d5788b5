package dev.tracelight.server;

import static dev.tracelight.server.OtlpTestRequests.MS;
import static dev.tracelight.server.OtlpTestRequests.T0;
import static dev.tracelight.server.OtlpTestRequests.string;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Traces for the trace page's browser tests, built span by span and sent as a client sends them. */
final class TracePageData {
  final byte[] traceId = random(16);

  String mlflowTraceId() {
    return "tr-" + HexFormat.of().formatHex(traceId);
  }

  /** A span of this trace starting {@code startMs} after T0 and lasting {@code durationMs}. */
  Span.Builder span(String spanIdHex, String parentHex, String name, String type, long startMs,
      long durationMs) {
    Span.Builder b = Span.newBuilder()
        .setTraceId(ByteString.copyFrom(traceId))
        .setSpanId(ByteString.copyFrom(HexFormat.of().parseHex(spanIdHex)))
        .setName(name)
        .setStartTimeUnixNano(T0 + startMs * MS)
        .setEndTimeUnixNano(T0 + (startMs + durationMs) * MS)
        .addAttributes(string("mlflow.spanType", "\"" + type + "\""))
        .setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_OK));
    if (parentHex != null) {
      b.setParentSpanId(ByteString.copyFrom(HexFormat.of().parseHex(parentHex)));
    }
    return b;
  }

  static String newSpanId() {
    return HexFormat.of().formatHex(random(8));
  }

  /** StartTraceV3 with this metadata (JSON object of strings) and tags added to the usual ones. */
  void startTrace(TestHttp http, String experimentId, String name, long durationMs,
      ObjectNode metadata, ObjectNode tags) {
    TraceTableData trace = TraceTableData.trace(experimentId, name).id(mlflowTraceId())
        .at(Instant.ofEpochMilli(T0 / MS)).latency(Duration.ofMillis(durationMs)).request(null).response(null);
    metadata.fields().forEachRemaining(e -> trace.metadata(e.getKey(), e.getValue().asText()));
    tags.fields().forEachRemaining(e -> trace.tag(e.getKey(), e.getValue().asText()));
    trace.send(http);
  }


  /** The trace info as GetTraceInfoV3 returns it now. */
  static JsonNode traceInfo(TestHttp http, String traceId) {
    TestHttp.Response r = http.get("/api/3.0/mlflow/traces/" + traceId);
    assertThat(r.status).as(r.toString()).isEqualTo(200);
    return r.json().get("trace").get("trace_info");
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    ThreadLocalRandom.current().nextBytes(b);
    return b;
  }
}

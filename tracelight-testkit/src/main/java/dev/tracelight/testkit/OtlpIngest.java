package dev.tracelight.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * {@code POST /v1/traces} as a stock server's FastAPI endpoint handles it (MLFLOW_WIRE §2.1):
 * {@code Content-Type} exactly {@code application/x-protobuf}, {@code Content-Encoding} gzip or
 * deflate allowed, header {@code x-mlflow-experiment-id} required (422 without it). Errors are
 * FastAPI's {@code {"detail": ...}}, not MLflow's error JSON. Success is 200 with an empty protobuf
 * {@code ExportTraceServiceResponse}.
 */
final class OtlpIngest {

  static final String EXPERIMENT_HEADER = "x-mlflow-experiment-id";
  private static final String PROTOBUF = "application/x-protobuf";

  private final TraceStore traces;
  private final ExperimentRegistry experiments;
  private final ServerConfig config;

  OtlpIngest(TraceStore traces, ExperimentRegistry experiments, ServerConfig config) {
    this.traces = traces;
    this.experiments = experiments;
    this.config = config;
  }

  MlflowReply export(RecordedRequest request) {
    String contentType = request.header("content-type").orElse("");
    if (!contentType.equals(PROTOBUF)) {
      return detail(400, "Invalid Content-Type: " + contentType + ". Expected: " + PROTOBUF);
    }
    String experimentId = request.header(EXPERIMENT_HEADER).orElse(null);
    if (experimentId == null) {
      return missingHeader();
    }
    ExportTraceServiceRequest export;
    try {
      export = ExportTraceServiceRequest.parseFrom(decompress(request));
    } catch (UnsupportedEncoding e) {
      return detail(400, e.getMessage());
    } catch (IOException e) {
      return detail(400, "Invalid OpenTelemetry protobuf format");
    }
    List<Span> protos = new ArrayList<>();
    for (ResourceSpans resource : export.getResourceSpansList()) {
      for (ScopeSpans scope : resource.getScopeSpansList()) {
        protos.addAll(scope.getSpansList());
      }
    }
    if (protos.isEmpty()) {
      return detail(400, "Invalid OpenTelemetry protobuf format - no spans found");
    }
    List<FakeSpan> spans = new ArrayList<>();
    for (Span proto : protos) {
      try {
        spans.add(FakeSpan.fromProto(proto, experimentId));
      } catch (IllegalArgumentException e) {
        return detail(422, "Cannot convert OpenTelemetry span to MLflow span: " + e.getMessage());
      }
    }
    if (!experiments.exists(experimentId)) {
      return detail(
          422,
          "Failed to log OpenTelemetry spans: No Experiment with id=" + experimentId + " exists");
    }
    traces.addSpans(experimentId, spans, this::firstSightInfo);
    return MlflowReply.bytes(
        200, PROTOBUF, ExportTraceServiceResponse.getDefaultInstance().toByteArray());
  }

  /** The trace a stock SQL store creates when spans arrive before StartTraceV3. */
  private ObjectNode firstSightInfo(FakeSpan span) {
    ObjectNode info = Json.object();
    info.put("trace_id", span.mlflowTraceId());
    ObjectNode location = info.putObject("trace_location").put("type", "MLFLOW_EXPERIMENT");
    location.putObject("mlflow_experiment").put("experiment_id", span.experimentId());
    long nanos = span.startTimeUnixNano();
    info.put(
        "request_time",
        TraceInfoJson.render(
            Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L)));
    info.put("state", "IN_PROGRESS");
    ObjectNode tags = info.putObject("tags");
    config.serverTags(span.experimentId(), span.mlflowTraceId()).forEach(tags::put);
    return info;
  }

  private static byte[] decompress(RecordedRequest request) throws IOException {
    String encoding = request.header("content-encoding").orElse("").trim().toLowerCase(Locale.ROOT);
    byte[] body = request.bodyBytes();
    switch (encoding) {
      case "":
      case "identity":
        return body;
      case "gzip":
        return readAll(new GZIPInputStream(new ByteArrayInputStream(body)));
      case "deflate":
        try {
          return readAll(new InflaterInputStream(new ByteArrayInputStream(body)));
        } catch (IOException zlibFailed) {
          // Some clients send raw deflate without the zlib wrapper; a stock server tries both.
          return readAll(
              new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(true)));
        }
      default:
        throw new UnsupportedEncoding("Unsupported Content-Encoding: " + encoding);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }

  private static MlflowReply detail(int status, String message) {
    return MlflowReply.json(status, Json.object().put("detail", message));
  }

  /** FastAPI's validation error for a missing required header. */
  private static MlflowReply missingHeader() {
    ObjectNode body = Json.object();
    ObjectNode error = body.putArray("detail").addObject();
    error.put("type", "missing");
    error.putArray("loc").add("header").add(EXPERIMENT_HEADER);
    error.put("msg", "Field required");
    error.putNull("input");
    return MlflowReply.json(422, body);
  }

  /** A Content-Encoding the endpoint does not decode. */
  private static final class UnsupportedEncoding extends IOException {
    private static final long serialVersionUID = 1L;

    UnsupportedEncoding(String message) {
      super(message);
    }
  }
}

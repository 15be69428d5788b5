package dev.tracelight.server;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.tracelight.store.SpanRecord;
import dev.tracelight.store.TraceWriter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.util.List;
import java.util.Locale;

/**
 * OTLP/HTTP trace ingest at {@code POST /v1/traces}: protobuf {@code ExportTraceServiceRequest},
 * experiment from header {@code x-mlflow-experiment-id} (default {@code 0}). Answers only after
 * the spans are committed.
 */
final class OtlpTraceIngest {
  static final String PATH = "/v1/traces";
  static final String EXPERIMENT_HEADER = "x-mlflow-experiment-id";
  static final String PROTOBUF = "application/x-protobuf";
  private static final byte[] EMPTY_RESPONSE =
      ExportTraceServiceResponse.getDefaultInstance().toByteArray();

  private final TraceWriter writer;
  private final RequestBodies bodies;

  OtlpTraceIngest(TraceWriter writer, RequestBodies bodies) {
    this.writer = writer;
    this.bodies = bodies;
  }

  void register(RoutesConfig routes) {
    routes.post(PATH, this::export);
  }

  private void export(Context ctx) {
    String contentType = ctx.contentType();
    String mediaType = contentType == null ? ""
        : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    if (!mediaType.equals(PROTOBUF)) {
      throw ApiException.invalid("Invalid Content-Type '" + contentType + "'; expected "
          + PROTOBUF + " (OTLP/JSON is not supported yet)");
    }
    ExportTraceServiceRequest request;
    try {
      request = ExportTraceServiceRequest.parseFrom(bodies.read(ctx));
    } catch (InvalidProtocolBufferException e) {
      throw ApiException.invalid("Malformed ExportTraceServiceRequest: " + e.getMessage());
    }
    if (request.getResourceSpansCount() == 0) {
      throw ApiException.invalid("ExportTraceServiceRequest has no resource_spans");
    }
    String experimentId = ctx.header(EXPERIMENT_HEADER);
    if (experimentId == null || experimentId.isBlank()) {
      experimentId = "0";
    }
    List<SpanRecord> spans = OtlpSpans.toSpanRecords(request);
    writer.acceptSpans(experimentId.trim(), spans);
    ctx.contentType(PROTOBUF).result(EMPTY_RESPONSE);
  }
}

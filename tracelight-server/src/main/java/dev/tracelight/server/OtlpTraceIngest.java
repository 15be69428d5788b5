package dev.tracelight.server;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.tracelight.store.SpanRecord;
import dev.tracelight.store.TraceWriter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * OTLP/HTTP trace ingest at {@code POST /v1/traces}: an {@code ExportTraceServiceRequest} as
 * protobuf ({@code application/x-protobuf}) or OTLP/JSON ({@code application/json}), gzip or
 * deflate or plain, into the experiment named by header {@code x-mlflow-experiment-id} (default
 * {@code 0}). Spans are enriched with MLflow's keys ({@link SpanEnrichment}) before they are
 * stored. Answers, in the request's encoding, only after the spans are committed.
 */
final class OtlpTraceIngest {
  static final String PATH = "/v1/traces";
  static final String EXPERIMENT_HEADER = "x-mlflow-experiment-id";
  static final String PROTOBUF = "application/x-protobuf";
  static final String JSON = "application/json";
  private static final byte[] EMPTY_RESPONSE =
      ExportTraceServiceResponse.getDefaultInstance().toByteArray();
  private static final byte[] EMPTY_JSON_RESPONSE = "{}".getBytes(StandardCharsets.UTF_8);

  private final TraceWriter writer;
  private final RequestBodies bodies;
  private final SpanEnrichment enrichment;

  OtlpTraceIngest(TraceWriter writer, RequestBodies bodies, SpanEnrichment enrichment) {
    this.writer = writer;
    this.bodies = bodies;
    this.enrichment = enrichment;
  }

  void register(RoutesConfig routes) {
    routes.post(PATH, this::export);
  }

  private void export(Context ctx) {
    String contentType = ctx.contentType();
    String mediaType = contentType == null ? ""
        : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    boolean json = mediaType.equals(JSON);
    if (!json && !mediaType.equals(PROTOBUF)) {
      throw new ApiException(ErrorCode.BAD_REQUEST, 415, "Unsupported Content-Type '"
          + contentType + "' for " + PATH + "; accepted: " + PROTOBUF + " (OTLP/protobuf) or "
          + JSON + " (OTLP/JSON)");
    }
    byte[] body = bodies.read(ctx);
    ExportTraceServiceRequest request = json ? OtlpJsonRequests.parse(body) : parseProtobuf(body);
    if (request.getResourceSpansCount() == 0) {
      throw ApiException.invalid("ExportTraceServiceRequest has no resource_spans"
          + (json ? " (resourceSpans in OTLP/JSON)" : ""));
    }
    String experimentId = ctx.header(EXPERIMENT_HEADER);
    if (experimentId == null || experimentId.isBlank()) {
      experimentId = "0";
    }
    List<SpanRecord> spans = enrichment.apply(OtlpSpans.toSpanRecords(request));
    writer.acceptSpans(experimentId.trim(), spans);
    // OTLP/HTTP answers in the request's encoding.
    if (json) {
      ctx.contentType(JSON).result(EMPTY_JSON_RESPONSE);
    } else {
      ctx.contentType(PROTOBUF).result(EMPTY_RESPONSE);
    }
  }

  private static ExportTraceServiceRequest parseProtobuf(byte[] body) {
    try {
      return ExportTraceServiceRequest.parseFrom(body);
    } catch (InvalidProtocolBufferException e) {
      throw ApiException.invalid("Malformed ExportTraceServiceRequest: " + e.getMessage());
    }
  }
}

package dev.tracelight.server;

import static dev.tracelight.server.OtlpJsonFields.attributes;
import static dev.tracelight.server.OtlpJsonFields.enumNumber;
import static dev.tracelight.server.OtlpJsonFields.id;
import static dev.tracelight.server.OtlpJsonFields.list;
import static dev.tracelight.server.OtlpJsonFields.object;
import static dev.tracelight.server.OtlpJsonFields.string;
import static dev.tracelight.server.OtlpJsonFields.uint32;
import static dev.tracelight.server.OtlpJsonFields.uint64;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;

/**
 * Reads an OTLP/JSON {@code ExportTraceServiceRequest} (OTLP/HTTP with {@code Content-Type:
 * application/json}) into the protobuf message, so both encodings share one ingest path. Follows
 * the OTLP specification's JSON rules: lowerCamelCase field names (snake_case is accepted too),
 * trace and span ids as hex strings, 64-bit integers as numbers or strings, enums as numbers or
 * names, unknown fields ignored.
 */
final class OtlpJsonRequests {
  private static final int TRACE_ID_BYTES = 16;
  private static final int SPAN_ID_BYTES = 8;

  private OtlpJsonRequests() {}

  /**
   * Parses the request body.
   *
   * @throws ApiException 400 for malformed JSON or a field of the wrong shape, naming its path
   */
  static ExportTraceServiceRequest parse(byte[] body) {
    JsonNode root = MlflowJson.parseObject(body);
    return ExportTraceServiceRequest.newBuilder()
        .addAllResourceSpans(list(root, "resourceSpans", "", OtlpJsonRequests::resourceSpans))
        .build();
  }

  private static ResourceSpans resourceSpans(JsonNode n, String path) {
    ResourceSpans.Builder b = ResourceSpans.newBuilder()
        .setSchemaUrl(string(n, "schemaUrl", path))
        .addAllScopeSpans(list(n, "scopeSpans", path, OtlpJsonRequests::scopeSpans));
    JsonNode resource = object(n, "resource", path);
    if (resource != null) {
      String p = path + ".resource";
      b.setResource(Resource.newBuilder()
          .addAllAttributes(attributes(resource, "attributes", p))
          .setDroppedAttributesCount(uint32(resource, "droppedAttributesCount", p)));
    }
    return b.build();
  }

  private static ScopeSpans scopeSpans(JsonNode n, String path) {
    ScopeSpans.Builder b = ScopeSpans.newBuilder()
        .setSchemaUrl(string(n, "schemaUrl", path))
        .addAllSpans(list(n, "spans", path, OtlpJsonRequests::span));
    JsonNode scope = object(n, "scope", path);
    if (scope != null) {
      String p = path + ".scope";
      b.setScope(InstrumentationScope.newBuilder()
          .setName(string(scope, "name", p))
          .setVersion(string(scope, "version", p))
          .addAllAttributes(attributes(scope, "attributes", p))
          .setDroppedAttributesCount(uint32(scope, "droppedAttributesCount", p)));
    }
    return b.build();
  }

  private static Span span(JsonNode n, String path) {
    Span.Builder b = Span.newBuilder()
        .setTraceId(id(n, "traceId", TRACE_ID_BYTES, path))
        .setSpanId(id(n, "spanId", SPAN_ID_BYTES, path))
        .setParentSpanId(id(n, "parentSpanId", SPAN_ID_BYTES, path))
        .setTraceState(string(n, "traceState", path))
        .setFlags(uint32(n, "flags", path))
        .setName(string(n, "name", path))
        .setStartTimeUnixNano(uint64(n, "startTimeUnixNano", path))
        .setEndTimeUnixNano(uint64(n, "endTimeUnixNano", path))
        .addAllAttributes(attributes(n, "attributes", path))
        .setDroppedAttributesCount(uint32(n, "droppedAttributesCount", path))
        .addAllEvents(list(n, "events", path, OtlpJsonRequests::event))
        .setDroppedEventsCount(uint32(n, "droppedEventsCount", path))
        .addAllLinks(list(n, "links", path, OtlpJsonRequests::link))
        .setDroppedLinksCount(uint32(n, "droppedLinksCount", path));
    Integer kind = enumNumber(n, "kind", path, "SpanKind",
        name -> Span.SpanKind.valueOf(name).getNumber());
    if (kind != null) {
      b.setKindValue(kind);
    }
    JsonNode status = object(n, "status", path);
    if (status != null) {
      String p = path + ".status";
      Status.Builder s = Status.newBuilder().setMessage(string(status, "message", p));
      Integer code = enumNumber(status, "code", p, "StatusCode",
          name -> Status.StatusCode.valueOf(name).getNumber());
      if (code != null) {
        s.setCodeValue(code);
      }
      b.setStatus(s);
    }
    return b.build();
  }

  private static Span.Event event(JsonNode n, String path) {
    return Span.Event.newBuilder()
        .setTimeUnixNano(uint64(n, "timeUnixNano", path))
        .setName(string(n, "name", path))
        .addAllAttributes(attributes(n, "attributes", path))
        .setDroppedAttributesCount(uint32(n, "droppedAttributesCount", path))
        .build();
  }

  private static Span.Link link(JsonNode n, String path) {
    return Span.Link.newBuilder()
        .setTraceId(id(n, "traceId", TRACE_ID_BYTES, path))
        .setSpanId(id(n, "spanId", SPAN_ID_BYTES, path))
        .setTraceState(string(n, "traceState", path))
        .addAllAttributes(attributes(n, "attributes", path))
        .setDroppedAttributesCount(uint32(n, "droppedAttributesCount", path))
        .setFlags(uint32(n, "flags", path))
        .build();
  }
}

package dev.tracelight.testkit;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** OTLP protobuf request bodies for tests, built with the OpenTelemetry proto classes. */
final class OtlpSpans {

  static final String TRACE_HEX = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String TRACE_ID = "tr-" + TRACE_HEX;
  static final String ROOT_HEX = "00f067aa0ba902b7";
  static final String CHILD_HEX = "00f067aa0ba902b8";
  static final long START = 1_718_460_461_282_000_123L;

  private OtlpSpans() {}

  /** A root span the way MLflow clients send it: mlflow.* attributes as JSON text. */
  static Span root() {
    return span(ROOT_HEX, null, "Messages.create")
        .addAttributes(text("mlflow.spanType", "\"CHAT_MODEL\""))
        .addAttributes(text("mlflow.spanInputs", "{\"model\": \"claude\", \"max_tokens\": 64}"))
        .addAttributes(text("mlflow.message.format", "\"anthropic\""))
        .setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_OK))
        .build();
  }

  /** A child with native (not JSON text) attribute values, as generic OTel exporters send. */
  static Span child() {
    KeyValueList usage =
        KeyValueList.newBuilder()
            .addValues(keyValue("input_tokens", AnyValue.newBuilder().setIntValue(10).build()))
            .build();
    return span(CHILD_HEX, ROOT_HEX, "tool")
        .addAttributes(text("gen_ai.request.model", "claude-sonnet"))
        .addAttributes(keyValue("retries", AnyValue.newBuilder().setIntValue(2).build()))
        .addAttributes(keyValue("usage", AnyValue.newBuilder().setKvlistValue(usage).build()))
        .addEvents(
            Span.Event.newBuilder()
                .setName("exception")
                .setTimeUnixNano(START + 5)
                .addAttributes(text("exception.type", "RateLimitError")))
        .build();
  }

  static Span.Builder span(String spanHex, String parentHex, String name) {
    Span.Builder span =
        Span.newBuilder()
            .setTraceId(bytes(TRACE_HEX))
            .setSpanId(bytes(spanHex))
            .setName(name)
            .setKind(Span.SpanKind.SPAN_KIND_INTERNAL)
            .setStartTimeUnixNano(START)
            .setEndTimeUnixNano(START + 842_000_000L);
    if (parentHex != null) {
      span.setParentSpanId(bytes(parentHex));
    }
    return span;
  }

  static byte[] request(List<Span> spans) {
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(
            ResourceSpans.newBuilder().addScopeSpans(ScopeSpans.newBuilder().addAllSpans(spans)))
        .build()
        .toByteArray();
  }

  static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The headers of a correct export to {@code experimentId}. */
  static Map<String, String> headers(String experimentId) {
    return Map.of("content-type", "application/x-protobuf", "x-mlflow-experiment-id", experimentId);
  }

  static KeyValue text(String key, String value) {
    return keyValue(key, AnyValue.newBuilder().setStringValue(value).build());
  }

  static KeyValue keyValue(String key, AnyValue value) {
    return KeyValue.newBuilder().setKey(key).setValue(value).build();
  }

  private static ByteString bytes(String hex) {
    return ByteString.copyFrom(HexFormat.of().parseHex(hex));
  }
}

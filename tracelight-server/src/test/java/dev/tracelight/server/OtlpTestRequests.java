package dev.tracelight.server;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** OTLP requests as a Tracelight or MLflow client sends them: a root and a chat-model child. */
final class OtlpTestRequests {
  /** Above 2^53, so a double anywhere on the way would change the digits. */
  static final long T0 = 1_750_000_000_123_456_789L;
  static final long MS = 1_000_000L;

  final byte[] traceId = random(16);
  final byte[] rootId = random(8);
  final byte[] childId = random(8);

  String mlflowTraceId() {
    return "tr-" + HexFormat.of().formatHex(traceId);
  }

  ExportTraceServiceRequest rootAndChild() {
    return request(root().build(), child().build());
  }

  /** The root span {@code agent}, ready to adjust before {@code build()}. */
  Span.Builder root() {
    return Span.newBuilder()
        .setTraceId(ByteString.copyFrom(traceId))
        .setSpanId(ByteString.copyFrom(rootId))
        .setName("agent")
        .setKind(Span.SpanKind.SPAN_KIND_INTERNAL)
        .setStartTimeUnixNano(T0)
        .setEndTimeUnixNano(T0 + 1532 * MS)
        .addAttributes(string("mlflow.spanType", "\"AGENT\""))
        .addAttributes(string("mlflow.spanInputs", "{\"question\":\"Hi\"}"))
        .addAttributes(string("mlflow.spanOutputs", "{\"answer\":\"Hello\"}"))
        .addAttributes(string("user.note", "plain text"))
        .setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_OK));
  }

  /** The chat-model child {@code Messages.create} with token usage, without inputs or outputs. */
  Span.Builder child() {
    return Span.newBuilder()
        .setTraceId(ByteString.copyFrom(traceId))
        .setSpanId(ByteString.copyFrom(childId))
        .setParentSpanId(ByteString.copyFrom(rootId))
        .setName("Messages.create")
        .setStartTimeUnixNano(T0 + MS)
        .setEndTimeUnixNano(T0 + 900 * MS + 7)
        .addAttributes(string("mlflow.spanType", "\"CHAT_MODEL\""))
        .addAttributes(string("mlflow.chat.tokenUsage",
            "{\"input_tokens\":12,\"output_tokens\":30,\"total_tokens\":42}"))
        .addAttributes(string("mlflow.message.format", "anthropic"))
        .addAttributes(KeyValue.newBuilder().setKey("gen_ai.request.max_tokens")
            .setValue(AnyValue.newBuilder().setIntValue(1024)))
        .addEvents(Span.Event.newBuilder().setName("retry").setTimeUnixNano(T0 + 2 * MS)
            .addAttributes(string("attempt.reason", "overloaded")))
        .setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_OK));
  }

  static ExportTraceServiceRequest request(Span... spans) {
    ScopeSpans.Builder scope = ScopeSpans.newBuilder();
    for (Span span : spans) {
      scope.addSpans(span);
    }
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(ResourceSpans.newBuilder().addScopeSpans(scope))
        .build();
  }

  static KeyValue string(String key, String value) {
    return KeyValue.newBuilder().setKey(key)
        .setValue(AnyValue.newBuilder().setStringValue(value)).build();
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    ThreadLocalRandom.current().nextBytes(b);
    return b;
  }
}

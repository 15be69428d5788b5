package dev.tracelight.bench;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * OTLP export requests as an MLflow client sends them: traces of a root and child spans with
 * {@code mlflow.*} attributes holding JSON text, each span about {@code spanBytes} long, fresh ids
 * in every request so the server inserts rather than re-upserts.
 */
final class OtlpRequests {
  private OtlpRequests() {}

  /** One request of {@code spans} spans in traces of {@code spansPerTrace}. */
  static byte[] request(int spans, int spansPerTrace, int spanBytes) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long now = System.currentTimeMillis() * 1_000_000L;
    String filler = "x".repeat(Math.max(0, spanBytes - 300));
    List<Span> out = new ArrayList<>(spans);
    byte[] traceId = null;
    byte[] rootId = null;
    for (int i = 0; i < spans; i++) {
      boolean root = i % spansPerTrace == 0;
      if (root) {
        traceId = bytes(random, 16);
      }
      byte[] spanId = bytes(random, 8);
      if (root) {
        rootId = spanId;
      }
      Span.Builder span = Span.newBuilder()
          .setTraceId(ByteString.copyFrom(traceId))
          .setSpanId(ByteString.copyFrom(spanId))
          .setName(root ? "agent" : "Messages.create")
          .setKind(Span.SpanKind.SPAN_KIND_INTERNAL)
          .setStartTimeUnixNano(now + i * 1000L)
          .setEndTimeUnixNano(now + i * 1000L + 500_000L)
          .setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_OK))
          .addAttributes(attribute("mlflow.spanType", root ? "\"AGENT\"" : "\"CHAT_MODEL\""))
          .addAttributes(attribute("mlflow.spanInputs",
              "{\"messages\":[{\"role\":\"user\",\"content\":\"" + filler + "\"}]}"))
          .addAttributes(attribute("mlflow.spanOutputs", "{\"content\":[{\"type\":\"text\",\"text\":\"ok\"}]}"))
          .addAttributes(attribute("mlflow.chat.tokenUsage",
              "{\"input_tokens\":120,\"output_tokens\":30,\"total_tokens\":150}"));
      if (!root) {
        span.setParentSpanId(ByteString.copyFrom(rootId));
      }
      out.add(span.build());
    }
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(ResourceSpans.newBuilder()
            .addScopeSpans(ScopeSpans.newBuilder().addAllSpans(out)))
        .build()
        .toByteArray();
  }

  private static KeyValue attribute(String key, String json) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(json)).build();
  }

  private static byte[] bytes(ThreadLocalRandom random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}

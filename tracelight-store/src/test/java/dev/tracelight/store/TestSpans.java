package dev.tracelight.store;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Builds spans the way the OTLP ingest does, for the store kits. */
final class TestSpans {
  private TestSpans() {}

  static String newTraceId() {
    byte[] b = new byte[16];
    ThreadLocalRandom.current().nextBytes(b);
    return "tr-" + HexFormat.of().formatHex(b);
  }

  static String newSpanId() {
    byte[] b = new byte[8];
    ThreadLocalRandom.current().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  static String json(String s) {
    return "\"" + s + "\"";
  }

  static SpanRecord.Builder span(String traceId, String spanId, String parentId, String name,
      long startNs, long endNs) {
    return SpanRecord.builder()
        .setTraceId(traceId)
        .setSpanId(spanId)
        .setParentSpanId(parentId)
        .setName(name)
        .setStartTimeUnixNano(startNs)
        .setEndTimeUnixNano(endNs)
        .setStatus(SpanStatusCode.OK, "")
        .putAttribute(SpanRecord.TRACE_REQUEST_ID, json(traceId));
  }

  static String usage(long in, long out) {
    return "{\"input_tokens\": " + in + ", \"output_tokens\": " + out + ", \"total_tokens\": "
        + (in + out) + "}";
  }
}

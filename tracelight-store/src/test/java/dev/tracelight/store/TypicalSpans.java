package dev.tracelight.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Real-looking span dicts for size measurements: a 1.2 KB single-turn chat call and a 9.4 KB
 * support conversation with a system prompt, tools and a tool result (test resources {@code
 * spans/chat-1k.json} and {@code spans/chat-10k.json}, MLflow's 3.x span dict).
 */
final class TypicalSpans {
  static final String TRACE_ID = "tr-4bf92f3577b34da6a3ce929d0e0e4736";

  private TypicalSpans() {}

  static String json1k() {
    return resource("spans/chat-1k.json");
  }

  static String json10k() {
    return resource("spans/chat-10k.json");
  }

  /** The span of a dict, moved to {@code traceId}. */
  static SpanRecord span(String dictJson, String traceId) {
    SpanRecord s = SpanContentCodec.decode(TRACE_ID, dictJson);
    return s.toBuilder().setTraceId(traceId).putAttribute(SpanRecord.TRACE_REQUEST_ID,
        "\"" + traceId + "\"").setParentSpanId(null).build();
  }

  private static String resource(String name) {
    try (InputStream in = TypicalSpans.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.tracelight.bench;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * One trace shaped like a long agent run, for {@link TraceViewLoad}: a root AGENT span, about
 * √N CHAIN/AGENT steps run one after another, and under each step its share of the remaining spans,
 * alternately CHAT_MODEL (token usage, cost, model) and TOOL calls, also one after another. Every
 * span carries about 1 KB of inputs and 1 KB of outputs as JSON text of varied words, so the
 * store's compression sees something like real text rather than one repeated letter.
 *
 * <p>{@link #spans} are in end order, as a batching exporter sends them: each step after its calls,
 * the root last. The same seed gives the same trace, ids included.
 */
final class BigTrace {
  static final int CONTENT_BYTES = 1024;
  private static final String MODEL = "claude-sonnet-4-5";
  private static final String[] TOOLS = {"search_docs", "read_file", "run_sql", "http_get"};
  private static final String[] WORDS = ("the agent reads a file then searches the docs for the "
      + "error and runs a query against orders table to find which customer saw a late refund "
      + "while the model plans next step summary result invoice region weekly report latency "
      + "budget retry timeout cache index").split(" ");
  private static final long MS = 1_000_000L;
  private static final ByteString ZERO_ID = ByteString.copyFrom(new byte[8]);

  final byte[] traceId;
  /** Every span, in end order. */
  final List<Span> spans;
  /** The span the UI's tree shows last: the last call of the last step. */
  final Span lastInTree;

  private BigTrace(byte[] traceId, List<Span> spans, Span lastInTree) {
    this.traceId = traceId;
    this.spans = spans;
    this.lastInTree = lastInTree;
  }

  /** A trace of {@code spanCount} spans (at least 3: a root, a step and a call). */
  static BigTrace build(int spanCount, long seed) {
    if (spanCount < 3) {
      throw new IllegalArgumentException("spanCount must be at least 3: " + spanCount);
    }
    Random random = new Random(seed);
    byte[] traceId = new byte[16];
    random.nextBytes(traceId);
    Builder b = new Builder(random, traceId);
    int steps = Math.max(1, (int) Math.round(Math.sqrt(spanCount)));
    steps = Math.min(steps, (spanCount - 1) / 2); // every step gets at least one call
    int calls = spanCount - 1 - steps;
    byte[] rootId = b.newId();
    long cursor = 5 * MS; // relative to the root's start; shifted to "now" at the end
    Span last = null;
    for (int s = 0; s < steps; s++) {
      byte[] stepId = b.newId();
      long stepStart = cursor;
      cursor += 2 * MS;
      int stepCalls = calls / steps + (s < calls % steps ? 1 : 0);
      for (int c = 0; c < stepCalls; c++) {
        boolean chat = c % 2 == 0;
        long duration = chat ? (400 + random.nextInt(2000)) * MS : (5 + random.nextInt(300)) * MS;
        last = b.add(stepId, chat ? "CHAT_MODEL" : "TOOL",
            chat ? "Messages.create" : TOOLS[(c / 2) % TOOLS.length], cursor, cursor + duration);
        cursor += duration + (1 + random.nextInt(5)) * MS;
      }
      b.add(rootId, stepId, s % 2 == 0 ? "CHAIN" : "AGENT",
          (s % 2 == 0 ? "plan_step_" : "sub_agent_") + s, stepStart, cursor);
      cursor += 2 * MS;
    }
    b.add(null, rootId, "AGENT", "agent_run", 0, cursor + 3 * MS);
    // The run ended a second ago: the UI and the store see a recent trace.
    long shift = System.currentTimeMillis() * MS - (cursor + 3 * MS) - 1000 * MS;
    List<Span> shifted = new ArrayList<>(b.spans.size());
    Span lastShifted = null;
    for (Span span : b.spans) {
      Span moved = span.toBuilder().setStartTimeUnixNano(span.getStartTimeUnixNano() + shift)
          .setEndTimeUnixNano(span.getEndTimeUnixNano() + shift).build();
      shifted.add(moved);
      if (span == last) {
        lastShifted = moved;
      }
    }
    return new BigTrace(traceId, List.copyOf(shifted), lastShifted);
  }

  String mlflowTraceId() {
    return "tr-" + HexFormat.of().formatHex(traceId);
  }

  static String hex(ByteString id) {
    return HexFormat.of().formatHex(id.toByteArray());
  }

  /** OTLP export requests of up to {@code spansPerRequest} spans each, in end order. */
  List<byte[]> requests(int spansPerRequest) {
    List<byte[]> requests = new ArrayList<>();
    Resource resource = Resource.newBuilder()
        .addAttributes(KeyValue.newBuilder().setKey("service.name")
            .setValue(AnyValue.newBuilder().setStringValue("trace-view-load")))
        .build();
    for (int from = 0; from < spans.size(); from += spansPerRequest) {
      List<Span> chunk = spans.subList(from, Math.min(spans.size(), from + spansPerRequest));
      requests.add(ExportTraceServiceRequest.newBuilder()
          .addResourceSpans(ResourceSpans.newBuilder().setResource(resource)
              .addScopeSpans(ScopeSpans.newBuilder().addAllSpans(chunk)))
          .build().toByteArray());
    }
    return requests;
  }

  /** Collects spans with unique random ids and MLflow's attributes. */
  private static final class Builder {
    final List<Span> spans = new ArrayList<>();
    final Set<ByteString> ids = new HashSet<>();
    final Random random;
    final byte[] traceId;
    final String requestIdJson;

    Builder(Random random, byte[] traceId) {
      this.random = random;
      this.traceId = traceId;
      this.requestIdJson = "\"tr-" + HexFormat.of().formatHex(traceId) + "\"";
    }

    byte[] newId() {
      byte[] id = new byte[8];
      do {
        random.nextBytes(id); // an all-zero span id is invalid in OTLP
      } while (ByteString.copyFrom(id).equals(ZERO_ID) || !ids.add(ByteString.copyFrom(id)));
      return id;
    }

    /** A call under {@code parent}, with a fresh id. */
    Span add(byte[] parent, String type, String name, long start, long end) {
      return add(parent, newId(), type, name, start, end);
    }

    Span add(byte[] parent, byte[] id, String type, String name, long start, long end) {
      Span.Builder span = Span.newBuilder()
          .setTraceId(ByteString.copyFrom(traceId))
          .setSpanId(ByteString.copyFrom(id))
          .setName(name)
          .setKind(Span.SpanKind.SPAN_KIND_INTERNAL)
          .setStartTimeUnixNano(start)
          .setEndTimeUnixNano(end)
          .setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_OK))
          .addAttributes(attribute("mlflow.traceRequestId", requestIdJson))
          .addAttributes(attribute("mlflow.spanType", "\"" + type + "\""));
      if (parent != null) {
        span.setParentSpanId(ByteString.copyFrom(parent));
      }
      if (type.equals("CHAT_MODEL")) {
        int in = 200 + random.nextInt(4000);
        int out = 20 + random.nextInt(800);
        span.addAttributes(attribute("mlflow.spanInputs", sized("{\"model\":\"" + MODEL
                + "\",\"max_tokens\":1024,\"messages\":[{\"role\":\"user\",\"content\":\"",
                "\"}]}")))
            .addAttributes(attribute("mlflow.spanOutputs", sized("{\"id\":\"msg_01\",\"type\":"
                + "\"message\",\"role\":\"assistant\",\"model\":\"" + MODEL + "\",\"content\":[{"
                + "\"type\":\"text\",\"text\":\"", "\"}],\"stop_reason\":\"end_turn\",\"usage\":{"
                + "\"input_tokens\":" + in + ",\"output_tokens\":" + out + "}}")))
            .addAttributes(attribute("mlflow.chat.tokenUsage", "{\"input_tokens\": " + in
                + ", \"output_tokens\": " + out + ", \"total_tokens\": " + (in + out) + "}"))
            .addAttributes(attribute("mlflow.llm.cost", String.format(Locale.ROOT,
                "{\"input_cost\": %.6f, \"output_cost\": %.6f, \"total_cost\": %.6f}",
                in * 3e-6, out * 15e-6, in * 3e-6 + out * 15e-6)))
            .addAttributes(attribute("mlflow.llm.model", "\"" + MODEL + "\""))
            .addAttributes(attribute("mlflow.message.format", "\"anthropic\""));
      } else if (type.equals("TOOL")) {
        span.addAttributes(attribute("mlflow.spanInputs", sized("{\"query\":\"", "\"}")))
            .addAttributes(attribute("mlflow.spanOutputs",
                sized("{\"results\":[{\"title\":\"result\",\"snippet\":\"", "\"}]}")));
      } else {
        span.addAttributes(attribute("mlflow.spanInputs", sized("{\"task\":\"", "\"}")))
            .addAttributes(attribute("mlflow.spanOutputs", sized("{\"answer\":\"", "\"}")));
      }
      Span built = span.build();
      spans.add(built);
      return built;
    }

    /** {@code prefix + words + suffix}, {@link #CONTENT_BYTES} long; the words need no escapes. */
    String sized(String prefix, String suffix) {
      int length = CONTENT_BYTES - prefix.length() - suffix.length();
      StringBuilder text = new StringBuilder(CONTENT_BYTES).append(prefix);
      int end = prefix.length() + length;
      while (text.length() < end) {
        text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
      }
      text.setLength(end);
      return text.append(suffix).toString();
    }
  }

  private static KeyValue attribute(String key, String json) {
    return KeyValue.newBuilder().setKey(key)
        .setValue(AnyValue.newBuilder().setStringValue(json)).build();
  }
}

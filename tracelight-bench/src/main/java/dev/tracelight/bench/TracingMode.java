package dev.tracelight.bench;

import com.anthropic.client.AnthropicClient;
import dev.tracelight.anthropic.AnthropicTracing;
import dev.tracelight.tracing.ExportStats;
import dev.tracelight.tracing.Span;
import dev.tracelight.tracing.SpanAttributeKey;
import dev.tracelight.tracing.Trace;
import dev.tracelight.tracing.Tracelight;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How a benchmark's client is traced, one per JMH fork (the {@code mode} parameter), so the
 * baseline fork never loads the tracing advice: {@code baseline} (the SDK alone), {@code wrap}
 * ({@code AnthropicTracing.wrap(client)}) or {@code autolog} ({@code AnthropicTracing.autolog()},
 * which attaches the agent once, in the fork's setup). Traces stay in memory: no tracking URI.
 */
enum TracingMode {
  BASELINE,
  WRAP,
  AUTOLOG;

  static TracingMode of(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  /** Whether calls in this mode should record spans. */
  boolean traces() {
    return this != BASELINE;
  }

  /** Turns tracing on as this mode says and returns the client to benchmark. */
  AnthropicClient setUp() {
    // Export would add network work and background threads: keep traces in memory only, even if
    // MLFLOW_TRACKING_URI is set in the environment.
    Tracelight.setTrackingUri(null);
    AnthropicClient client = InProcessAnthropicTransport.newClient();
    switch (this) {
      case BASELINE:
        if (AnthropicTracing.isAutologEnabled()) {
          throw new IllegalStateException("autolog is on in the baseline fork");
        }
        return client;
      case WRAP:
        return AnthropicTracing.wrap(client);
      case AUTOLOG:
        if (!AnthropicTracing.autolog()) {
          throw new IllegalStateException("AnthropicTracing.autolog() could not attach its agent");
        }
        return client;
      default:
        throw new AssertionError(this);
    }
  }

  void tearDown() {
    if (this == AUTOLOG) {
      AnthropicTracing.disable();
    }
  }

  /** The id of the last trace that finished in this JVM, or "" when none has. */
  static String lastTraceId() {
    return Tracelight.lastActiveTraceId().orElse("");
  }

  /** Whether a trace finished since {@code before} was read from {@link #lastTraceId()}. */
  static boolean traceFinishedSince(String before) {
    return !Objects.equals(before, lastTraceId());
  }

  /** One line about the last trace: its root span's name and the sizes of inputs and outputs. */
  static String describeLastTrace() {
    Optional<Trace> trace = Tracelight.lastActiveTraceId().flatMap(Tracelight::getTrace);
    Optional<Span> root = trace.flatMap(t -> t.data().rootSpan());
    if (root.isEmpty()) {
      return "no trace";
    }
    Span span = root.get();
    return "span '" + span.name() + "' (" + trace.get().data().spans().size() + " in trace), inputs "
        + length(span.attributeJson(SpanAttributeKey.INPUTS)) + " chars, outputs "
        + length(span.attributeJson(SpanAttributeKey.OUTPUTS)) + " chars";
  }

  private static int length(String json) {
    return json == null ? 0 : json.length();
  }

  /** Fails when anything was exported or queued for export: the benchmark measures no export. */
  static void requireNoExport() {
    ExportStats stats = Tracelight.exportStats();
    if (Tracelight.trackingUri().isPresent() || stats.exported() != 0 || stats.queued() != 0) {
      throw new IllegalStateException("traces were exported during the benchmark: " + stats);
    }
  }

  /** A line for the fork's output, found by its prefix in the JMH log. */
  static void report(String benchmark, TracingMode mode, String message) {
    System.out.println("[tracelight-bench] " + benchmark + " mode=" + mode.name().toLowerCase(Locale.ROOT)
        + ": " + message);
  }
}

package dev.tracelight.examples;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import dev.tracelight.anthropic.AnthropicTracing;
import dev.tracelight.tracing.Span;
import dev.tracelight.tracing.Trace;
import dev.tracelight.tracing.Tracelight;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * Streaming, traced: {@code messages().createStreaming} prints the text as it arrives, and the
 * {@code Messages.createStreaming} span records the whole message, accumulated from the events,
 * with its token usage.
 */
public final class StreamingExample {
  private StreamingExample() {}

  /** Runs the example against the tracking server at {@code trackingUri}; returns the trace id. */
  public static String run(String trackingUri, PrintStream out) {
    AnthropicTracing.autolog();
    Tracelight.setTrackingUri(trackingUri);
    Tracelight.setExperiment("Anthropic");

    AnthropicClient client = AnthropicOkHttpClient.fromEnv();
    MessageCreateParams params =
        MessageCreateParams.builder()
            .model("claude-sonnet-4-5-20250929")
            .maxTokens(512)
            .addUserMessage("Stream me a short greeting, Claude")
            .build();
    out.print("Claude (streamed): ");
    try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(params)) {
      stream.stream()
          .flatMap(event -> event.contentBlockDelta().stream())
          .flatMap(delta -> delta.delta().text().stream())
          .forEach(text -> {
            out.print(text.text());
            out.flush();
          });
    } finally {
      client.close();
    }
    out.println();

    // The span ended when the stream did; it holds the message the events add up to.
    Trace trace = Tracelight.getTrace(Tracelight.lastActiveTraceId().orElseThrow()).orElseThrow();
    Span span = trace.data().spans().get(0);
    out.println("Span " + span.name() + " output: " + text(span.outputs()));
    out.println("Span " + span.name() + " usage: " + span.attribute("mlflow.chat.tokenUsage"));
    return trace.info().traceId();
  }

  /** The text blocks of a recorded {@code Message}. */
  static String text(Object message) {
    StringBuilder text = new StringBuilder();
    if (message instanceof Map<?, ?> map && map.get("content") instanceof List<?> content) {
      for (Object block : content) {
        if (block instanceof Map<?, ?> b && "text".equals(b.get("type"))) {
          text.append(b.get("text"));
        }
      }
    }
    return text.toString();
  }
}

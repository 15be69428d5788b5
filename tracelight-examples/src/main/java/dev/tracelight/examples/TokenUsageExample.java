package dev.tracelight.examples;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.MessageCreateParams;
import dev.tracelight.anthropic.AnthropicTracing;
import dev.tracelight.tracing.Span;
import dev.tracelight.tracing.TokenUsage;
import dev.tracelight.tracing.Trace;
import dev.tracelight.tracing.Tracelight;
import java.io.PrintStream;

/**
 * The guide's "Tracking Token Usage and Cost", in Java: after a call, read the trace back and print
 * its total token usage ({@code trace.info().tokenUsage()}), then each span's
 * {@code mlflow.chat.tokenUsage}.
 */
public final class TokenUsageExample {
  private TokenUsageExample() {}

  /** Runs the example against the tracking server at {@code trackingUri}; returns the trace id. */
  public static String run(String trackingUri, PrintStream out) {
    AnthropicTracing.autolog();
    Tracelight.setTrackingUri(trackingUri);
    Tracelight.setExperiment("Anthropic");

    AnthropicClient client = AnthropicOkHttpClient.fromEnv();
    try {
      client.messages().create(
          MessageCreateParams.builder()
              .model("claude-sonnet-4-5-20250929")
              .maxTokens(512)
              .addUserMessage("How many tokens does this question use?")
              .build());
    } finally {
      client.close();
    }

    Trace trace = Tracelight.getTrace(Tracelight.lastActiveTraceId().orElseThrow()).orElseThrow();
    TokenUsage total = trace.info().tokenUsage();
    out.println("Input tokens: " + total.inputTokens());
    out.println("Output tokens: " + total.outputTokens());
    out.println("Total tokens: " + total.totalTokens());
    for (Span span : trace.data().spans()) {
      out.println(span.name() + ": " + span.attribute("mlflow.chat.tokenUsage"));
    }
    return trace.info().traceId();
  }
}

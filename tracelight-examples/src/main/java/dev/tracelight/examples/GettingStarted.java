package dev.tracelight.examples;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import dev.tracelight.anthropic.AnthropicTracing;
import dev.tracelight.tracing.Span;
import dev.tracelight.tracing.TokenUsage;
import dev.tracelight.tracing.Trace;
import dev.tracelight.tracing.Tracelight;
import java.io.PrintStream;

/**
 * "Getting Started" of MLflow's Anthropic tracing guide, in Java: turn on autolog, point traces at
 * a tracking server and an experiment, make one call, read the trace back.
 */
public final class GettingStarted {
  private GettingStarted() {}

  /** Runs the example against the tracking server at {@code trackingUri}; returns the trace id. */
  public static String run(String trackingUri, PrintStream out) {
    AnthropicTracing.autolog(); // every Anthropic client in the JVM is traced
    Tracelight.setTrackingUri(trackingUri);
    Tracelight.setExperiment("Anthropic"); // created when missing

    AnthropicClient client = AnthropicOkHttpClient.fromEnv();
    Message message =
        client.messages().create(
            MessageCreateParams.builder()
                .model("claude-sonnet-4-5-20250929")
                .maxTokens(512)
                .addUserMessage("Hello, Claude")
                .build());
    out.println("Claude: " + message.content().get(0).asText().text());

    String traceId = Tracelight.lastActiveTraceId().orElseThrow();
    Trace trace = Tracelight.getTrace(traceId).orElseThrow();
    TokenUsage total = trace.info().tokenUsage();
    out.println("Trace " + traceId + ": " + total.inputTokens() + " input + "
        + total.outputTokens() + " output = " + total.totalTokens() + " tokens");
    for (Span span : trace.data().spans()) {
      Object usage = span.attribute("mlflow.chat.tokenUsage");
      out.println("  span " + span.name() + " (" + span.spanType() + "): " + usage);
    }
    AnthropicTracing.disable();
    return traceId;
  }
}

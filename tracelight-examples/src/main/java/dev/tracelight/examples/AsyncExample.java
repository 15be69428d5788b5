package dev.tracelight.examples;

import com.anthropic.client.AnthropicClientAsync;
import com.anthropic.client.okhttp.AnthropicOkHttpClientAsync;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import dev.tracelight.anthropic.AnthropicTracing;
import dev.tracelight.tracing.Span;
import dev.tracelight.tracing.Trace;
import dev.tracelight.tracing.Tracelight;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;

/**
 * The guide's async example, in Java: the async client's {@code messages().create} returns a
 * {@link CompletableFuture}, traced as one {@code AsyncMessages.create} span that ends when the
 * future completes.
 */
public final class AsyncExample {
  private AsyncExample() {}

  /** Runs the example against the tracking server at {@code trackingUri}; returns the trace id. */
  public static String run(String trackingUri, PrintStream out) {
    AnthropicTracing.autolog();
    Tracelight.setTrackingUri(trackingUri);
    Tracelight.setExperiment("Anthropic");

    AnthropicClientAsync client = AnthropicOkHttpClientAsync.fromEnv();
    try {
      CompletableFuture<Message> response =
          client.messages().create(
              MessageCreateParams.builder()
                  .model("claude-sonnet-4-5-20250929")
                  .maxTokens(512)
                  .addUserMessage("Hello from the async client, Claude")
                  .build());
      Message message = response.join();
      out.println("Claude: " + message.content().get(0).asText().text());
    } finally {
      client.close();
    }

    String traceId = Tracelight.lastActiveTraceId().orElseThrow();
    Trace trace = Tracelight.getTrace(traceId).orElseThrow();
    for (Span span : trace.data().spans()) {
      out.println("  span " + span.name() + " (" + span.spanType() + ")");
    }
    return traceId;
  }
}

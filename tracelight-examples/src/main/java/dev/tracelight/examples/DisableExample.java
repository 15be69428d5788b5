package dev.tracelight.examples;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.MessageCreateParams;
import dev.tracelight.anthropic.AnthropicTracing;
import dev.tracelight.tracing.Tracelight;
import java.io.PrintStream;
import java.util.Optional;

/**
 * The guide's "Disable auto-tracing", in Java: after {@code AnthropicTracing.disable()} (Python's
 * {@code mlflow.anthropic.autolog(disable=True)}) a call records no trace, and the same after
 * {@code Tracelight.autolog(false)} ({@code mlflow.autolog(disable=True)}), which turns off every
 * integration at once. Turned back on, calls are traced again.
 */
public final class DisableExample {
  private DisableExample() {}

  /**
   * What happened: whether a call recorded a trace while each switch was off (it should not), and
   * the trace of the call made after turning tracing back on (empty if that call was not traced).
   */
  public record Result(
      boolean tracedAfterAnthropicDisable,
      boolean tracedAfterAutologFalse,
      String reenabledTraceId) {}

  /** Runs the example against the tracking server at {@code trackingUri}. */
  public static Result run(String trackingUri, PrintStream out) {
    Tracelight.setTrackingUri(trackingUri);
    Tracelight.setExperiment("Anthropic");
    AnthropicClient client = AnthropicOkHttpClient.fromEnv();
    try {
      AnthropicTracing.autolog();
      AnthropicTracing.disable();
      boolean traced = callRecordsTrace(client);
      out.println("After AnthropicTracing.disable(): " + outcome(traced));

      AnthropicTracing.autolog();
      Tracelight.autolog(false); // every integration at once
      boolean tracedAll = callRecordsTrace(client);
      out.println("After Tracelight.autolog(false): " + outcome(tracedAll));

      AnthropicTracing.autolog(); // back on
      boolean tracedAgain = callRecordsTrace(client);
      out.println("After AnthropicTracing.autolog(): "
          + (tracedAgain ? "traced again" : "still no trace!"));
      String traceId = tracedAgain ? Tracelight.lastActiveTraceId().orElseThrow() : "";
      return new Result(traced, tracedAll, traceId);
    } finally {
      client.close();
    }
  }

  private static String outcome(boolean traced) {
    return traced ? "a trace was recorded!" : "the call was made, no new trace recorded";
  }

  /** Makes a call; true if it recorded a trace. */
  private static boolean callRecordsTrace(AnthropicClient client) {
    Optional<String> before = Tracelight.lastActiveTraceId();
    client.messages().create(
        MessageCreateParams.builder()
            .model("claude-sonnet-4-5-20250929")
            .maxTokens(512)
            .addUserMessage("Is this call traced?")
            .build());
    return !Tracelight.lastActiveTraceId().equals(before);
  }
}

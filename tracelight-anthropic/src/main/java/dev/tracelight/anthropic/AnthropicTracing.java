package dev.tracelight.anthropic;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.AnthropicClientAsync;
import dev.tracelight.anthropic.internal.AutologHooks;
import java.util.Objects;

/**
 * Traces calls made with the Anthropic Java SDK, as MLflow's {@code mlflow.anthropic.autolog()}
 * does in Python. Two ways in, recording the same spans:
 *
 * <ul>
 *   <li>{@link #autolog()}: every client in the JVM, created before or after, through a Java agent
 *       attached at run time (or started with {@code -javaagent});
 *   <li>{@link #wrap(AnthropicClient)}: one client, through a proxy; needs no agent.
 * </ul>
 *
 * <p>Each {@code messages().create} call becomes a {@code CHAT_MODEL} span named
 * {@code Messages.create} with the request body as inputs, the {@code Message} as outputs, and the
 * token usage, model and sampling parameters as attributes. Tracing never changes what the call
 * returns or throws, and API keys never reach a span (headers are not recorded).
 */
public final class AnthropicTracing {
  private AnthropicTracing() {}

  /**
   * Traces every Anthropic client in this JVM.
   *
   * @return false, after logging how to proceed, when the JVM does not allow a runtime agent
   */
  public static boolean autolog() {
    return autolog(AutologOptions.builder().setMaxInlineMediaBytes(MediaRedactor.maxInlineBytes()).build());
  }

  /**
   * Autolog with MLflow's switches: {@code disable} turns it off, {@code logTraces(false)} installs
   * it without recording, {@code silent} keeps set-up quiet; also sets the inline media size.
   *
   * @return false when the JVM does not allow a runtime agent (see {@link #autolog()})
   */
  public static boolean autolog(AutologOptions options) {
    Objects.requireNonNull(options, "options");
    MediaRedactor.setMaxInlineBytes(options.maxInlineMediaBytes());
    if (options.disable()) {
      disable();
      return true;
    }
    if (!AutologInstaller.install(options.silent())) {
      return false;
    }
    AutologHooks.configure(AutologRecorder.INSTANCE, options.logTraces());
    return true;
  }

  /** Stops autolog tracing; clients made with {@link #wrap} keep tracing. */
  public static void disable() {
    AutologHooks.configure(AutologRecorder.INSTANCE, false);
  }

  /** Whether autolog is on. */
  public static boolean isAutologEnabled() {
    return AutologHooks.enabled();
  }

  private static java.util.concurrent.Executor completionExecutor(
      com.anthropic.core.ClientOptions options) {
    try {
      return options.completionExecutor();
    } catch (RuntimeException e) {
      return null; // callbacks then run without the caller's context, as without tracing
    }
  }

  /** Returns a client that traces its calls and behaves otherwise exactly like {@code client}. */
  public static AnthropicClient wrap(AnthropicClient client) {
    Objects.requireNonNull(client, "client");
    return TracingProxy.wrap(client, AnthropicClient.class, completionExecutor(client.options()));
  }

  /** Returns an async client that traces its calls; see {@link #wrap(AnthropicClient)}. */
  public static AnthropicClientAsync wrap(AnthropicClientAsync client) {
    Objects.requireNonNull(client, "client");
    return TracingProxy.wrap(
        client, AnthropicClientAsync.class, completionExecutor(client.options()));
  }
}

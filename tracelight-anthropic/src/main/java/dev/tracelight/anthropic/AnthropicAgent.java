package dev.tracelight.anthropic;

import dev.tracelight.tracing.TracelightAgent;
import java.lang.instrument.Instrumentation;

/**
 * The entry point of {@code -javaagent:<tracelight-anthropic jar>}: installs Tracelight's agent
 * (so {@code @Traced} works) and turns Anthropic autolog on before the application starts, with no
 * run-time attach and no code change.
 */
public final class AnthropicAgent {
  private AnthropicAgent() {}

  /** Called by the JVM for {@code -javaagent}. */
  public static void premain(String args, Instrumentation instrumentation) {
    TracelightAgent.premain(args, instrumentation);
    AnthropicTracing.autolog();
  }

  /** Called when the agent is attached to a running JVM. */
  public static void agentmain(String args, Instrumentation instrumentation) {
    TracelightAgent.agentmain(args, instrumentation);
    AnthropicTracing.autolog();
  }
}

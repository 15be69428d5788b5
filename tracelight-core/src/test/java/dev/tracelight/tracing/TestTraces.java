package dev.tracelight.tracing;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.Map;

/** Small traces made through a runtime of the test's own, as an application would make them. */
final class TestTraces {
  private TestTraces() {}

  /** An AGENT root with a CHAT_MODEL child carrying token usage; returns the root. */
  static LiveSpan agentWithModelCall(TracelightRuntime runtime, String question) {
    LiveSpan root = runtime.startSpan("agent", SpanType.AGENT, Context.root());
    try (Scope ignored = root.makeCurrent()) {
      root.setInputs(Map.of("question", question));
      LiveSpan call = runtime.startSpan("Messages.create", SpanType.CHAT_MODEL, Context.current());
      call.setInputs(Map.of("model", "claude", "messages", java.util.List.of(Map.of("role", "user", "content", question))));
      call.setAttribute(SpanAttributeKey.CHAT_USAGE, TokenUsage.create(12, 30).toMap());
      call.setOutputsJson("{\"id\":\"msg_01\",\"content\":[{\"type\":\"text\",\"text\":\"Sunny\"}]}");
      call.end();
      root.setOutputs("Sunny");
    } finally {
      root.end();
    }
    return root;
  }

  /** A single-span trace; returns its span. */
  static LiveSpan single(TracelightRuntime runtime, String name) {
    LiveSpan span = runtime.startSpan(name, SpanType.CHAIN, Context.root());
    span.setInputs(Map.of("n", name));
    span.end();
    return span;
  }
}

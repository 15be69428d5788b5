package dev.tracelight.server;

import static dev.tracelight.server.InstrumentedSpans.span;
import static dev.tracelight.server.InstrumentedSpans.str;

import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;

/**
 * Spans for the span detail's browser tests, as clients send them by OTLP: an Anthropic
 * tool-calling conversation recorded by the integration (with images and thinking), images the UI
 * must not show, nested JSON, a large array, a failed call with its exception, and hostile content.
 */
final class ChatSpans {
  /** A 1×1 PNG. */
  static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAC"
      + "hwGA60e6kgAAAABJRU5ErkJggg==";
  static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  static final String STACK = "java.io.IOException: connection reset\n"
      + "\tat com.example.Weather.fetch(Weather.java:42)\n\tat com.example.Agent.run(Agent.java:7)";

  private ChatSpans() {}

  /**
   * {@code Messages.create} in the Anthropic integration's shape: system prompt, user text with
   * a small PNG and a large-image placeholder, assistant thinking and a {@code get_weather} call,
   * the user's tool result, and the final answer; one tool offered.
   */
  static Span.Builder anthropicToolConversation(byte[] traceId) {
    String inputs = """
        {"model": "claude-sonnet-4-5", "max_tokens": 1024,
         "system": "You are a weather assistant.",
         "tools": [{"name": "get_weather", "description": "Current weather for a city",
           "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}}}],
         "messages": [
          {"role": "user", "content": [
            {"type": "text", "text": "What is the weather in Paris?"},
            {"type": "image", "source": {"type": "base64", "media_type": "image/png",
              "data": "%s"}},
            {"type": "image", "source": {"type": "base64", "media_type": "image/jpeg",
              "data": "[omitted by Tracelight: image/jpeg, 2000000 bytes, sha256=%s]"}}]},
          {"role": "assistant", "content": [
            {"type": "thinking", "thinking": "The user wants the weather: call the tool.",
              "signature": "sig"},
            {"type": "tool_use", "id": "toolu_01", "name": "get_weather",
              "input": {"city": "Paris"}}]},
          {"role": "user", "content": [
            {"type": "tool_result", "tool_use_id": "toolu_01",
              "content": [{"type": "text", "text": "18 degrees, sunny"}]}]}]}
        """.formatted(PNG, SHA);
    String outputs = """
        {"id": "msg_02", "type": "message", "role": "assistant",
         "content": [{"type": "text", "text": "It is 18 degrees and sunny in Paris."}],
         "stop_reason": "end_turn"}
        """;
    return span(traceId, "Messages.create")
        .addAttributes(str("mlflow.spanType", "\"CHAT_MODEL\""))
        .addAttributes(str("mlflow.message.format", "\"anthropic\""))
        .addAttributes(str("mlflow.llm.model", "\"claude-sonnet-4-5\""))
        .addAttributes(str("mlflow.chat.tokenUsage", "{\"input_tokens\":120,\"output_tokens\":30,"
            + "\"total_tokens\":150,\"cache_read_input_tokens\":100}"))
        .addAttributes(str("mlflow.llm.cost",
            "{\"input_cost\":0.0004,\"output_cost\":0.00045,\"total_cost\":0.00085}"))
        .addAttributes(str("mlflow.spanInputs", inputs))
        .addAttributes(str("mlflow.spanOutputs", outputs));
  }

  /** Images that must not become an {@code <img>}: an HTML "image" and a non-base64 payload. */
  static Span.Builder badImages(byte[] traceId) {
    String inputs = """
        {"model": "claude-sonnet-4-5", "messages": [{"role": "user", "content": [
          {"type": "image", "source": {"type": "base64", "media_type": "text/html",
            "data": "PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg=="}},
          {"type": "image", "source": {"type": "base64", "media_type": "image/png",
            "data": "x\\" onerror=\\"window.__xss=1"}},
          {"type": "image", "source": {"type": "url", "url": "http://127.0.0.1:9/tracker.png"}},
          {"type": "text", "text": "Describe these."}]}]}
        """;
    return span(traceId, "Messages.create")
        .addAttributes(str("mlflow.spanType", "\"CHAT_MODEL\""))
        .addAttributes(str("mlflow.spanInputs", inputs));
  }

  /** A tool span with nested inputs: "lyon" occurs three times, one of them four levels deep. */
  static Span.Builder nestedJson(byte[] traceId) {
    String inputs = """
        {"order": {"customer": {"address": {"city": "Lyon", "zip": "69001"}},
          "items": [{"sku": "lyon-mug", "qty": 2, "gift": true, "note": null}]},
         "comment": "Ship to LYON", "long": "%s"}
        """.formatted("a".repeat(400) + " tail-marker");
    return span(traceId, "ship_order")
        .addAttributes(str("mlflow.spanType", "\"TOOL\""))
        .addAttributes(str("mlflow.spanInputs", inputs))
        .addAttributes(str("mlflow.spanOutputs", "{\"shipped\": true}"))
        // Other instrumentations' structures arrive as JSON text in string attributes.
        .addAttributes(str("warehouse.config", "{\"region\": \"eu-west\", \"docks\": [1, 2]}"))
        .addAttributes(str("user.note", "fragile"));
  }

  /**
   * A tool span whose inputs hold a two-item array and a 5,000-item one ({@code "item-0000"} to
   * {@code "item-4999"}), more than the JSON viewer renders at once.
   */
  static Span.Builder largeArray(byte[] traceId) {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      items.append(i == 0 ? "" : ", ").append("\"item-%04d\"".formatted(i));
    }
    return span(traceId, "list_items")
        .addAttributes(str("mlflow.spanType", "\"TOOL\""))
        .addAttributes(str("mlflow.spanInputs",
            "{\"query\": \"report\", \"tags\": [\"a\", \"b\"], \"items\": [" + items + "]}"))
        .addAttributes(str("mlflow.spanOutputs", "{\"count\": 5000}"));
  }

  /** A failed call with an exception event carrying a stack trace. */
  static Span.Builder failedWithException(byte[] traceId) {
    return span(traceId, "fetch_weather")
        .addAttributes(str("mlflow.spanType", "\"TOOL\""))
        .addAttributes(str("mlflow.spanInputs", "{\"city\": \"Paris\"}"))
        .setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR)
            .setMessage("connection reset"))
        .addEvents(Span.Event.newBuilder().setName("exception")
            .setTimeUnixNano(InstrumentedSpans.T0 + 300 * InstrumentedSpans.MS)
            .addAttributes(str("exception.type", "java.io.IOException"))
            .addAttributes(str("exception.message", "connection reset"))
            .addAttributes(str("exception.stacktrace", STACK)));
  }

  /** {@code hostile} as message text, tool name and arguments, a tool description and keys. */
  static Span.Builder hostile(byte[] traceId, String hostile) {
    String h = MlflowJson.MAPPER.valueToTree(hostile).toString(); // a JSON string literal
    String inputs = """
        {"model": "claude-sonnet-4-5",
         "tools": [{"name": %1$s, "description": %1$s, "input_schema": {%1$s: {"type": "string"}}}],
         "messages": [{"role": "user", "content": %1$s},
          {"role": "assistant", "content": [{"type": "tool_use", "id": "toolu_x", "name": %1$s,
            "input": {%1$s: %1$s}}]},
          {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "toolu_x",
            "content": %1$s, "is_error": true}]}]}
        """.formatted(h);
    return span(traceId, "Messages.create")
        .addAttributes(str("mlflow.spanType", "\"CHAT_MODEL\""))
        .addAttributes(str("mlflow.spanInputs", inputs))
        .addAttributes(str("mlflow.spanOutputs", "{\"role\": \"assistant\", \"type\": \"message\","
            + " \"content\": [{\"type\": \"thinking\", \"thinking\": " + h + "}]}"))
        .addAttributes(str(hostile, h))
        .addEvents(Span.Event.newBuilder().setName(hostile)
            .setTimeUnixNano(InstrumentedSpans.T0 + 10 * InstrumentedSpans.MS)
            .addAttributes(str(hostile, hostile)));
  }
}

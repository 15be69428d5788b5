package dev.tracelight.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders a completed {@link FakeMessage} as the Messages API's {@code Message} JSON.
 *
 * <p>Every field of the SDK 3.14.0 {@code Message} and {@code Usage} is written, absent ones as
 * JSON {@code null} like the real API does, so typed accessors and {@code validate()} succeed.
 */
final class MessageJson {

  private MessageJson() {}

  /**
   * @param message a message after {@link MessageReplies#complete}: id, model and usage set
   * @param beta whether to add the fields only the SDK's {@code BetaMessage} declares
   */
  static ObjectNode render(FakeMessage message, boolean beta) {
    ObjectNode json = Json.object();
    json.put("model", message.model().orElseThrow());
    json.put("id", message.id().orElseThrow());
    json.put("type", "message");
    json.put("role", "assistant");
    json.set("content", content(message));
    json.put("stop_reason", message.stopReason());
    json.put("stop_sequence", message.stopSequence().orElse(null));
    json.putNull("stop_details");
    json.putNull("container");
    json.putNull("diagnostics");
    ObjectNode usage = usage(message.usage().orElseThrow());
    if (beta) {
      json.putNull("context_management");
      json.putNull("input_transformations");
      usage.putNull("fallback_credit");
      usage.putNull("iterations");
    }
    json.set("usage", usage);
    return json;
  }

  static ArrayNode content(FakeMessage message) {
    ArrayNode content = Json.MAPPER.createArrayNode();
    message.content().forEach(block -> content.add(block.json()));
    return content;
  }

  static ObjectNode usage(FakeUsage usage) {
    ObjectNode json = Json.object();
    json.put("input_tokens", usage.inputTokens());
    json.put("cache_creation_input_tokens", usage.cacheCreationInputTokens());
    json.put("cache_read_input_tokens", usage.cacheReadInputTokens());
    // The fake has no notion of cache TTLs; every cache write counts as the default 5 minutes.
    json.set(
        "cache_creation",
        Json.object()
            .put("ephemeral_5m_input_tokens", usage.cacheCreationInputTokens())
            .put("ephemeral_1h_input_tokens", 0));
    json.put("output_tokens", usage.outputTokens());
    json.set(
        "output_tokens_details", Json.object().put("thinking_tokens", usage.thinkingTokens()));
    json.set(
        "server_tool_use",
        Json.object().put("web_search_requests", 0).put("web_fetch_requests", 0));
    json.put("service_tier", usage.serviceTier());
    json.put("speed", "standard");
    json.put("inference_geo", "global");
    return json;
  }
}

package dev.tracelight.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelight.tracing.Nullable;
import java.util.Map;
import java.util.TreeMap;

/**
 * The message so far of a stream that stopped early: the {@code message_start} message with the
 * content blocks that began, their text, thinking and partial tool input as they arrived, and the
 * usage reported so far. Built from the events' wire JSON, so GA and beta streams work alike.
 */
final class PartialMessage {
  private final ObjectNode message;
  @Nullable private final Map<String, Object> usage;

  private PartialMessage(ObjectNode message, @Nullable Map<String, Object> usage) {
    this.message = message;
    this.usage = usage;
  }

  static PartialMessage from(Iterable<Object> events, JsonMapper mapper) {
    ObjectNode message = mapper.createObjectNode();
    Map<Integer, ObjectNode> blocks = new TreeMap<>();
    Map<Integer, StringBuilder> partialJson = new TreeMap<>();
    for (Object event : events) {
      JsonNode e = mapper.valueToTree(event);
      switch (e.path("type").asText()) {
        case "message_start":
          message.setAll((ObjectNode) e.path("message").deepCopy());
          break;
        case "content_block_start":
          blocks.put(e.path("index").asInt(), (ObjectNode) e.path("content_block").deepCopy());
          break;
        case "content_block_delta":
          applyDelta(blocks.get(e.path("index").asInt()), e.path("delta"),
              partialJson.computeIfAbsent(e.path("index").asInt(), i -> new StringBuilder()));
          break;
        case "message_delta":
          message.setAll((ObjectNode) e.path("delta").deepCopy());
          if (e.has("usage") && message.has("usage")) {
            ((ObjectNode) message.get("usage")).setAll((ObjectNode) e.get("usage").deepCopy());
          }
          break;
        default:
          break;
      }
    }
    ArrayNode content = message.putArray("content");
    blocks.forEach((index, block) -> {
      StringBuilder json = partialJson.get(index);
      if (json != null && json.length() > 0 && "tool_use".equals(block.path("type").asText())) {
        block.put("partial_json", json.toString()); // the input as far as it arrived
      }
      content.add(block);
    });
    return new PartialMessage(message, usage(message.path("usage")));
  }

  private static void applyDelta(@Nullable ObjectNode block, JsonNode delta, StringBuilder json) {
    if (block == null) {
      return;
    }
    switch (delta.path("type").asText()) {
      case "text_delta":
        block.put("text", block.path("text").asText("") + delta.path("text").asText());
        break;
      case "thinking_delta":
        block.put("thinking", block.path("thinking").asText("") + delta.path("thinking").asText());
        break;
      case "signature_delta":
        block.put("signature", delta.path("signature").asText());
        break;
      case "input_json_delta":
        json.append(delta.path("partial_json").asText());
        break;
      default:
        break;
    }
  }

  @Nullable
  private static Map<String, Object> usage(JsonNode usage) {
    if (!usage.isObject()) {
      return null;
    }
    long input = usage.path("input_tokens").asLong();
    long output = usage.path("output_tokens").asLong();
    return dev.tracelight.tracing.TokenUsage.create(input, output,
        usage.path("cache_creation_input_tokens").asLong(),
        usage.path("cache_read_input_tokens").asLong()).toMap();
  }

  ObjectNode message() {
    return message;
  }

  @Nullable
  Map<String, Object> usage() {
    return usage;
  }
}

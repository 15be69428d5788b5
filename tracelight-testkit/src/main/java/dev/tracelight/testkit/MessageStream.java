package dev.tracelight.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a message, already rendered as {@code Message} JSON by {@link MessageJson}, as the
 * Messages API's event stream, so the SDK's {@code MessageAccumulator} rebuilds exactly that JSON:
 *
 * <ol>
 *   <li>{@code message_start}: the message with empty content, no stop reason, and the full
 *       usage except {@code output_tokens} (at most 1) and {@code thinking_tokens} (0);
 *   <li>per block {@code content_block_start}, {@code content_block_delta}s and
 *       {@code content_block_stop}: text in {@value #CHUNK} code-point {@code text_delta}s (then
 *       one {@code citations_delta} per citation), thinking in {@code thinking_delta}s then one
 *       {@code signature_delta}, tool input as {@code input_json_delta} chunks of its JSON; any
 *       other block (redacted_thinking, server tool results, ...) whole in its start event;
 *   <li>{@code message_delta} with the stop reason, stop sequence and the final usage counts;
 *   <li>{@code message_stop}.
 * </ol>
 *
 * <p>A {@code ping} follows {@code message_start}, and another sits in the middle of the stream.
 */
final class MessageStream {

  /** Code points per text, thinking or partial-JSON delta: a couple of tokens, as the API sends. */
  static final int CHUNK = 8;

  private MessageStream() {}

  /**
   * @param message a rendered {@code Message} (or {@code BetaMessage}) JSON
   * @param beta whether to add the fields only the SDK's beta stream events declare
   */
  static List<SseEvent> events(ObjectNode message, boolean beta) {
    List<SseEvent> events = new ArrayList<>();
    events.add(messageStart(message, beta));
    JsonNode content = message.get("content");
    for (int index = 0; index < content.size(); index++) {
      addBlock(events, index, (ObjectNode) content.get(index), beta);
    }
    events.add(messageDelta(message, beta));
    events.add(SseEvent.of(Json.object().put("type", "message_stop")));
    events.add(1, SseEvent.ping());
    events.add(2 + (events.size() - 2) / 2, SseEvent.ping());
    return List.copyOf(events);
  }

  private static SseEvent messageStart(ObjectNode message, boolean beta) {
    ObjectNode start = message.deepCopy();
    start.set("content", Json.MAPPER.createArrayNode());
    start.putNull("stop_reason");
    start.putNull("stop_sequence");
    start.putNull("stop_details");
    if (beta) {
      start.putNull("context_management");
    }
    ObjectNode usage = (ObjectNode) start.get("usage");
    usage.put("output_tokens", Math.min(1, usage.path("output_tokens").asLong()));
    usage.set("output_tokens_details", Json.object().put("thinking_tokens", 0));
    ObjectNode event = Json.object().put("type", "message_start");
    return SseEvent.of(event.set("message", start));
  }

  private static SseEvent messageDelta(ObjectNode message, boolean beta) {
    ObjectNode delta = Json.object();
    for (String field : List.of("stop_reason", "stop_sequence", "stop_details", "container")) {
      delta.set(field, message.get(field));
    }
    JsonNode finalUsage = message.get("usage");
    ObjectNode usage = Json.object();
    List<String> usageFields =
        List.of(
            "input_tokens",
            "cache_creation_input_tokens",
            "cache_read_input_tokens",
            "output_tokens",
            "output_tokens_details",
            "server_tool_use");
    usageFields.forEach(field -> usage.set(field, finalUsage.get(field)));
    ObjectNode event = Json.object().put("type", "message_delta");
    event.set("delta", delta);
    if (beta) {
      usage.set("fallback_credit", finalUsage.get("fallback_credit"));
      usage.set("iterations", finalUsage.get("iterations"));
      event.set("context_management", message.get("context_management"));
      // Only a mid-stream model fallback changes the input transformations of message_start.
      event.putNull("input_transformations");
    }
    event.set("usage", usage);
    return SseEvent.of(event);
  }

  private static void addBlock(List<SseEvent> events, int index, ObjectNode block, boolean beta) {
    ObjectNode start = block.deepCopy();
    List<ObjectNode> deltas = new ArrayList<>();
    String type = block.path("type").asText();
    if (type.equals("text")) {
      start.put("text", "");
      chunks(block.path("text").asText()).forEach(c -> deltas.add(delta("text_delta", "text", c)));
      JsonNode citations = block.get("citations");
      if (citations != null && citations.isArray()) {
        start.set("citations", Json.MAPPER.createArrayNode());
        citations.forEach(c -> deltas.add(citationDelta(c)));
      }
    } else if (type.equals("thinking")) {
      start.put("thinking", "").put("signature", "");
      for (String chunk : chunks(block.path("thinking").asText())) {
        ObjectNode delta = delta("thinking_delta", "thinking", chunk);
        deltas.add(beta ? delta.putNull("estimated_tokens") : delta);
      }
      deltas.add(delta("signature_delta", "signature", block.path("signature").asText()));
    } else if (streamsInput(type, beta)) {
      start.set("input", Json.object());
      chunks(Json.text(block.get("input")))
          .forEach(c -> deltas.add(delta("input_json_delta", "partial_json", c)));
    }
    ObjectNode startEvent = Json.object().put("type", "content_block_start").put("index", index);
    events.add(SseEvent.of(startEvent.set("content_block", start)));
    for (ObjectNode delta : deltas) {
      ObjectNode deltaEvent = Json.object().put("type", "content_block_delta").put("index", index);
      events.add(SseEvent.of(deltaEvent.set("delta", delta)));
    }
    events.add(
        SseEvent.of(Json.object().put("type", "content_block_stop").put("index", index)));
  }

  /** The block types whose input the SDK's accumulators rebuild from input_json_delta events. */
  private static boolean streamsInput(String type, boolean beta) {
    return type.equals("tool_use")
        || type.equals("server_tool_use")
        || (beta && type.equals("mcp_tool_use"));
  }

  private static ObjectNode delta(String type, String field, String value) {
    return Json.object().put("type", type).put(field, value);
  }

  private static ObjectNode citationDelta(JsonNode citation) {
    ObjectNode delta = Json.object().put("type", "citations_delta");
    delta.set("citation", citation.deepCopy());
    return delta;
  }

  /** {@code text} in pieces of at most {@link #CHUNK} code points; none for empty text. */
  static List<String> chunks(String text) {
    List<String> chunks = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = start;
      for (int i = 0; i < CHUNK && end < text.length(); i++) {
        end = text.offsetByCodePoints(end, 1);
      }
      chunks.add(text.substring(start, end));
      start = end;
    }
    return chunks;
  }
}

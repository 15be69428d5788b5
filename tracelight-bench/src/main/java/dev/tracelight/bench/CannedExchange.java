package dev.tracelight.bench;

import com.anthropic.core.JsonValue;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.Metadata;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The one Messages API exchange every benchmark makes, ~10 KB: a ~5 KB multi-turn request and a
 * ~5 KB text reply, with cache tokens in the usage, as a chat application with a cached system
 * prompt sends and receives. The reply is rendered twice from the same values: as a
 * {@code Message} (JSON) and as the SSE stream the API sends for {@code "stream": true}.
 *
 * <p>Every field the SDK 3.14.0 {@code Message}, {@code Usage}, {@code TextBlock} and stream events
 * declare is written (absent ones as JSON {@code null}, as the real API does), so the SDK parses
 * exactly as much as it does against the real API.
 */
final class CannedExchange {
  static final String MODEL = "claude-sonnet-4-5-20250929";
  static final String MESSAGE_ID = "msg_01BenchTracelight000000000";
  static final String REQUEST_ID = "req_01BenchTracelight000000000";

  /** Characters of text in the reply; the Message JSON around it adds ~0.6 KB. */
  static final int REPLY_CHARS = 4_400;
  /** How many {@code content_block_delta} events carry the reply when streamed. */
  static final int STREAM_DELTAS = 10;

  static final long INPUT_TOKENS = 1_183;
  static final long CACHE_CREATION_INPUT_TOKENS = 312;
  static final long CACHE_READ_INPUT_TOKENS = 2_048;
  static final long OUTPUT_TOKENS = 1_094;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Sentences the canned texts are cut from: ordinary prose, so JSON escaping is ordinary too. */
  private static final String[] SENTENCES = {
    "The export pipeline batches finished traces and sends them on a background thread.",
    "A span records its inputs, outputs, attributes and the time it started and ended.",
    "When the tracking server is unreachable, the exporter retries with exponential backoff.",
    "Token usage is summed over every chat model span of a trace, including cached tokens.",
    "Could you check whether the \"retry-after\" header is honoured when the server is busy?",
    "Each request carries the conversation so far, so the prompt grows with every turn.",
    "The cache read tokens are billed at a fraction of the price of ordinary input tokens.",
    "Streaming responses arrive as server-sent events: message_start, deltas, message_stop.",
    "We keep the most recent thousand traces in memory so that reading one back is cheap.",
    "Latency matters most at the tail: the 99th percentile is what a user notices first.",
  };

  private CannedExchange() {}

  /** The request: a cached system prompt and five turns, ~5 KB on the wire. */
  static MessageCreateParams params() {
    return MessageCreateParams.builder()
        .model(MODEL)
        .maxTokens(2_048)
        .system(text(500, 3))
        .addUserMessage(text(1_000, 0))
        .addAssistantMessage(text(900, 1))
        .addUserMessage(text(900, 2))
        .addAssistantMessage(text(700, 4))
        .addUserMessage(text(500, 5))
        .metadata(Metadata.builder().userId("user-7d5f3a1c").build())
        // SDK 3.x has no typed setter for temperature: it travels as an extra body property.
        .putAdditionalBodyProperty("temperature", JsonValue.from(0.3))
        .build();
  }

  /** The reply's text. */
  static String replyText() {
    return text(REPLY_CHARS, 7);
  }

  /** {@code POST /v1/messages} answered as JSON: the complete {@code Message}. */
  static byte[] messageJson() {
    ObjectNode message = message(List.of(textBlock(replyText())), "end_turn", usage(OUTPUT_TOKENS));
    return bytes(message);
  }

  /**
   * {@code POST /v1/messages} with {@code "stream": true}: the same message as the API streams it,
   * {@code message_start}, {@code ping}, one text block in {@value #STREAM_DELTAS} deltas,
   * {@code message_delta} with the final usage, {@code message_stop}.
   */
  static byte[] messageSse() {
    StringBuilder sse = new StringBuilder(8_192);
    ObjectNode start = MAPPER.createObjectNode().put("type", "message_start");
    start.set("message", message(List.of(), null, usage(1)));
    event(sse, "message_start", start);
    event(sse, "ping", MAPPER.createObjectNode().put("type", "ping"));
    ObjectNode blockStart =
        MAPPER.createObjectNode().put("type", "content_block_start").put("index", 0);
    blockStart.set("content_block", textBlock(""));
    event(sse, "content_block_start", blockStart);
    for (String chunk : chunks(replyText(), STREAM_DELTAS)) {
      ObjectNode delta =
          MAPPER.createObjectNode().put("type", "content_block_delta").put("index", 0);
      delta.set("delta", MAPPER.createObjectNode().put("type", "text_delta").put("text", chunk));
      event(sse, "content_block_delta", delta);
    }
    event(
        sse,
        "content_block_stop",
        MAPPER.createObjectNode().put("type", "content_block_stop").put("index", 0));
    ObjectNode messageDelta = MAPPER.createObjectNode().put("type", "message_delta");
    ObjectNode delta = MAPPER.createObjectNode().put("stop_reason", "end_turn");
    delta.putNull("stop_sequence");
    delta.putNull("stop_details");
    delta.putNull("container");
    messageDelta.set("delta", delta);
    messageDelta.set("usage", deltaUsage());
    event(sse, "message_delta", messageDelta);
    event(sse, "message_stop", MAPPER.createObjectNode().put("type", "message_stop"));
    return sse.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static ObjectNode message(List<ObjectNode> content, String stopReason, ObjectNode usage) {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("model", MODEL);
    json.put("id", MESSAGE_ID);
    json.put("type", "message");
    json.put("role", "assistant");
    json.putArray("content").addAll(content);
    json.put("stop_reason", stopReason);
    json.putNull("stop_sequence");
    json.putNull("stop_details");
    json.putNull("container");
    json.putNull("diagnostics");
    json.set("usage", usage);
    return json;
  }

  private static ObjectNode textBlock(String text) {
    ObjectNode block = MAPPER.createObjectNode().put("type", "text").put("text", text);
    block.putNull("citations");
    return block;
  }

  /** A complete {@code Usage}: every field the SDK declares. */
  private static ObjectNode usage(long outputTokens) {
    ObjectNode usage = MAPPER.createObjectNode();
    usage.put("input_tokens", INPUT_TOKENS);
    usage.put("cache_creation_input_tokens", CACHE_CREATION_INPUT_TOKENS);
    usage.put("cache_read_input_tokens", CACHE_READ_INPUT_TOKENS);
    usage.set(
        "cache_creation",
        MAPPER.createObjectNode()
            .put("ephemeral_5m_input_tokens", CACHE_CREATION_INPUT_TOKENS)
            .put("ephemeral_1h_input_tokens", 0));
    usage.put("output_tokens", outputTokens);
    usage.set("output_tokens_details", MAPPER.createObjectNode().put("thinking_tokens", 0));
    usage.set(
        "server_tool_use",
        MAPPER.createObjectNode().put("web_search_requests", 0).put("web_fetch_requests", 0));
    usage.put("service_tier", "standard");
    usage.put("speed", "standard");
    usage.put("inference_geo", "global");
    return usage;
  }

  /** The {@code message_delta} usage: the cumulative counts, every field the SDK declares. */
  private static ObjectNode deltaUsage() {
    ObjectNode usage = MAPPER.createObjectNode();
    usage.put("input_tokens", INPUT_TOKENS);
    usage.put("cache_creation_input_tokens", CACHE_CREATION_INPUT_TOKENS);
    usage.put("cache_read_input_tokens", CACHE_READ_INPUT_TOKENS);
    usage.put("output_tokens", OUTPUT_TOKENS);
    usage.set("output_tokens_details", MAPPER.createObjectNode().put("thinking_tokens", 0));
    usage.set(
        "server_tool_use",
        MAPPER.createObjectNode().put("web_search_requests", 0).put("web_fetch_requests", 0));
    return usage;
  }

  private static void event(StringBuilder sse, String name, ObjectNode data) {
    sse.append("event: ").append(name).append('\n');
    sse.append("data: ").append(new String(bytes(data), StandardCharsets.UTF_8)).append("\n\n");
  }

  /** {@code text} cut into {@code count} pieces of (nearly) equal length. */
  static List<String> chunks(String text, int count) {
    List<String> chunks = new ArrayList<>(count);
    int size = (text.length() + count - 1) / count;
    for (int i = 0; i < text.length(); i += size) {
      chunks.add(text.substring(i, Math.min(text.length(), i + size)));
    }
    return chunks;
  }

  /** About {@code chars} characters of prose, starting at sentence {@code first}. */
  static String text(int chars, int first) {
    StringBuilder text = new StringBuilder(chars + 100);
    for (int i = first; text.length() < chars; i++) {
      if (text.length() > 0) {
        text.append(i % 4 == 0 ? "\n\n" : " ");
      }
      text.append(SENTENCES[i % SENTENCES.length]);
    }
    return text.toString();
  }

  private static byte[] bytes(ObjectNode json) {
    try {
      return MAPPER.writeValueAsBytes(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

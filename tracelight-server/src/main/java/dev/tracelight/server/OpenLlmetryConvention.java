package dev.tracelight.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Traceloop's OpenLLMetry conventions, the {@code gen_ai.*} dialect that predates the GenAI
 * semantic conventions' message attributes:
 *
 * <ul>
 *   <li>{@code llm.request.type}: chat to CHAT_MODEL, completion to LLM, embedding to EMBEDDING,
 *       rerank to RERANKER; else {@code traceloop.span.kind}: workflow and task to CHAIN, agent to
 *       AGENT, tool to TOOL;
 *   <li>inputs from the indexed {@code gen_ai.prompt.<i>.role}, {@code .content}, {@code
 *       .tool_call_id} and {@code .tool_calls.<j>.id|name|arguments}, outputs likewise from {@code
 *       gen_ai.completion.<i>.*}, each as a list of chat messages (which the MLflow UI renders
 *       whatever the message format); else {@code traceloop.entity.input} and {@code .output};
 *   <li>usage from {@code gen_ai.usage.prompt_tokens}, {@code completion_tokens}, {@code
 *       llm.usage.total_tokens}, {@code gen_ai.usage.cache_read_input_tokens} and {@code
 *       cache_creation_input_tokens};
 *   <li>model from {@code gen_ai.response.model} or {@code gen_ai.request.model}, provider from
 *       {@code gen_ai.system}, tools from {@code
 *       llm.request.functions.<i>.name|description|parameters}.
 * </ul>
 */
final class OpenLlmetryConvention implements SpanConvention {
  private static final Map<String, String> REQUEST_TYPES = Map.of(
      "chat", "CHAT_MODEL", "completion", "LLM", "embedding", "EMBEDDING", "rerank", "RERANKER");
  private static final Map<String, String> SPAN_KINDS = Map.of(
      "workflow", "CHAIN", "task", "CHAIN", "agent", "AGENT", "tool", "TOOL",
      "unknown", "UNKNOWN");
  private static final Pattern PROMPT = Pattern.compile("gen_ai\\.prompt\\.(\\d+)\\.(.+)");
  private static final Pattern COMPLETION =
      Pattern.compile("gen_ai\\.completion\\.(\\d+)\\.(.+)");
  private static final Pattern FUNCTION =
      Pattern.compile("llm\\.request\\.functions\\.(\\d+)\\.(.+)");
  private static final Pattern TOOL_CALL = Pattern.compile("tool_calls\\.(\\d+)\\.(.+)");

  @Override
  public Map<String, String> derive(SpanAttributes a) {
    DerivedAttributes d = new DerivedAttributes();
    String requestType = a.lowerText("llm.request.type");
    String kind = a.lowerText("traceloop.span.kind");
    d.text(DerivedAttributes.SPAN_TYPE, requestType != null ? REQUEST_TYPES.get(requestType)
        : kind != null ? SPAN_KINDS.get(kind) : null);
    JsonNode inputs = messages(a, PROMPT);
    JsonNode outputs = messages(a, COMPLETION);
    d.json(DerivedAttributes.INPUTS,
        inputs != null ? inputs : a.structured("traceloop.entity.input"));
    d.json(DerivedAttributes.OUTPUTS,
        outputs != null ? outputs : a.structured("traceloop.entity.output"));

    String provider = a.firstText("gen_ai.system");
    d.json(DerivedAttributes.TOKEN_USAGE, TokenUsageJson.of(
        a.firstCount("gen_ai.usage.prompt_tokens", "gen_ai.usage.input_tokens"),
        a.firstCount("gen_ai.usage.completion_tokens", "gen_ai.usage.output_tokens"),
        a.count("llm.usage.total_tokens"),
        a.count("gen_ai.usage.cache_read_input_tokens"),
        a.count("gen_ai.usage.cache_creation_input_tokens"),
        provider));
    d.text(DerivedAttributes.MODEL, a.firstText("gen_ai.response.model", "gen_ai.request.model"));
    d.text(DerivedAttributes.PROVIDER, provider);
    d.text(DerivedAttributes.MESSAGE_FORMAT, MessageFormats.forProvider(provider));
    d.json(DerivedAttributes.CHAT_TOOLS, ChatTools.fromDefinitions(functions(a)));
    return d.asMap();
  }

  /** Indexed messages as {@code [{"role", "content", "tool_calls"?, "tool_call_id"?}]}, or null. */
  private static ArrayNode messages(SpanAttributes a, Pattern pattern) {
    SortedMap<Integer, Map<String, String>> indexed = a.indexed(pattern);
    if (indexed.isEmpty()) {
      return null;
    }
    ArrayNode messages = MlflowJson.MAPPER.createArrayNode();
    for (Map<String, String> keys : indexed.values()) {
      ObjectNode m = messages.addObject();
      m.put("role", keys.containsKey("role") ? a.text(keys.get("role")) : "user");
      if (keys.containsKey("content")) {
        // Content blocks arrive as JSON text; plain text stays text.
        JsonNode content = a.structured(keys.get("content"));
        if (content != null && content.isContainerNode()) {
          m.set("content", content);
        } else {
          m.put("content", a.text(keys.get("content")));
        }
      }
      if (keys.containsKey("tool_call_id")) {
        m.put("tool_call_id", a.text(keys.get("tool_call_id")));
      }
      ArrayNode toolCalls = toolCalls(a, keys);
      if (toolCalls != null) {
        m.set("tool_calls", toolCalls);
      }
    }
    return messages;
  }

  private static ArrayNode toolCalls(SpanAttributes a, Map<String, String> keys) {
    SortedMap<Integer, Map<String, String>> calls = new TreeMap<>();
    keys.forEach((rest, key) -> {
      Matcher m = TOOL_CALL.matcher(rest);
      if (m.matches()) {
        calls.computeIfAbsent(Integer.parseInt(m.group(1)), i -> new TreeMap<>())
            .put(m.group(2), key);
      }
    });
    if (calls.isEmpty()) {
      return null;
    }
    ArrayNode result = MlflowJson.MAPPER.createArrayNode();
    for (Map<String, String> call : calls.values()) {
      ObjectNode c = result.addObject();
      if (call.containsKey("id")) {
        c.put("id", a.text(call.get("id")));
      }
      c.put("type", "function");
      ObjectNode f = c.putObject("function");
      f.put("name", call.containsKey("name") ? a.text(call.get("name")) : "");
      f.put("arguments", call.containsKey("arguments") ? a.text(call.get("arguments")) : "{}");
    }
    return result;
  }

  private static List<JsonNode> functions(SpanAttributes a) {
    List<JsonNode> tools = new ArrayList<>();
    for (Map<String, String> keys : a.indexed(FUNCTION).values()) {
      if (!keys.containsKey("name")) {
        continue;
      }
      ObjectNode f = MlflowJson.MAPPER.createObjectNode().put("name", a.text(keys.get("name")));
      if (keys.containsKey("description")) {
        f.put("description", a.text(keys.get("description")));
      }
      JsonNode parameters = keys.containsKey("parameters")
          ? a.structured(keys.get("parameters")) : null;
      if (parameters != null && parameters.isObject()) {
        f.set("parameters", parameters);
      }
      tools.add(f);
    }
    return tools;
  }
}

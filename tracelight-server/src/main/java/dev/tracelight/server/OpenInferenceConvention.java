package dev.tracelight.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Arize's OpenInference conventions, as its instrumentations for Anthropic, OpenAI, LangChain,
 * LlamaIndex and others emit them:
 *
 * <ul>
 *   <li>{@code openinference.span.kind}: LLM, CHAIN, TOOL, AGENT, RETRIEVER, EMBEDDING and
 *       RERANKER to the MLflow type of the same name; GUARDRAIL, EVALUATOR, PROMPT and UNKNOWN to
 *       UNKNOWN;
 *   <li>inputs and outputs from {@code input.value} and {@code output.value}: parsed JSON when
 *       {@code input.mime_type} (or {@code output.mime_type}) is {@code application/json}, else
 *       the string. For an LLM span these are the provider's own request and response, e.g. an
 *       Anthropic {@code messages.create} call and its Message;
 *   <li>usage from {@code llm.token_count.prompt}, {@code completion}, {@code total}, {@code
 *       prompt_details.cache_read} and {@code prompt_details.cache_write}; OpenInference's prompt
 *       count includes the cache details, split for Anthropic as {@link TokenUsageJson} explains;
 *   <li>model from {@code llm.response.model_name}, {@code llm.model_name}, {@code
 *       llm.request.model_name} or {@code embedding.model_name}; provider from {@code
 *       llm.provider}, else {@code llm.system}; tools from {@code llm.tools} or the flattened
 *       {@code llm.tools.<i>.tool.json_schema}.
 * </ul>
 */
final class OpenInferenceConvention implements SpanConvention {
  private static final Map<String, String> SPAN_TYPES = Map.ofEntries(
      Map.entry("LLM", "LLM"),
      Map.entry("CHAIN", "CHAIN"),
      Map.entry("TOOL", "TOOL"),
      Map.entry("AGENT", "AGENT"),
      Map.entry("RETRIEVER", "RETRIEVER"),
      Map.entry("EMBEDDING", "EMBEDDING"),
      Map.entry("RERANKER", "RERANKER"),
      Map.entry("GUARDRAIL", "UNKNOWN"),
      Map.entry("EVALUATOR", "UNKNOWN"),
      Map.entry("PROMPT", "UNKNOWN"),
      Map.entry("UNKNOWN", "UNKNOWN"));
  private static final Pattern TOOL_SCHEMA =
      Pattern.compile("llm\\.tools\\.(\\d+)\\.(tool\\.json_schema)");

  @Override
  public Map<String, String> derive(SpanAttributes a) {
    DerivedAttributes d = new DerivedAttributes();
    String kind = a.firstText("openinference.span.kind");
    if (kind != null) {
      d.text(DerivedAttributes.SPAN_TYPE, SPAN_TYPES.get(kind.toUpperCase(Locale.ROOT)));
    }
    d.json(DerivedAttributes.INPUTS, value(a, "input.value", "input.mime_type"));
    d.json(DerivedAttributes.OUTPUTS, value(a, "output.value", "output.mime_type"));

    String provider = a.firstText("llm.provider", "llm.system");
    d.json(DerivedAttributes.TOKEN_USAGE, TokenUsageJson.of(
        a.count("llm.token_count.prompt"),
        a.count("llm.token_count.completion"),
        a.count("llm.token_count.total"),
        a.count("llm.token_count.prompt_details.cache_read"),
        a.count("llm.token_count.prompt_details.cache_write"),
        provider));
    d.text(DerivedAttributes.MODEL, a.firstText("llm.response.model_name", "llm.model_name",
        "llm.request.model_name", "embedding.model_name"));
    d.text(DerivedAttributes.PROVIDER, provider);
    d.text(DerivedAttributes.MESSAGE_FORMAT, MessageFormats.forProvider(provider));
    d.json(DerivedAttributes.CHAT_TOOLS, ChatTools.fromDefinitions(tools(a)));
    return d.asMap();
  }

  /** An input or output value: JSON when its mime type says so and it parses, else the string. */
  private static JsonNode value(SpanAttributes a, String valueKey, String mimeKey) {
    JsonNode raw = a.value(valueKey);
    if (raw == null || raw.isNull()) {
      return null;
    }
    if (!raw.isTextual()) {
      return raw; // a structured attribute value: already JSON
    }
    String mime = a.lowerText(mimeKey);
    if (mime != null && mime.startsWith("application/json")) {
      JsonNode parsed = a.structured(valueKey);
      if (parsed != null && !parsed.isTextual()) {
        return parsed;
      }
    }
    return JsonNodeFactory.instance.textNode(raw.asText());
  }

  private static List<JsonNode> tools(SpanAttributes a) {
    List<JsonNode> tools = new ArrayList<>();
    JsonNode list = a.structured("llm.tools");
    if (list != null && list.isArray()) {
      // Unflattened, each entry is {"tool": {"json_schema": "<JSON text>"}}.
      list.forEach(item -> tools.add(item.path("tool").has("json_schema")
          ? item.path("tool").get("json_schema") : item));
    }
    a.indexed(TOOL_SCHEMA).values().forEach(keys -> tools.add(
        a.structured(keys.get("tool.json_schema"))));
    return tools;
  }
}

package dev.tracelight.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The OpenTelemetry GenAI semantic conventions ({@code gen_ai.*}), as the Anthropic SDKs' own
 * spans, Spring AI, Strands and others emit them:
 *
 * <ul>
 *   <li>{@code gen_ai.operation.name}: chat to CHAT_MODEL; text_completion, generate_content and
 *       response to LLM; embeddings to EMBEDDING; execute_tool to TOOL; invoke_agent and
 *       create_agent to AGENT (MLflow's own GenAI translator);
 *   <li>inputs: {@code gen_ai.system_instructions} as a leading system message, then {@code
 *       gen_ai.input.messages} (the "parts" message format, which the MLflow UI renders as chat);
 *       for tools {@code gen_ai.tool.call.arguments}. Outputs: {@code gen_ai.output.messages},
 *       for tools {@code gen_ai.tool.call.result};
 *   <li>usage: {@code gen_ai.usage.input_tokens}, {@code output_tokens}, {@code
 *       cache_read.input_tokens}, and cache writes as {@code cache_creation.input_tokens} (semconv)
 *       or {@code cache_write.input_tokens} (the Anthropic Java SDK), also the older underscore
 *       names; Anthropic's input sum is split as {@link TokenUsageJson} explains;
 *   <li>model from {@code gen_ai.response.model}, else {@code gen_ai.request.model}; provider
 *       from {@code gen_ai.provider.name}, else the older {@code gen_ai.system}; tools from
 *       {@code gen_ai.tool.definitions}.
 * </ul>
 */
final class GenAiSemconvConvention implements SpanConvention {
  private static final Map<String, String> SPAN_TYPES = Map.of(
      "chat", "CHAT_MODEL",
      "text_completion", "LLM",
      "generate_content", "LLM",
      "response", "LLM",
      "embeddings", "EMBEDDING",
      "execute_tool", "TOOL",
      "invoke_agent", "AGENT",
      "create_agent", "AGENT");

  @Override
  public Map<String, String> derive(SpanAttributes a) {
    DerivedAttributes d = new DerivedAttributes();
    String operation = a.lowerText("gen_ai.operation.name");
    if (operation != null) {
      d.text(DerivedAttributes.SPAN_TYPE, SPAN_TYPES.get(operation));
    }
    JsonNode inputs = inputMessages(a);
    JsonNode outputs = a.structured("gen_ai.output.messages");
    d.json(DerivedAttributes.INPUTS,
        inputs != null ? inputs : a.structured("gen_ai.tool.call.arguments"));
    d.json(DerivedAttributes.OUTPUTS,
        outputs != null ? outputs : a.structured("gen_ai.tool.call.result"));

    String provider = a.firstText("gen_ai.provider.name", "gen_ai.system");
    d.json(DerivedAttributes.TOKEN_USAGE, TokenUsageJson.of(
        a.count("gen_ai.usage.input_tokens"),
        a.count("gen_ai.usage.output_tokens"),
        a.count("gen_ai.usage.total_tokens"),
        a.firstCount("gen_ai.usage.cache_read.input_tokens",
            "gen_ai.usage.cache_read_input_tokens"),
        a.firstCount("gen_ai.usage.cache_creation.input_tokens",
            "gen_ai.usage.cache_write.input_tokens",
            "gen_ai.usage.cache_creation_input_tokens",
            "gen_ai.usage.cache_write_input_tokens"),
        provider));
    d.text(DerivedAttributes.MODEL, a.firstText("gen_ai.response.model", "gen_ai.request.model"));
    d.text(DerivedAttributes.PROVIDER, provider);
    d.text(DerivedAttributes.MESSAGE_FORMAT, MessageFormats.forProvider(provider));
    JsonNode tools = a.structured("gen_ai.tool.definitions");
    if (tools != null) {
      d.json(DerivedAttributes.CHAT_TOOLS, ChatTools.fromDefinitions(List.of(tools)));
    }
    return d.asMap();
  }

  /**
   * The system instructions as a leading {@code {"role": "system", "parts": [...]}} message, then
   * the input messages; null when neither is present.
   */
  private static JsonNode inputMessages(SpanAttributes a) {
    JsonNode messages = a.structured("gen_ai.input.messages");
    JsonNode system = a.structured("gen_ai.system_instructions");
    if (system == null) {
      return messages;
    }
    ArrayNode result = MlflowJson.MAPPER.createArrayNode();
    ObjectNode systemMessage = result.addObject().put("role", "system");
    if (system.isArray()) {
      systemMessage.set("parts", system);
    } else {
      systemMessage.putArray("parts").addObject().put("type", "text")
          .put("content", system.isTextual() ? system.asText() : system.toString());
    }
    if (messages != null && messages.isArray()) {
      result.addAll((ArrayNode) messages);
    } else if (messages != null) {
      result.add(messages);
    }
    return result;
  }
}

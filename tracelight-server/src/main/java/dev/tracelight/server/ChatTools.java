package dev.tracelight.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Tool definitions as MLflow's {@code mlflow.chat.tools} wants them, OpenAI's shape {@code
 * {"type": "function", "function": {"name", "description", "parameters"}}}, from the shapes
 * instrumentations record: already OpenAI's, GenAI semconv's flat {@code {"type": "function",
 * "name", "description", "parameters"}}, or Anthropic's {@code {"name", "description",
 * "input_schema"}}; any of them possibly as JSON text.
 */
final class ChatTools {
  private ChatTools() {}

  /** The tools in OpenAI's shape, or null when none can be read. */
  static ArrayNode fromDefinitions(List<JsonNode> definitions) {
    ArrayNode tools = MlflowJson.MAPPER.createArrayNode();
    for (JsonNode definition : definitions) {
      JsonNode d = definition != null && definition.isTextual() ? parse(definition.asText())
          : definition;
      if (d != null && d.isArray()) {
        d.forEach(item -> add(tools, item));
      } else {
        add(tools, d);
      }
    }
    return tools.isEmpty() ? null : tools;
  }

  private static void add(ArrayNode tools, JsonNode d) {
    if (d == null || !d.isObject()) {
      return;
    }
    JsonNode function = d.get("function");
    if (function != null && function.isObject() && function.hasNonNull("name")) {
      tools.addObject().put("type", "function").set("function", function);
      return;
    }
    if (!d.hasNonNull("name")) {
      return;
    }
    ObjectNode f = tools.addObject().put("type", "function").putObject("function");
    f.put("name", d.get("name").asText());
    if (d.hasNonNull("description")) {
      f.put("description", d.get("description").asText());
    }
    for (String schemaKey : new String[] {"parameters", "input_schema", "inputSchema"}) {
      if (d.get(schemaKey) != null && d.get(schemaKey).isObject()) {
        f.set("parameters", d.get(schemaKey));
        break;
      }
    }
  }

  private static JsonNode parse(String text) {
    try {
      return MlflowJson.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}

package dev.tracelight.anthropic;

import com.anthropic.core.JsonField;
import com.anthropic.core.JsonValue;
import com.anthropic.models.messages.MessageCountTokensParams;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.StructuredMessageCreateParams;
import com.anthropic.models.messages.batches.BatchCreateParams;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tracelight.tracing.LiveSpan;
import dev.tracelight.tracing.SpanAttributeKey;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records a request's parameters on its span: the body exactly as sent (large base64 media
 * replaced, see {@link MediaRedactor}), model, max_tokens, sampling parameters, the tools offered
 * ({@code mlflow.chat.tools}) and betas. GA and beta params are read alike.
 */
final class ChatRequests {
  private static final List<String> SAMPLING_PARAMETERS = List.of("temperature", "top_p", "top_k");

  private ChatRequests() {}

  static void record(LiveSpan span, Object params, JsonMapper mapper) {
    if (params instanceof StructuredMessageCreateParams) {
      params = ((StructuredMessageCreateParams<?>) params).rawParams();
    } else if (params instanceof com.anthropic.models.beta.messages.StructuredMessageCreateParams) {
      params = ((com.anthropic.models.beta.messages.StructuredMessageCreateParams<?>) params).rawParams();
    }
    if (params instanceof MessageCreateParams) {
      MessageCreateParams p = (MessageCreateParams) params;
      chat(span, mapper, p._body(), p.model().asString(), p.maxTokens(), p._additionalBodyProperties(), p._tools());
    } else if (params instanceof com.anthropic.models.beta.messages.MessageCreateParams) {
      com.anthropic.models.beta.messages.MessageCreateParams p =
          (com.anthropic.models.beta.messages.MessageCreateParams) params;
      p.betas().ifPresent(b -> span.setAttribute("anthropic.betas", asStrings(b)));
      chat(span, mapper, p._body(), p.model().asString(), p.maxTokens(), p._additionalBodyProperties(), p._tools());
    } else if (params instanceof MessageCountTokensParams) {
      MessageCountTokensParams p = (MessageCountTokensParams) params;
      chat(span, mapper, p._body(), p.model().asString(), null, Map.of(), p._tools());
    } else if (params instanceof com.anthropic.models.beta.messages.MessageCountTokensParams) {
      com.anthropic.models.beta.messages.MessageCountTokensParams p =
          (com.anthropic.models.beta.messages.MessageCountTokensParams) params;
      chat(span, mapper, p._body(), p.model().asString(), null, Map.of(), p._tools());
    } else if (params instanceof BatchCreateParams) {
      BatchCreateParams p = (BatchCreateParams) params;
      Object body = p._body();
      span.setInputsJson(() -> MediaRedactor.redact(Json.write(mapper, body)));
      span.setAttribute("anthropic.batch.request_count", p.requests().size());
    } else if (params instanceof com.anthropic.models.beta.messages.batches.BatchCreateParams) {
      com.anthropic.models.beta.messages.batches.BatchCreateParams p =
          (com.anthropic.models.beta.messages.batches.BatchCreateParams) params;
      Object body = p._body();
      span.setInputsJson(() -> MediaRedactor.redact(Json.write(mapper, body)));
      span.setAttribute("anthropic.batch.request_count", p.requests().size());
    } else if (params instanceof String) {
      span.setInputs(Map.of("message_batch_id", params)); // retrieve(String id) and the like
      span.setAttribute("anthropic.batch.id", params);
    } else if (params != null) {
      batchIdentity(span, params);
    }
  }

  private static void chat(
      LiveSpan span,
      JsonMapper mapper,
      Object body,
      String model,
      Long maxTokens,
      Map<String, JsonValue> extra,
      JsonField<?> tools) {
    // Serialized when the trace is assembled, off the call's path: SDK params are immutable.
    span.setInputsJson(() -> MediaRedactor.redact(Json.write(mapper, body)));
    span.setAttribute(SpanAttributeKey.MODEL, model);
    span.setAttribute("gen_ai.request.model", model);
    if (maxTokens != null) {
      span.setAttribute("gen_ai.request.max_tokens", maxTokens);
    }
    // SDK 3.x has no typed setters for these: they travel as additional body properties.
    for (String name : SAMPLING_PARAMETERS) {
      JsonValue value = extra.get(name);
      if (value != null) {
        span.setAttributeJson("gen_ai.request." + name, Json.write(mapper, value));
      }
    }
    if (!tools.isMissing() && !tools.isNull()) {
      List<Map<String, Object>> chatTools = chatTools(mapper.valueToTree(tools));
      if (!chatTools.isEmpty()) {
        span.setAttribute(SpanAttributeKey.CHAT_TOOLS, chatTools);
      }
    }
  }

  /** Anthropic tools in MLflow's (OpenAI-style) shape: {@code {"type":"function","function":{...}}}. */
  static List<Map<String, Object>> chatTools(JsonNode tools) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (tools == null || !tools.isArray()) {
      return out;
    }
    for (JsonNode tool : tools) {
      Map<String, Object> function = new LinkedHashMap<>();
      function.put("name", tool.path("name").asText(tool.path("type").asText("tool")));
      if (tool.hasNonNull("description")) {
        function.put("description", tool.path("description").asText());
      }
      if (tool.has("input_schema")) {
        function.put("parameters", tool.get("input_schema"));
      } else if (tool.has("type")) {
        function.put("parameters", Map.of("type", tool.path("type").asText())); // server tools
      }
      out.add(Map.of("type", "function", "function", function));
    }
    return out;
  }

  /** Batch calls by id (retrieve, cancel, delete, results) and list: the id or paging inputs. */
  private static void batchIdentity(LiveSpan span, Object params) {
    Map<String, Object> inputs = new LinkedHashMap<>();
    Object id = call(params, "messageBatchId");
    if (id instanceof Optional && ((Optional<?>) id).isPresent()) {
      inputs.put("message_batch_id", ((Optional<?>) id).get());
      span.setAttribute("anthropic.batch.id", ((Optional<?>) id).get());
    }
    for (String name : List.of("limit", "afterId", "beforeId")) {
      Object value = call(params, name);
      if (value instanceof Optional && ((Optional<?>) value).isPresent()) {
        inputs.put(name, ((Optional<?>) value).get());
      }
    }
    span.setInputs(inputs);
  }

  private static Object call(Object target, String method) {
    try {
      Method m = target.getClass().getMethod(method);
      return m.invoke(target);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static List<String> asStrings(List<com.anthropic.models.beta.AnthropicBeta> values) {
    List<String> out = new ArrayList<>(values.size());
    for (com.anthropic.models.beta.AnthropicBeta v : values) {
      out.add(v.asString());
    }
    return out;
  }
}

package dev.tracelight.anthropic;

import com.anthropic.core.JsonValue;
import com.anthropic.core.ObjectMappers;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.Usage;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tracelight.tracing.LiveSpan;
import dev.tracelight.tracing.SpanAttributeKey;
import dev.tracelight.tracing.SpanType;
import dev.tracelight.tracing.TokenUsage;
import dev.tracelight.tracing.Tracelight;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns the Anthropic SDK's typed requests and responses into span data. Both entry points,
 * {@code autolog()} and {@code wrap()}, record through this one class, so a call is traced the same
 * way whichever way it was intercepted. Every method swallows its own failures: tracing never
 * changes what the traced call returns or throws.
 */
final class AnthropicSpanRecorder {
  private static final Logger logger = Logger.getLogger(AnthropicSpanRecorder.class.getName());
  private static final List<String> SAMPLING_PARAMETERS = List.of("temperature", "top_p", "top_k");

  /** Set while a traced call runs on this thread, so a call is not traced twice (wrap + autolog). */
  private static final ThreadLocal<Boolean> RECORDING = ThreadLocal.withInitial(() -> false);

  private AnthropicSpanRecorder() {}

  /** True while this thread is inside a call that is already being traced. */
  static boolean isRecording() {
    return RECORDING.get();
  }

  static void setRecording(boolean recording) {
    RECORDING.set(recording);
  }

  /** Starts the span of a {@code messages().create} call; never throws. */
  static LiveSpan startCreate(String spanName, Object params) {
    LiveSpan span = Tracelight.startDetachedSpan(spanName, SpanType.CHAT_MODEL);
    try {
      span.setAttributeJson(SpanAttributeKey.MESSAGE_FORMAT, "\"anthropic\"");
      span.setAttribute(SpanAttributeKey.MODEL_PROVIDER, "anthropic");
      if (params instanceof MessageCreateParams) {
        recordRequest(span, (MessageCreateParams) params);
      }
    } catch (RuntimeException | LinkageError e) {
      logger.log(Level.FINE, "Could not record an Anthropic request", e);
    }
    return span;
  }

  private static void recordRequest(LiveSpan span, MessageCreateParams params) {
    JsonMapper mapper = ObjectMappers.jsonMapper();
    span.setInputsJson(json(mapper, params._body()));
    String model = params.model().asString();
    span.setAttribute(SpanAttributeKey.MODEL, model);
    span.setAttribute("gen_ai.request.model", model);
    span.setAttribute("gen_ai.request.max_tokens", params.maxTokens());
    // SDK 3.x has no typed setters for these: they travel as additional body properties.
    Map<String, JsonValue> extra = params._additionalBodyProperties();
    for (String name : SAMPLING_PARAMETERS) {
      JsonValue value = extra.get(name);
      if (value != null) {
        span.setAttributeJson("gen_ai.request." + name, json(mapper, value));
      }
    }
  }

  /** Records the call's result and ends the span; never throws. */
  static void finish(LiveSpan span, Object result) {
    try {
      if (result instanceof Message) {
        recordMessage(span, (Message) result);
      } else if (result != null) {
        span.setOutputsJson(json(ObjectMappers.jsonMapper(), result));
      }
    } catch (RuntimeException | LinkageError e) {
      logger.log(Level.FINE, "Could not record an Anthropic response", e);
    } finally {
      span.end();
    }
  }

  private static void recordMessage(LiveSpan span, Message message) {
    span.setOutputsJson(json(ObjectMappers.jsonMapper(), message));
    // Accessors of a leniently parsed Message throw on missing fields: each is guarded alone.
    try {
      span.setAttribute(SpanAttributeKey.CHAT_USAGE, tokenUsage(message.usage()).toMap());
    } catch (RuntimeException e) {
      logger.log(Level.FINE, "Anthropic response without usage", e);
    }
    try {
      span.setAttribute("gen_ai.response.id", message.id());
      span.setAttribute("gen_ai.response.model", message.model().asString());
      message
          .stopReason()
          .ifPresent(r -> span.setAttribute("gen_ai.response.finish_reasons", List.of(r.asString())));
    } catch (RuntimeException e) {
      logger.log(Level.FINE, "Anthropic response without id, model or stop reason", e);
    }
  }

  static TokenUsage tokenUsage(Usage usage) {
    return TokenUsage.create(
        usage.inputTokens(),
        usage.outputTokens(),
        usage.cacheCreationInputTokens().orElse(0L),
        usage.cacheReadInputTokens().orElse(0L));
  }

  /** Records a failure and ends the span; never throws. */
  static void fail(LiveSpan span, Throwable error) {
    try {
      Throwable cause = unwrap(error);
      span.recordException(cause);
      if (cause instanceof AnthropicServiceException) {
        AnthropicServiceException api = (AnthropicServiceException) cause;
        span.setAttribute("http.response.status_code", api.statusCode());
        api.requestId().ifPresent(id -> span.setAttribute("anthropic.request_id", id));
        api.type().ifPresent(t -> span.setAttribute("error.type", t.asString()));
      }
    } catch (RuntimeException | LinkageError e) {
      logger.log(Level.FINE, "Could not record an Anthropic failure", e);
    } finally {
      span.end();
    }
  }

  /** The exception the SDK reported, without the wrappers futures put around it. */
  static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static String json(JsonMapper mapper, Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (Exception e) {
      logger.log(Level.FINE, "Could not serialize an Anthropic value", e);
      return "null";
    }
  }
}

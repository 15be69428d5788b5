package dev.tracelight.anthropic;

import com.anthropic.models.beta.messages.BetaMessage;
import com.anthropic.models.beta.messages.BetaMessageTokensCount;
import com.anthropic.models.beta.messages.BetaUsage;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageTokensCount;
import com.anthropic.models.messages.StructuredMessage;
import com.anthropic.models.messages.Usage;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tracelight.tracing.LiveSpan;
import dev.tracelight.tracing.SpanAttributeKey;
import dev.tracelight.tracing.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records a response on its span: the {@code Message} exactly as received as outputs, token usage
 * with cache tokens ({@code mlflow.chat.tokenUsage}), response id and model, stop reason and the
 * tools the model asked for. GA and beta messages alike; a structured message is recorded as its
 * raw message.
 */
final class ChatResponses {
  private static final Logger logger = Logger.getLogger(ChatResponses.class.getName());

  private ChatResponses() {}

  /** Records {@code value} if it is a model response or token count; false otherwise. */
  static boolean record(LiveSpan span, Object result, JsonMapper mapper) {
    Object value = result;
    if (result instanceof StructuredMessage) {
      value = ((StructuredMessage<?>) result).rawMessage();
    } else if (result instanceof com.anthropic.models.beta.messages.StructuredMessage) {
      value = ((com.anthropic.models.beta.messages.StructuredMessage<?>) result).rawMessage();
    }
    if (value instanceof Message) {
      Message m = (Message) value;
      span.setOutputsJson(() -> Json.write(mapper, m)); // later, off the call's path: immutable

      // Accessors of a leniently parsed Message throw on missing fields: each is guarded alone.
      guarded(() -> span.setAttribute(SpanAttributeKey.CHAT_USAGE, usage(m.usage()).toMap()));
      guarded(() -> identity(span, m.id(), m.model().asString()));
      guarded(() -> m.stopReason().ifPresent(r -> finishReason(span, r.asString())));
      guarded(() -> toolNames(span, toolUses(m)));
      return true;
    }
    if (value instanceof BetaMessage) {
      BetaMessage m = (BetaMessage) value;
      span.setOutputsJson(() -> Json.write(mapper, m));
      guarded(() -> span.setAttribute(SpanAttributeKey.CHAT_USAGE, usage(m.usage()).toMap()));
      guarded(() -> identity(span, m.id(), m.model().asString()));
      guarded(() -> m.stopReason().ifPresent(r -> finishReason(span, r.asString())));
      guarded(() -> toolNames(span, betaToolUses(m)));
      return true;
    }
    if (value instanceof MessageTokensCount) {
      MessageTokensCount count = (MessageTokensCount) value;
      span.setOutputsJson(Json.write(mapper, count));
      guarded(() -> span.setAttribute("anthropic.count_tokens.input_tokens", count.inputTokens()));
      return true;
    }
    if (value instanceof BetaMessageTokensCount) {
      BetaMessageTokensCount count = (BetaMessageTokensCount) value;
      span.setOutputsJson(Json.write(mapper, count));
      guarded(() -> span.setAttribute("anthropic.count_tokens.input_tokens", count.inputTokens()));
      return true;
    }
    return false;
  }

  /** Usage as MLflow records it: input excludes cache tokens, which are reported beside it. */
  static TokenUsage usage(Usage u) {
    return TokenUsage.create(u.inputTokens(), u.outputTokens(),
        u.cacheCreationInputTokens().orElse(0L), u.cacheReadInputTokens().orElse(0L));
  }

  static TokenUsage usage(BetaUsage u) {
    return TokenUsage.create(u.inputTokens(), u.outputTokens(),
        u.cacheCreationInputTokens().orElse(0L), u.cacheReadInputTokens().orElse(0L));
  }

  private static void identity(LiveSpan span, String id, String model) {
    span.setAttribute("gen_ai.response.id", id);
    span.setAttribute("gen_ai.response.model", model);
  }

  private static void finishReason(LiveSpan span, String reason) {
    span.setAttribute("gen_ai.response.finish_reasons", List.of(reason));
  }

  private static void toolNames(LiveSpan span, List<String> names) {
    if (!names.isEmpty()) {
      span.setAttribute("anthropic.tool_use", names);
    }
  }

  private static List<String> toolUses(Message m) {
    List<String> names = new ArrayList<>();
    m.content().forEach(b -> b.toolUse().ifPresent(t -> names.add(t.name())));
    return names;
  }

  private static List<String> betaToolUses(BetaMessage m) {
    List<String> names = new ArrayList<>();
    m.content().forEach(b -> b.toolUse().ifPresent(t -> names.add(t.name())));
    return names;
  }

  private static void guarded(Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      logger.log(Level.FINE, "Anthropic response without an expected field", e);
    }
  }
}

package dev.tracelight.server;

import com.google.protobuf.ByteString;
import dev.tracelight.store.SpanRecord;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Spans as other languages' instrumentations put them on the wire (OTLP attributes, structures
 * as JSON strings), for the convention tests: the Anthropic SDK's own GenAI spans, OpenInference's
 * Anthropic instrumentation and OpenLLMetry's.
 */
final class InstrumentedSpans {
  static final long T0 = OtlpTestRequests.T0;
  static final long MS = OtlpTestRequests.MS;

  private InstrumentedSpans() {}

  static Span.Builder span(byte[] traceId, String name) {
    return Span.newBuilder()
        .setTraceId(ByteString.copyFrom(traceId))
        .setSpanId(ByteString.copyFrom(random(8)))
        .setName(name)
        .setKind(Span.SpanKind.SPAN_KIND_CLIENT)
        .setStartTimeUnixNano(T0 + 5 * MS)
        .setEndTimeUnixNano(T0 + 905 * MS)
        .setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_UNSET));
  }

  /**
   * The Anthropic Java SDK's {@code anthropic.messages.create} span in CONTENT mode: 12 fresh
   * input tokens, 7 read from and 5 written to the cache, reported as the sum 24.
   */
  static Span.Builder anthropicSdkChat(byte[] traceId) {
    return span(traceId, "anthropic.messages.create")
        .addAttributes(str("gen_ai.operation.name", "chat"))
        .addAttributes(str("gen_ai.provider.name", "anthropic"))
        .addAttributes(str("gen_ai.request.model", "claude-sonnet-4-5"))
        .addAttributes(num("gen_ai.request.max_tokens", 1024))
        .addAttributes(str("gen_ai.response.id", "msg_01XFDUDYJgAACzvnptvVoYEL"))
        .addAttributes(str("gen_ai.response.model", "claude-sonnet-4-5-20250929"))
        .addAttributes(num("gen_ai.usage.input_tokens", 24))
        .addAttributes(num("gen_ai.usage.output_tokens", 30))
        .addAttributes(num("gen_ai.usage.cache_read.input_tokens", 7))
        .addAttributes(num("gen_ai.usage.cache_write.input_tokens", 5))
        .addAttributes(num("anthropic.usage.cache_creation.ephemeral_5m_input_tokens", 5))
        .addAttributes(num("anthropic.usage.cache_creation.ephemeral_1h_input_tokens", 0))
        .addAttributes(str("anthropic.message.stop_reason", "tool_use"))
        .addAttributes(str("anthropic.request.id", "req_011CVXbGZ8rL3k"))
        .addAttributes(str("http.request.method", "POST"))
        .addAttributes(str("server.address", "api.anthropic.com"))
        .addAttributes(str("gen_ai.system_instructions",
            "[{\"type\":\"text\",\"content\":\"Answer in one sentence.\"}]"))
        .addAttributes(str("gen_ai.input.messages", "[{\"role\":\"user\",\"parts\":[{\"type\":"
            + "\"text\",\"content\":\"What is the weather in Paris?\"}]}]"))
        .addAttributes(str("gen_ai.output.messages", "[{\"role\":\"assistant\",\"parts\":["
            + "{\"type\":\"text\",\"content\":\"Let me check.\"},{\"type\":\"tool_call\","
            + "\"id\":\"toolu_01\",\"name\":\"get_weather\",\"arguments\":{\"city\":\"Paris\"}}],"
            + "\"finish_reason\":\"tool_use\"}]"));
  }

  /**
   * OpenInference's Anthropic instrumentation ({@code Messages}): the request and the Message as
   * JSON, prompt tokens 2000 including 1500 read from the cache, one tool.
   */
  static Span.Builder openInferenceAnthropic(byte[] traceId) {
    return span(traceId, "Messages")
        .setKind(Span.SpanKind.SPAN_KIND_INTERNAL)
        .addAttributes(str("openinference.span.kind", "LLM"))
        .addAttributes(str("llm.provider", "anthropic"))
        .addAttributes(str("llm.system", "anthropic"))
        .addAttributes(str("llm.model_name", "claude-haiku-4-5-20251001"))
        .addAttributes(str("input.value", "{\"model\": \"claude-haiku-4-5-20251001\","
            + " \"max_tokens\": 256, \"messages\": [{\"role\": \"user\", \"content\":"
            + " \"Summarize the report.\"}]}"))
        .addAttributes(str("input.mime_type", "application/json"))
        .addAttributes(str("output.value", "{\"id\": \"msg_02\", \"type\": \"message\","
            + " \"role\": \"assistant\", \"model\": \"claude-haiku-4-5-20251001\", \"content\":"
            + " [{\"type\": \"text\", \"text\": \"Revenue grew 4%.\"}], \"stop_reason\":"
            + " \"end_turn\", \"usage\": {\"input_tokens\": 500, \"output_tokens\": 50,"
            + " \"cache_read_input_tokens\": 1500}}"))
        .addAttributes(str("output.mime_type", "application/json"))
        .addAttributes(str("llm.input_messages.0.message.role", "user"))
        .addAttributes(str("llm.input_messages.0.message.content", "Summarize the report."))
        .addAttributes(str("llm.output_messages.0.message.role", "assistant"))
        .addAttributes(str("llm.output_messages.0.message.content", "Revenue grew 4%."))
        .addAttributes(str("llm.invocation_parameters", "{\"max_tokens\": 256}"))
        .addAttributes(num("llm.token_count.prompt", 2000))
        .addAttributes(num("llm.token_count.completion", 50))
        .addAttributes(num("llm.token_count.total", 2050))
        .addAttributes(num("llm.token_count.prompt_details.cache_read", 1500))
        .addAttributes(str("llm.tools.0.tool.json_schema", "{\"name\": \"lookup_report\","
            + " \"description\": \"Finds a report\", \"input_schema\": {\"type\": \"object\","
            + " \"properties\": {\"quarter\": {\"type\": \"string\"}}}}"));
  }

  /**
   * OpenLLMetry's Anthropic instrumentation: indexed prompts and completions, prompt tokens 20
   * including 8 written to the cache, a tool call in the completion.
   */
  static Span.Builder openLlmetryAnthropic(byte[] traceId) {
    return span(traceId, "anthropic.chat")
        .addAttributes(str("gen_ai.system", "Anthropic"))
        .addAttributes(str("llm.request.type", "chat"))
        .addAttributes(str("gen_ai.request.model", "claude-3-7-sonnet-latest"))
        .addAttributes(str("gen_ai.response.model", "claude-3-7-sonnet-20250219"))
        .addAttributes(str("gen_ai.prompt.0.role", "system"))
        .addAttributes(str("gen_ai.prompt.0.content", "You are terse."))
        .addAttributes(str("gen_ai.prompt.1.role", "user"))
        .addAttributes(str("gen_ai.prompt.1.content", "Book a table for two."))
        .addAttributes(str("gen_ai.completion.0.role", "assistant"))
        .addAttributes(str("gen_ai.completion.0.content", "Booking."))
        .addAttributes(str("gen_ai.completion.0.finish_reason", "tool_use"))
        .addAttributes(str("gen_ai.completion.0.tool_calls.0.id", "toolu_9"))
        .addAttributes(str("gen_ai.completion.0.tool_calls.0.name", "book_table"))
        .addAttributes(str("gen_ai.completion.0.tool_calls.0.arguments", "{\"people\": 2}"))
        .addAttributes(num("gen_ai.usage.prompt_tokens", 20))
        .addAttributes(num("gen_ai.usage.completion_tokens", 5))
        .addAttributes(num("llm.usage.total_tokens", 25))
        .addAttributes(num("gen_ai.usage.cache_creation_input_tokens", 8))
        .addAttributes(num("gen_ai.usage.cache_read_input_tokens", 0))
        .addAttributes(str("llm.request.functions.0.name", "book_table"))
        .addAttributes(str("llm.request.functions.0.description", "Books a table"))
        .addAttributes(str("llm.request.functions.0.parameters",
            "{\"type\": \"object\", \"properties\": {\"people\": {\"type\": \"integer\"}}}"));
  }

  static SpanRecord record(Span.Builder span) {
    return OtlpSpans.toSpanRecord(span.build());
  }

  static KeyValue str(String key, String value) {
    return OtlpTestRequests.string(key, value);
  }

  static KeyValue num(String key, long value) {
    return KeyValue.newBuilder().setKey(key)
        .setValue(AnyValue.newBuilder().setIntValue(value)).build();
  }

  static byte[] random(int n) {
    byte[] b = new byte[n];
    ThreadLocalRandom.current().nextBytes(b);
    return b;
  }
}

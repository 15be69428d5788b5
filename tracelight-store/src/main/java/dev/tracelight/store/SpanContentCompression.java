package dev.tracelight.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Span content as stored since migration V4: the span dict's UTF-8 JSON, raw-deflated with a
 * preset dictionary of the words every span dict repeats (MLflow's keys, status codes), behind a
 * one-byte format tag. The dictionary lets even a small span compress well; the tag lets a later
 * format coexist with rows written in this one. Rows written before V4 keep their JSON text.
 */
final class SpanContentCompression {
  /** Format 1: raw deflate (no zlib header) with {@link #DICTIONARY_V1}. Never change either. */
  static final byte FORMAT_DEFLATE_DICT_V1 = 1;

  /**
   * Strings span dicts repeat, most frequent last (deflate reaches the end of a dictionary with the
   * shortest distances). Part of format 1: rows depend on every byte of it.
   */
  private static final byte[] DICTIONARY_V1 = (
      "\"gen_ai.request.max_tokens\"gen_ai.usage.output_tokens\"gen_ai.usage.input_tokens"
      + "\"gen_ai.response.model\"gen_ai.request.model\"gen_ai.operation.name\":\"chat\""
      + "\"gen_ai.provider.name\":\"anthropic\"{\"type\":\"text\",\"text\":\""
      + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_"
      + "\"stop_reason\":\"end_turn\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":"
      + "\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,"
      + "{\"id\":\"msg_01\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-"
      + "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1024,\"messages\":[{\"role\":\"user\","
      + "\"content\":\"\\\"mlflow.spanFunctionName\":\"\\\"\"mlflow.llm.model\":\"\\\"claude-"
      + "\"mlflow.llm.cost\":\"{\\\"input_cost\\\": \"output_cost\\\": \"total_cost\\\": "
      + "\"mlflow.chat.tokenUsage\":\"{\\\"input_tokens\\\": \\\"output_tokens\\\": "
      + "\\\"total_tokens\\\": }\",\"mlflow.message.format\":\"\\\"anthropic\\\"\","
      + "\"mlflow.spanType\":\"\\\"CHAT_MODEL\\\"\",\"mlflow.spanType\":\"\\\"LLM\\\"\","
      + "\"mlflow.spanType\":\"\\\"CHAIN\\\"\",\"mlflow.spanType\":\"\\\"TOOL\\\"\","
      + "\"mlflow.spanOutputs\":\"{\\\"\"mlflow.spanInputs\":\"{\\\"messages\\\": [{\\\"role\\\":"
      + " \\\"user\\\", \\\"content\\\": \\\"\"}],\"events\":[],\"links\":[]}"
      + "\"status\":{\"code\":\"STATUS_CODE_OK\",\"message\":\"\"},\"attributes\":{"
      + "\"mlflow.traceRequestId\":\"\\\"tr-"
      + "{\"trace_id\":\"\",\"span_id\":\"\",\"parent_span_id\":\"\",\"name\":\""
      + "\",\"start_time_unix_nano\":17,\"end_time_unix_nano\":17")
      .getBytes(StandardCharsets.UTF_8);

  private SpanContentCompression() {}

  static byte[] compress(String json) {
    byte[] input = json.getBytes(StandardCharsets.UTF_8);
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    try {
      deflater.setDictionary(DICTIONARY_V1);
      deflater.setInput(input);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(input.length / 3 + 16);
      out.write(FORMAT_DEFLATE_DICT_V1);
      byte[] buffer = new byte[Math.max(64, Math.min(input.length, 64 * 1024))];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  /** The JSON text of stored bytes; throws if the bytes are not in a known format. */
  static String decompress(byte[] stored) {
    if (stored.length == 0 || stored[0] != FORMAT_DEFLATE_DICT_V1) {
      throw new IllegalStateException("stored span content has unknown format "
          + (stored.length == 0 ? "(empty)" : Byte.toString(stored[0])));
    }
    Inflater inflater = new Inflater(true);
    try {
      // Raw inflate wants one dummy byte past the data (see Inflater's constructor).
      byte[] input = Arrays.copyOfRange(stored, 1, stored.length + 1);
      inflater.setInput(input);
      inflater.setDictionary(DICTIONARY_V1);
      ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length * 4);
      byte[] buffer = new byte[Math.max(256, Math.min(stored.length * 4, 256 * 1024))];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && inflater.needsInput()) {
          throw new IllegalStateException("stored span content is truncated");
        }
        out.write(buffer, 0, n);
      }
      return out.toString(StandardCharsets.UTF_8);
    } catch (DataFormatException e) {
      throw new IllegalStateException("stored span content is corrupt: " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
  }
}

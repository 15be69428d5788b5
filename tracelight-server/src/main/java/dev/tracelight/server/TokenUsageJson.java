package dev.tracelight.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * MLflow's {@code mlflow.chat.tokenUsage} object from a convention's counts. For Anthropic the
 * result follows the Anthropic API and MLflow's Anthropic autolog: {@code input_tokens} excludes
 * tokens written to or read from the prompt cache, which are counted in {@code
 * cache_creation_input_tokens} and {@code cache_read_input_tokens}, and {@code total_tokens} is
 * input plus output. Instrumentations report Anthropic's input as the sum including the cache
 * (the Anthropic SDKs' own OpenTelemetry spans, OpenInference, OpenLLMetry), so when the
 * provider is Anthropic and cache counts are present the cache tokens are subtracted, unless the
 * reported input is smaller than the cache tokens (then it already excluded them). Other
 * providers' counts are kept as reported (OpenAI's input includes cached tokens, as in MLflow).
 */
final class TokenUsageJson {
  private TokenUsageJson() {}

  /**
   * The usage object, or null when neither input nor output was reported.
   *
   * @param total reported total, used unless the input was corrected; may be null
   * @param cacheRead tokens read from the prompt cache; may be null
   * @param cacheWrite tokens written to the prompt cache; may be null
   * @param provider the provider name as reported, to recognize Anthropic; may be null
   */
  static ObjectNode of(Long input, Long output, Long total, Long cacheRead, Long cacheWrite,
      String provider) {
    if (input == null && output == null) {
      return null;
    }
    long in = input == null ? 0 : input;
    long out = output == null ? 0 : output;
    long read = cacheRead == null ? 0 : cacheRead;
    long write = cacheWrite == null ? 0 : cacheWrite;
    long sum;
    boolean cacheReported = cacheRead != null || cacheWrite != null;
    if (isAnthropic(provider) && cacheReported && in >= read + write) {
      in -= read + write;
      sum = in + out;
    } else {
      sum = total != null ? total : in + out;
    }
    ObjectNode usage = MlflowJson.MAPPER.createObjectNode()
        .put("input_tokens", in)
        .put("output_tokens", out)
        .put("total_tokens", sum);
    if (read > 0) {
      usage.put("cache_read_input_tokens", read);
    }
    if (write > 0) {
      usage.put("cache_creation_input_tokens", write);
    }
    return usage;
  }

  static boolean isAnthropic(String provider) {
    return provider != null && provider.toLowerCase(Locale.ROOT).contains("anthropic");
  }
}

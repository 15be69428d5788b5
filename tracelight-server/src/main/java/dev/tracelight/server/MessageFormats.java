package dev.tracelight.server;

import java.util.Locale;

/**
 * {@code mlflow.message.format} for a provider: the value of the MLflow UI chat parser for that
 * provider's payloads. The UI knows {@code anthropic}, {@code openai}, {@code gemini}, {@code
 * bedrock} and {@code mistral} among providers; GenAI-semconv "parts" messages need no value, as
 * the UI falls back to its OpenTelemetry GenAI parser for every format, so other providers get
 * none.
 */
final class MessageFormats {
  private MessageFormats() {}

  /** The format for a provider name as GenAI, OpenInference or OpenLLMetry report it, or null. */
  static String forProvider(String provider) {
    if (provider == null) {
      return null;
    }
    String p = provider.toLowerCase(Locale.ROOT);
    if (p.contains("anthropic")) {
      return "anthropic";
    }
    if (p.contains("bedrock") || p.equals("aws")) {
      return "bedrock";
    }
    if (p.contains("openai")) { // openai, azure.ai.openai, azure_openai
      return "openai";
    }
    if (p.contains("gemini") || p.contains("vertex") || p.equals("google")) {
      return "gemini";
    }
    if (p.contains("mistral")) {
      return "mistral";
    }
    return null;
  }
}

package dev.tracelight.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** MLflow's reserved span attributes a convention derives, collected as JSON text values. */
final class DerivedAttributes {
  static final String SPAN_TYPE = "mlflow.spanType";
  static final String INPUTS = "mlflow.spanInputs";
  static final String OUTPUTS = "mlflow.spanOutputs";
  static final String TOKEN_USAGE = "mlflow.chat.tokenUsage";
  static final String MODEL = "mlflow.llm.model";
  static final String PROVIDER = "mlflow.llm.provider";
  static final String MESSAGE_FORMAT = "mlflow.message.format";
  static final String CHAT_TOOLS = "mlflow.chat.tools";

  private final Map<String, String> values = new LinkedHashMap<>();

  /** Puts a string value; null puts nothing. */
  DerivedAttributes text(String key, String value) {
    if (value != null && !value.isEmpty()) {
      values.put(key, SpanAttributes.jsonString(value));
    }
    return this;
  }

  /** Puts a JSON value; null or JSON null puts nothing. */
  DerivedAttributes json(String key, JsonNode value) {
    if (value != null && !value.isNull() && !value.isMissingNode()) {
      values.put(key, value.toString());
    }
    return this;
  }

  Map<String, String> asMap() {
    return values;
  }
}

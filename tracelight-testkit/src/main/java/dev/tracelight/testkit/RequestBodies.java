package dev.tracelight.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Reading MLflow request messages: a JSON object body, leniently typed as a stock server reads it.
 */
final class RequestBodies {

  private RequestBodies() {}

  /**
   * The body as a JSON object; an empty body is the empty message.
   *
   * @throws MlflowError {@code BAD_REQUEST} if the body is not a JSON object
   */
  static ObjectNode object(RecordedRequest request) {
    if (request.bodyBytes().length == 0) {
      return Json.object();
    }
    JsonNode json = request.jsonView();
    if (!json.isObject()) {
      throw MlflowError.create("BAD_REQUEST", "Malformed request: the body is not a JSON object.");
    }
    return (ObjectNode) json;
  }

  /** A string field MLflow requires; a missing or empty one is a 400 naming it. */
  static String requiredText(JsonNode message, String field) {
    return text(message, field)
        .orElseThrow(
            () ->
                MlflowError.invalidParameter(
                    "Missing value for required parameter '" + field + "'."));
  }

  static Optional<String> text(JsonNode message, String field) {
    JsonNode value = message.path(field);
    return value.isValueNode() && !value.isNull() && !value.asText().isEmpty()
        ? Optional.of(value.asText())
        : Optional.empty();
  }

  /** An int64 field, sent as a JSON number or, as proto JSON allows, a string. */
  static Optional<Long> integer(JsonNode message, String field) {
    JsonNode value = message.path(field);
    if (value.isIntegralNumber()) {
      return Optional.of(value.asLong());
    }
    if (value.isTextual()) {
      try {
        return Optional.of(Long.parseLong(value.asText().trim()));
      } catch (NumberFormatException e) {
        throw MlflowError.invalidParameter("Invalid value for '" + field + "': " + value);
      }
    }
    return Optional.empty();
  }
}

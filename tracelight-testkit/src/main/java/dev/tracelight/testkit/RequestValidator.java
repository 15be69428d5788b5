package dev.tracelight.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks the real API makes before it looks at the model, in the same order and with the
 * same error types, so code under test sees realistic 4xx errors for malformed requests.
 */
final class RequestValidator {

  private static final Pattern CUSTOM_ID = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

  private RequestValidator() {}

  /** The error the real API would answer, or empty when the request is acceptable. */
  static Optional<ApiError> check(RecordedRequest request, Endpoint endpoint) {
    if (isBlank(request.header("x-api-key")) && isBlank(request.header("authorization"))) {
      return Optional.of(
          ApiError.create(401, "authentication_error", "x-api-key header is required"));
    }
    if (isBlank(request.header("anthropic-version"))) {
      return Optional.of(ApiError.invalidRequest("anthropic-version: header is required"));
    }
    if (!endpoint.takesBody()) {
      return Optional.empty();
    }
    JsonNode body = request.jsonView();
    if (!body.isObject()) {
      return Optional.of(
          ApiError.invalidRequest("There was an error parsing the body of your request"));
    }
    Optional<ApiError> error = checkFields("", body, endpoint);
    if (error.isPresent() || endpoint != Endpoint.BATCH_CREATE) {
      return error;
    }
    return checkBatchRequests(body.get("requests"));
  }

  private static Optional<ApiError> checkFields(String prefix, JsonNode body, Endpoint endpoint) {
    for (String field : endpoint.requiredFields()) {
      Optional<ApiError> error = checkField(prefix + field, field, body.get(field));
      if (error.isPresent()) {
        return error;
      }
    }
    return Optional.empty();
  }

  /** Each batch entry needs a unique {@code custom_id} and {@code params} valid for messages. */
  private static Optional<ApiError> checkBatchRequests(JsonNode requests) {
    Set<String> customIds = new HashSet<>();
    for (int i = 0; i < requests.size(); i++) {
      String prefix = "requests." + i + ".";
      JsonNode entry = requests.get(i);
      JsonNode customId = entry.get("custom_id");
      if (customId == null || customId.isNull()) {
        return invalid(prefix + "custom_id: Field required");
      }
      if (!customId.isTextual() || !CUSTOM_ID.matcher(customId.asText()).matches()) {
        return invalid(
            prefix + "custom_id: String should match pattern '^[a-zA-Z0-9_-]{1,64}$'");
      }
      if (!customIds.add(customId.asText())) {
        return invalid(prefix + "custom_id: Duplicate custom_id '" + customId.asText() + "'");
      }
      JsonNode params = entry.get("params");
      if (params == null || params.isNull()) {
        return invalid(prefix + "params: Field required");
      }
      if (!params.isObject()) {
        return invalid(prefix + "params: Input should be a valid dictionary");
      }
      Optional<ApiError> error = checkFields(prefix + "params.", params, Endpoint.MESSAGES);
      if (error.isPresent()) {
        return error;
      }
    }
    return Optional.empty();
  }

  private static Optional<ApiError> checkField(String path, String field, JsonNode value) {
    if (value == null || value.isNull()) {
      return invalid(path + ": Field required");
    }
    switch (field) {
      case "model":
        return value.isTextual()
            ? Optional.empty()
            : invalid(path + ": Input should be a valid string");
      case "max_tokens":
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
          return invalid(path + ": Input should be a valid integer");
        }
        return value.asLong() >= 1
            ? Optional.empty()
            : invalid(path + ": Input should be greater than or equal to 1");
      case "messages":
        return value.isArray()
            ? Optional.empty()
            : invalid(path + ": Input should be a valid list");
      case "requests":
        if (!value.isArray()) {
          return invalid(path + ": Input should be a valid list");
        }
        return value.size() > 0
            ? Optional.empty()
            : invalid(path + ": List should have at least 1 item after validation, not 0");
      default:
        return Optional.empty();
    }
  }

  private static Optional<ApiError> invalid(String message) {
    return Optional.of(ApiError.invalidRequest(message));
  }

  private static boolean isBlank(Optional<String> header) {
    return header.map(String::isBlank).orElse(true);
  }
}

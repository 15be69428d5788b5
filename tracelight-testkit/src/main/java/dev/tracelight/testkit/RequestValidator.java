package dev.tracelight.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The checks the real API makes before it looks at the model, in the same order and with the
 * same error types, so code under test sees realistic 4xx errors for malformed requests.
 */
final class RequestValidator {

  private RequestValidator() {}

  /** The error the real API would answer, or empty when the request is acceptable. */
  static Optional<ApiError> check(RecordedRequest request, Endpoint endpoint) {
    if (!endpoint.method().equals(request.method())) {
      return Optional.of(ApiError.create(405, "invalid_request_error", "Method Not Allowed"));
    }
    if (isBlank(request.header("x-api-key")) && isBlank(request.header("authorization"))) {
      return Optional.of(
          ApiError.create(401, "authentication_error", "x-api-key header is required"));
    }
    if (isBlank(request.header("anthropic-version"))) {
      return Optional.of(ApiError.invalidRequest("anthropic-version: header is required"));
    }
    JsonNode body = request.jsonView();
    if (!body.isObject()) {
      return Optional.of(
          ApiError.invalidRequest("There was an error parsing the body of your request"));
    }
    for (String field : endpoint.requiredFields()) {
      Optional<ApiError> error = checkField(field, body.get(field));
      if (error.isPresent()) {
        return error;
      }
    }
    return Optional.empty();
  }

  private static Optional<ApiError> checkField(String field, JsonNode value) {
    if (value == null || value.isNull()) {
      return Optional.of(ApiError.invalidRequest(field + ": Field required"));
    }
    switch (field) {
      case "model":
        return value.isTextual()
            ? Optional.empty()
            : Optional.of(ApiError.invalidRequest("model: Input should be a valid string"));
      case "max_tokens":
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
          return Optional.of(
              ApiError.invalidRequest("max_tokens: Input should be a valid integer"));
        }
        return value.asLong() >= 1
            ? Optional.empty()
            : Optional.of(
                ApiError.invalidRequest("max_tokens: Input should be greater than or equal to 1"));
      case "messages":
        return value.isArray()
            ? Optional.empty()
            : Optional.of(ApiError.invalidRequest("messages: Input should be a valid list"));
      default:
        return Optional.empty();
    }
  }

  private static boolean isBlank(Optional<String> header) {
    return header.map(String::isBlank).orElse(true);
  }
}

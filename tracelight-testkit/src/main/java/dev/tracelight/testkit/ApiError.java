package dev.tracelight.testkit;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An API error as the Messages API reports it: an HTTP status, an error type and a message. */
final class ApiError {

  private final int status;
  private final String type;
  private final String message;

  private ApiError(int status, String type, String message) {
    this.status = status;
    this.type = type;
    this.message = message;
  }

  static ApiError create(int status, String type, String message) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("an error status is 400..599, got " + status);
    }
    return new ApiError(status, requireNonNull(type, "type"), requireNonNull(message, "message"));
  }

  static ApiError invalidRequest(String message) {
    return create(400, "invalid_request_error", message);
  }

  /** The error type the real API uses for each status it documents. */
  static String typeFor(int status) {
    switch (status) {
      case 400:
        return "invalid_request_error";
      case 401:
        return "authentication_error";
      case 402:
        return "billing_error";
      case 403:
        return "permission_error";
      case 404:
        return "not_found_error";
      case 413:
        return "request_too_large";
      case 429:
        return "rate_limit_error";
      case 504:
        return "timeout_error";
      case 529:
        return "overloaded_error";
      default:
        return "api_error";
    }
  }

  int status() {
    return status;
  }

  /** The body {@code {"type":"error","error":{...},"request_id":...}}. */
  ObjectNode toJson(String requestId) {
    ObjectNode body = Json.object().put("type", "error");
    body.set("error", Json.object().put("type", type).put("message", message));
    body.put("request_id", requestId);
    return body;
  }

  @Override
  public String toString() {
    return status + " " + type + ": " + message;
  }
}

package dev.tracelight.testkit;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An MLflow REST error: an {@code error_code} and a message, with the HTTP status MLflow derives
 * from the code. Thrown by the route handlers and rendered once, in {@link MlflowHandler}, so each
 * handler reads as its happy path.
 */
final class MlflowError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String errorCode;

  private MlflowError(int status, String errorCode, String message) {
    super(message, null, false, false);
    this.status = status;
    this.errorCode = errorCode;
  }

  static MlflowError create(String errorCode, String message) {
    return new MlflowError(
        statusFor(requireNonNull(errorCode, "errorCode")), errorCode, requireNonNull(message));
  }

  /** An error whose code is the one a client derives from {@code status} alone. */
  static MlflowError forStatus(int status, String message) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("an error status is 400..599, got " + status);
    }
    return new MlflowError(status, codeFor(status), requireNonNull(message, "message"));
  }

  static MlflowError notFound(String message) {
    return create("RESOURCE_DOES_NOT_EXIST", message);
  }

  static MlflowError invalidParameter(String message) {
    return create("INVALID_PARAMETER_VALUE", message);
  }

  /** What a stock server answers for a route it does not serve. */
  static MlflowError endpointNotFound(String method, String path) {
    return create("ENDPOINT_NOT_FOUND", "No endpoint " + method + " " + path);
  }

  int status() {
    return status;
  }

  String errorCode() {
    return errorCode;
  }

  ObjectNode toJson() {
    return Json.object().put("error_code", errorCode).put("message", getMessage());
  }

  /** MLflow's {@code ERROR_CODE_TO_HTTP_STATUS}; unknown codes are server errors. */
  static int statusFor(String errorCode) {
    switch (errorCode) {
      case "INVALID_PARAMETER_VALUE":
      case "BAD_REQUEST":
      case "RESOURCE_ALREADY_EXISTS":
        return 400;
      case "CUSTOMER_UNAUTHORIZED":
      case "UNAUTHENTICATED":
        return 401;
      case "PERMISSION_DENIED":
        return 403;
      case "RESOURCE_DOES_NOT_EXIST":
      case "NOT_FOUND":
      case "ENDPOINT_NOT_FOUND":
        return 404;
      case "ABORTED":
      case "RESOURCE_CONFLICT":
      case "ALREADY_EXISTS":
        return 409;
      case "REQUEST_LIMIT_EXCEEDED":
      case "RESOURCE_EXHAUSTED":
        return 429;
      case "NOT_IMPLEMENTED":
        return 501;
      case "TEMPORARILY_UNAVAILABLE":
        return 503;
      case "DEADLINE_EXCEEDED":
        return 504;
      default:
        return 500;
    }
  }

  /** The code MLflow pairs with an HTTP status, for scripted failures. */
  static String codeFor(int status) {
    switch (status) {
      case 400:
        return "BAD_REQUEST";
      case 401:
        return "UNAUTHENTICATED";
      case 403:
        return "PERMISSION_DENIED";
      case 404:
        return "ENDPOINT_NOT_FOUND";
      case 409:
        return "RESOURCE_CONFLICT";
      case 429:
        return "REQUEST_LIMIT_EXCEEDED";
      case 501:
        return "NOT_IMPLEMENTED";
      case 503:
        return "TEMPORARILY_UNAVAILABLE";
      case 504:
        return "DEADLINE_EXCEEDED";
      default:
        return status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
    }
  }
}

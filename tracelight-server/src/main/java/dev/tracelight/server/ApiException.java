package dev.tracelight.server;

/**
 * A request the server refuses, rendered as MLflow's {@code {"error_code","message"}} body. The
 * status is the code's unless given (413 has no MLflow code of its own).
 */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final ErrorCode code;
  final int httpStatus;

  ApiException(ErrorCode code, String message) {
    this(code, code.httpStatus, message);
  }

  ApiException(ErrorCode code, int httpStatus, String message) {
    super(message);
    this.code = code;
    this.httpStatus = httpStatus;
  }

  static ApiException invalid(String message) {
    return new ApiException(ErrorCode.INVALID_PARAMETER_VALUE, message);
  }

  static ApiException notFound(String message) {
    return new ApiException(ErrorCode.RESOURCE_DOES_NOT_EXIST, message);
  }
}

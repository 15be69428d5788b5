package dev.tracelight.server;

/** MLflow error codes we answer with, and the HTTP status MLflow derives from each. */
enum ErrorCode {
  INVALID_PARAMETER_VALUE(400),
  BAD_REQUEST(400),
  RESOURCE_ALREADY_EXISTS(400),
  UNAUTHENTICATED(401),
  PERMISSION_DENIED(403),
  RESOURCE_DOES_NOT_EXIST(404),
  ENDPOINT_NOT_FOUND(404),
  INTERNAL_ERROR(500),
  NOT_IMPLEMENTED(501),
  TEMPORARILY_UNAVAILABLE(503);

  final int httpStatus;

  ErrorCode(int httpStatus) {
    this.httpStatus = httpStatus;
  }
}

package dev.tracelight.tracing;

import java.io.IOException;
import java.time.Duration;

/** A tracking server answered a request with an error status. */
final class MlflowRestException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final String errorCode;
  @Nullable private final transient Duration retryAfter;

  MlflowRestException(int statusCode, String errorCode, String message, @Nullable Duration retryAfter) {
    super(statusCode + " " + errorCode + ": " + message);
    this.statusCode = statusCode;
    this.errorCode = errorCode;
    this.retryAfter = retryAfter;
  }

  int statusCode() {
    return statusCode;
  }

  /** MLflow's error code, e.g. {@code RESOURCE_DOES_NOT_EXIST}; derived from the status if absent. */
  String errorCode() {
    return errorCode;
  }

  boolean isNotFound() {
    return statusCode == 404;
  }

  /** The server's {@code Retry-After}, if it sent one. */
  @Nullable
  Duration retryAfter() {
    return retryAfter;
  }
}

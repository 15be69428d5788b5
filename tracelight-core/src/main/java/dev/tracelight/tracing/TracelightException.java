package dev.tracelight.tracing;

/**
 * A request Tracelight made on the caller's behalf (search, delete, tag, feedback) failed. Never
 * thrown from traced code or export: those failures are logged instead.
 */
public final class TracelightException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final String errorCode;

  TracelightException(String message, int statusCode, String errorCode, Throwable cause) {
    super(message, cause);
    this.statusCode = statusCode;
    this.errorCode = errorCode;
  }

  /** The HTTP status the tracking server answered, or 0 when it could not be reached. */
  public int statusCode() {
    return statusCode;
  }

  /** MLflow's error code, e.g. {@code RESOURCE_DOES_NOT_EXIST}; empty when unreachable. */
  public String errorCode() {
    return errorCode;
  }
}

package dev.tracelight.tracing;

/** The status of a span, as in OpenTelemetry and MLflow. */
public enum SpanStatusCode {
  UNSET,
  OK,
  ERROR
}

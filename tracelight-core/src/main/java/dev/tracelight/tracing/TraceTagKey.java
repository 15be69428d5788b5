package dev.tracelight.tracing;

/** Trace tag keys reserved by MLflow. */
public final class TraceTagKey {
  /** The trace's name: its root span's name. */
  public static final String TRACE_NAME = "mlflow.traceName";
  /** Where the server keeps the trace's spans ({@code TRACKING_STORE} or an artifact repository). */
  public static final String SPANS_LOCATION = "mlflow.trace.spansLocation";
  /** The trace's artifact location, added by the server. */
  public static final String ARTIFACT_LOCATION = "mlflow.artifactLocation";

  private TraceTagKey() {}
}

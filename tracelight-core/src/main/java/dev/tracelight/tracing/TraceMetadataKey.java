package dev.tracelight.tracing;

/** Trace metadata keys reserved by MLflow. */
public final class TraceMetadataKey {
  public static final String SCHEMA_VERSION = "mlflow.trace_schema.version";
  public static final String TOKEN_USAGE = "mlflow.trace.tokenUsage";
  public static final String INPUTS = "mlflow.traceInputs";
  public static final String OUTPUTS = "mlflow.traceOutputs";
  public static final String SIZE_STATS = "mlflow.trace.sizeStats";
  public static final String USER = "mlflow.user";
  public static final String SOURCE_NAME = "mlflow.source.name";
  public static final String SOURCE_TYPE = "mlflow.source.type";

  private TraceMetadataKey() {}
}

package dev.tracelight.tracing;

/**
 * Span attribute keys reserved by MLflow. Values under these keys are JSON-encoded, as MLflow
 * writes them.
 */
public final class SpanAttributeKey {
  /** The MLflow trace id ({@code tr-...}) of the span's trace; on every span. */
  public static final String REQUEST_ID = "mlflow.traceRequestId";
  /** The span's inputs. */
  public static final String INPUTS = "mlflow.spanInputs";
  /** The span's outputs. */
  public static final String OUTPUTS = "mlflow.spanOutputs";
  /** The span's {@link SpanType}. */
  public static final String SPAN_TYPE = "mlflow.spanType";
  /** Token usage of a model call: {@code {input_tokens, output_tokens, total_tokens, ...}}. */
  public static final String CHAT_USAGE = "mlflow.chat.tokenUsage";
  /** The tools offered to a model, in OpenAI's function-tool shape. */
  public static final String CHAT_TOOLS = "mlflow.chat.tools";
  /** The payload format of inputs and outputs, e.g. {@code "anthropic"}; tells the UI how to parse. */
  public static final String MESSAGE_FORMAT = "mlflow.message.format";
  /** The model name. */
  public static final String MODEL = "mlflow.llm.model";
  /** The model provider, e.g. {@code "anthropic"}. */
  public static final String MODEL_PROVIDER = "mlflow.llm.provider";

  private SpanAttributeKey() {}
}

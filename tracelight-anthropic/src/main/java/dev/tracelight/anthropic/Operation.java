package dev.tracelight.anthropic;

import dev.tracelight.tracing.Nullable;
import dev.tracelight.tracing.SpanType;

/**
 * A traced SDK operation: which service method it is, and so how its span is named and recorded.
 * Both entry points resolve operations here, the proxy from the service interface it intercepts
 * and autolog from the raw-response implementation class it instruments.
 */
final class Operation {
  enum Kind {
    /** {@code messages().create}: a model call. */
    CREATE,
    /** {@code messages().createStreaming}: a model call answered as a stream of events. */
    STREAM,
    /** {@code messages().countTokens}. */
    COUNT_TOKENS,
    /** A Message Batches call answered with one value (create, retrieve, list, cancel, delete). */
    BATCH,
    /** {@code batches().resultsStreaming}: batch results as a stream. */
    BATCH_RESULTS
  }

  private final String spanName;
  private final Kind kind;
  private final boolean beta;

  private Operation(String spanName, Kind kind, boolean beta) {
    this.spanName = spanName;
    this.kind = kind;
    this.beta = beta;
  }

  /**
   * The operation of a method, or null when it is not traced. {@code type} is the SDK's service
   * interface ({@code com.anthropic.services.blocking.MessageService}), its raw-response interface
   * ({@code ...MessageService$WithRawResponse}) or the raw-response implementation
   * ({@code ...MessageServiceImpl$WithRawResponseImpl}).
   */
  @Nullable
  static Operation of(String type, String method) {
    String service = serviceName(type);
    boolean async = service.startsWith("com.anthropic.services.async.");
    boolean beta = service.contains(".beta.");
    if (service.endsWith(".MessageService") || service.endsWith(".MessageServiceAsync")) {
      Kind kind = messagesKind(method);
      return kind == null ? null : new Operation((async ? "AsyncMessages." : "Messages.") + method, kind, beta);
    }
    if (service.endsWith(".messages.BatchService") || service.endsWith(".messages.BatchServiceAsync")) {
      Kind kind = batchKind(method);
      return kind == null ? null : new Operation((async ? "AsyncBatches." : "Batches.") + method, kind, beta);
    }
    return null;
  }

  private static String serviceName(String type) {
    String name = type;
    if (name.endsWith("Impl$WithRawResponseImpl")) {
      name = name.substring(0, name.length() - "Impl$WithRawResponseImpl".length());
    } else if (name.endsWith("$WithRawResponse")) {
      name = name.substring(0, name.length() - "$WithRawResponse".length());
    }
    return name;
  }

  @Nullable
  private static Kind messagesKind(String method) {
    switch (method) {
      case "create":
        return Kind.CREATE;
      case "createStreaming":
        return Kind.STREAM;
      case "countTokens":
        return Kind.COUNT_TOKENS;
      default:
        return null;
    }
  }

  @Nullable
  private static Kind batchKind(String method) {
    switch (method) {
      case "create":
      case "retrieve":
      case "list":
      case "cancel":
      case "delete":
        return Kind.BATCH;
      case "resultsStreaming":
        return Kind.BATCH_RESULTS;
      default:
        return null;
    }
  }

  String spanName() {
    return spanName;
  }

  Kind kind() {
    return kind;
  }

  boolean beta() {
    return beta;
  }

  /** Model calls are chat spans; the other operations are not model calls (MLflow: UNKNOWN). */
  SpanType spanType() {
    return kind == Kind.CREATE || kind == Kind.STREAM ? SpanType.CHAT_MODEL : SpanType.UNKNOWN;
  }

  boolean isStream() {
    return kind == Kind.STREAM || kind == Kind.BATCH_RESULTS;
  }

  @Override
  public String toString() {
    return spanName + (beta ? " (beta)" : "");
  }
}

package dev.tracelight.server;

import java.util.Map;

/**
 * One instrumentation convention (OpenTelemetry GenAI, OpenInference, OpenLLMetry) read as
 * MLflow's reserved span attributes, so spans from other languages' libraries render as chat
 * spans with token usage. {@link SpanEnrichment} adds what a span lacks; originals stay.
 */
interface SpanConvention {

  /**
   * The MLflow attributes ({@code mlflow.spanType}, {@code mlflow.spanInputs}, ...) that the
   * span's attributes imply, values as JSON text; empty when the span does not follow this
   * convention. Never throws for odd values: what cannot be read is not derived.
   */
  Map<String, String> derive(SpanAttributes attributes);
}

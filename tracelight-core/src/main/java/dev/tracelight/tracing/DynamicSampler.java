package dev.tracelight.tracing;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.util.List;

/**
 * Samples new traces by trace-id ratio, a ratio that can change at run time; spans inside a trace
 * follow their parent's decision, so a trace is always whole or absent.
 */
final class DynamicSampler implements Sampler {
  private volatile Sampler delegate = Sampler.parentBased(Sampler.alwaysOn());
  private volatile double ratio = 1.0;

  void setRatio(double ratio) {
    this.ratio = ratio;
    Sampler root =
        ratio >= 1.0 ? Sampler.alwaysOn() : ratio <= 0 ? Sampler.alwaysOff() : Sampler.traceIdRatioBased(ratio);
    this.delegate = Sampler.parentBased(root);
  }

  @Override
  public SamplingResult shouldSample(
      Context parentContext,
      String traceId,
      String name,
      SpanKind spanKind,
      Attributes attributes,
      List<LinkData> parentLinks) {
    return delegate.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
  }

  @Override
  public String getDescription() {
    return "TracelightSampler{ratio=" + ratio + "}";
  }
}

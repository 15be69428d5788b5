package dev.tracelight.anthropic;

import dev.tracelight.tracing.AutologIntegration;

/**
 * Lets {@code Tracelight.autolog()} and {@code Tracelight.autolog(false)} switch Anthropic tracing
 * together with every other integration. Found through {@link java.util.ServiceLoader}; not meant
 * to be used directly.
 */
public final class AnthropicAutologIntegration implements AutologIntegration {

  /** For {@link java.util.ServiceLoader}. */
  public AnthropicAutologIntegration() {}

  @Override
  public String name() {
    return "anthropic";
  }

  @Override
  public boolean enable() {
    return AnthropicTracing.autolog();
  }

  @Override
  public void disable() {
    AnthropicTracing.disable();
  }
}

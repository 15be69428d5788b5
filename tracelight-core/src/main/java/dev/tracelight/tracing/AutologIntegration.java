package dev.tracelight.tracing;

/**
 * A library integration that {@link Tracelight#autolog(boolean)} switches on and off, such as
 * Anthropic's. Implementations register through {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/dev.tracelight.tracing.AutologIntegration} file), so adding an
 * integration's jar is enough for {@code Tracelight.autolog()} to find it.
 */
public interface AutologIntegration {

  /** A short name for logs, e.g. {@code "anthropic"}. */
  String name();

  /** Turns tracing on; returns false (after logging why) when it cannot be. */
  boolean enable();

  /** Turns tracing off. */
  void disable();
}

package dev.tracelight.tracing;

/**
 * Changes or drops finished spans before they are kept in memory or exported, e.g. to mask personal
 * data. Runs on the thread that ends a trace's root span, for each of the trace's spans; keep it
 * fast. A processor that throws is logged and skipped for that span.
 *
 * <pre>{@code
 * Tracelight.configure(TracelightConfig.builder()
 *     .addSpanProcessor(span -> span.toBuilder()
 *         .setInputs(mask(span.inputs()))
 *         .removeAttribute("user.email")
 *         .build())
 *     .build());
 * }</pre>
 */
@FunctionalInterface
public interface SpanProcessor {

  /**
   * Returns the span to keep: {@code span} itself, a changed copy made with
   * {@link Span#toBuilder()}, or null to drop it. Dropping a trace's root span drops the trace;
   * the children of a dropped span are attached to its parent.
   */
  @Nullable
  Span process(Span span);
}

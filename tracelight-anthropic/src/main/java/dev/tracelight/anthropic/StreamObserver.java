package dev.tracelight.anthropic;

import dev.tracelight.tracing.LiveSpan;

/** Watches the items of a traced stream and records what they add up to when it ends. */
interface StreamObserver {

  /** Called for each item the caller receives, on the thread that receives it. */
  void onItem(Object item);

  /** Whether the stream reached its natural end (e.g. {@code message_stop}). */
  boolean sawEnd();

  /** Records the outcome on the span (it is ended by the caller). */
  void record(LiveSpan span, boolean complete);
}

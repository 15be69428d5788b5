package dev.tracelight.tracing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Runs the configured {@link SpanProcessor}s over a finished trace's spans. */
final class SpanProcessing {
  private static final Logger logger = Logger.getLogger(SpanProcessing.class.getName());

  private SpanProcessing() {}

  /**
   * The processed spans, or null when the root span was dropped (the whole trace is dropped then).
   * Children of a dropped span are attached to its nearest kept ancestor.
   */
  @Nullable
  static List<Span> apply(List<Span> spans, String rootSpanId, List<SpanProcessor> processors) {
    if (processors.isEmpty()) {
      return spans;
    }
    Map<String, String> parentOf = new HashMap<>();
    Map<String, Span> kept = new HashMap<>();
    for (Span span : spans) {
      parentOf.put(span.spanId(), span.parentSpanId());
      Span processed = process(span, processors);
      if (processed == null && span.spanId().equals(rootSpanId)) {
        return null;
      }
      if (processed != null) {
        kept.put(span.spanId(), processed);
      }
    }
    List<Span> result = new ArrayList<>(kept.size());
    for (Span span : spans) {
      Span processed = kept.get(span.spanId());
      if (processed == null) {
        continue;
      }
      String parent = processed.parentSpanId();
      while (parent != null && !kept.containsKey(parent) && parentOf.containsKey(parent)) {
        parent = parentOf.get(parent); // skip dropped ancestors
      }
      result.add(parent == null ? processed : processed.toBuilder().setParentSpanId(parent).build());
    }
    return result;
  }

  @Nullable
  private static Span process(Span span, List<SpanProcessor> processors) {
    Span current = span;
    for (SpanProcessor processor : processors) {
      try {
        current = processor.process(current);
      } catch (RuntimeException e) {
        logger.log(Level.WARNING, "Span processor " + processor + " failed on span '"
            + current.name() + "'; skipping it for this span", e);
      }
      if (current == null) {
        return null;
      }
    }
    return current;
  }
}

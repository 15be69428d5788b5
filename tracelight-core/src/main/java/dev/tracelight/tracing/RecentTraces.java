package dev.tracelight.tracing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The most recently finished traces, kept in memory so {@code getTrace} works without a server. */
final class RecentTraces {
  static final int DEFAULT_CAPACITY = 1000;

  private final Map<String, Trace> traces;

  RecentTraces(int capacity) {
    this.traces =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Trace> eldest) {
            return size() > capacity;
          }
        };
  }

  synchronized void put(Trace trace) {
    traces.put(trace.info().traceId(), trace);
  }

  /** Replaces a trace only if it is still remembered (an export may finish after eviction). */
  synchronized void update(Trace exported) {
    // Keep spans that arrived late while the export ran; take the exported info (experiment id).
    traces.computeIfPresent(
        exported.info().traceId(), (id, old) -> Trace.create(exported.info(), old.data()));
  }

  /** Adds a span that ended after its trace was assembled; returns the updated trace, if kept. */
  synchronized Optional<Trace> appendSpan(Span span) {
    Trace trace = traces.get(span.traceId());
    if (trace == null) {
      return Optional.empty();
    }
    List<Span> spans = new ArrayList<>(trace.data().spans());
    spans.add(span);
    Trace updated = Trace.create(trace.info(), TraceData.create(spans));
    traces.put(span.traceId(), updated);
    return Optional.of(updated);
  }

  synchronized void remove(String traceId) {
    traces.remove(traceId);
  }

  synchronized Optional<Trace> get(String traceId) {
    return Optional.ofNullable(traces.get(traceId));
  }
}

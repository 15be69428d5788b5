package dev.tracelight.tracing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The most recently finished traces, kept in memory so {@code getTrace} works without a server.
 * Holds them as {@link PendingTrace}s: reading one assembles it if the export worker has not yet.
 */
final class RecentTraces {
  static final int DEFAULT_CAPACITY = 1000;

  private final Map<String, PendingTrace> traces;

  RecentTraces(int capacity) {
    this.traces =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, PendingTrace> eldest) {
            return size() > capacity;
          }
        };
  }

  synchronized void put(PendingTrace trace) {
    traces.put(trace.traceId(), trace);
  }

  /** Takes the exported info (experiment id) while keeping spans that arrived late meanwhile. */
  void update(Trace exported) {
    PendingTrace current;
    synchronized (this) {
      current = traces.get(exported.info().traceId());
    }
    Trace kept = current == null ? null : current.trace();
    if (kept != null) {
      synchronized (this) {
        traces.computeIfPresent(exported.info().traceId(),
            (id, old) -> PendingTrace.ready(Trace.create(exported.info(), kept.data())));
      }
    }
  }

  /** Adds a span that ended after its trace was assembled; returns the updated trace, if kept. */
  Optional<Trace> appendSpan(Span span) {
    PendingTrace current;
    synchronized (this) {
      current = traces.get(span.traceId());
    }
    Trace trace = current == null ? null : current.trace();
    if (trace == null) {
      return Optional.empty();
    }
    List<Span> spans = new ArrayList<>(trace.data().spans());
    spans.add(span);
    Trace updated = Trace.create(trace.info(), TraceData.create(spans));
    synchronized (this) {
      traces.put(span.traceId(), PendingTrace.ready(updated));
    }
    return Optional.of(updated);
  }

  synchronized void remove(String traceId) {
    traces.remove(traceId);
  }

  /** The trace, assembled now if needed. Assembly runs outside the lock. */
  Optional<Trace> get(String traceId) {
    PendingTrace pending;
    synchronized (this) {
      pending = traces.get(traceId);
    }
    return pending == null ? Optional.empty() : Optional.ofNullable(pending.trace());
  }
}

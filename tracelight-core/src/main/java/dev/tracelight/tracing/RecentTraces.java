package dev.tracelight.tracing;

import java.util.LinkedHashMap;
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
  synchronized void update(Trace trace) {
    traces.computeIfPresent(trace.info().traceId(), (id, old) -> trace);
  }

  synchronized Optional<Trace> get(String traceId) {
    return Optional.ofNullable(traces.get(traceId));
  }
}

package dev.tracelight.testkit;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Everything a {@link FakeMlflowServer} remembers, kept apart from its sockets so that a stop and
 * restart on the same port loses nothing. Each part is thread-safe on its own.
 */
final class ServerState {

  private final ExperimentRegistry experiments = new ExperimentRegistry();
  private final TraceStore traces = new TraceStore();
  private final ArtifactRoutes artifacts = new ArtifactRoutes();
  private final RequestLog log = new RequestLog();
  private final FailureScript failures = new FailureScript();
  private final ResponseGate gate = new ResponseGate();
  private final Map<MlflowRoute, AtomicInteger> counts;

  ServerState() {
    Map<MlflowRoute, AtomicInteger> counts = new EnumMap<>(MlflowRoute.class);
    for (MlflowRoute route : MlflowRoute.values()) {
      counts.put(route, new AtomicInteger());
    }
    // Filled once, then only read: the counters themselves carry the concurrency.
    this.counts = Collections.unmodifiableMap(counts);
  }

  ExperimentRegistry experiments() {
    return experiments;
  }

  TraceStore traces() {
    return traces;
  }

  ArtifactRoutes artifacts() {
    return artifacts;
  }

  RequestLog log() {
    return log;
  }

  FailureScript failures() {
    return failures;
  }

  ResponseGate gate() {
    return gate;
  }

  Map<MlflowRoute, AtomicInteger> counts() {
    return counts;
  }
}

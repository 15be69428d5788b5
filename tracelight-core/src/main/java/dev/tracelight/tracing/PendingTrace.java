package dev.tracelight.tracing;

import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A finished trace whose assembly (span conversion, deferred JSON, trace info) may not have run
 * yet. The traced call only captures the spans; whoever needs the trace first (the export worker,
 * or {@code getTrace}) assembles it, once, so that work stays off the traced call's path.
 */
final class PendingTrace {
  private static final Logger logger = Logger.getLogger(PendingTrace.class.getName());

  private final String traceId;
  @Nullable private final String experimentId;
  @Nullable private Supplier<Trace> assembly; // guarded by this
  @Nullable private volatile Trace trace;
  private volatile boolean failed;

  private PendingTrace(String traceId, @Nullable String experimentId, @Nullable Supplier<Trace> assembly,
      @Nullable Trace trace) {
    this.traceId = traceId;
    this.experimentId = experimentId;
    this.assembly = assembly;
    this.trace = trace;
  }

  static PendingTrace ready(Trace trace) {
    return new PendingTrace(trace.info().traceId(), trace.info().experimentId(), null, trace);
  }

  static PendingTrace deferred(String traceId, @Nullable String experimentId, Supplier<Trace> assembly) {
    return new PendingTrace(traceId, experimentId, assembly, null);
  }

  String traceId() {
    return traceId;
  }

  /** The experiment known when the trace finished, or null. */
  @Nullable
  String experimentId() {
    return experimentId;
  }

  /** The assembled trace, assembling it now if nobody has; null if assembly failed (logged). */
  @Nullable
  Trace trace() {
    Trace t = trace;
    if (t != null || failed) {
      return t;
    }
    synchronized (this) {
      if (trace == null && !failed) {
        try {
          trace = assembly.get();
        } catch (RuntimeException e) {
          failed = true;
          logger.log(Level.WARNING, "Tracelight could not assemble trace " + traceId, e);
        }
        assembly = null;
      }
      return trace;
    }
  }
}

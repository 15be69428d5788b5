package dev.tracelight.tracing;

import java.util.List;

/**
 * Where finished traces go. Called from the export worker only, one batch at a time; it may block.
 * Later additions arrive as default methods.
 */
interface TraceExporter {

  /** Exports a batch; failures are handled (retried, logged, counted) inside, never thrown. */
  void export(List<ExportItem> items);

  /** Releases resources; called once at shutdown. */
  default void shutdown() {}
}

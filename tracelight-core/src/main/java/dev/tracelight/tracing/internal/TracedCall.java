package dev.tracelight.tracing.internal;

import dev.tracelight.tracing.LiveSpan;
import io.opentelemetry.context.Scope;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/** One traced call in flight: its span and the scope that makes the span current. */
final class TracedCall {
  private final LiveSpan span;
  private final Scope scope;
  private final boolean returnsVoid;

  TracedCall(LiveSpan span, Scope scope, boolean returnsVoid) {
    this.span = span;
    this.scope = scope;
    this.returnsVoid = returnsVoid;
  }

  /** Called on the method's thread as it returns or throws. */
  void exit(Object returned, Throwable thrown) {
    // First restore the caller's context: whatever happens next, the thread must not keep this span.
    try {
      scope.close();
    } catch (Throwable t) {
      TracedHooks.failed(t);
    }
    TracedHooks.guarded(() -> finish(returned, thrown));
  }

  private void finish(Object returned, Throwable thrown) {
    try {
      if (thrown != null) {
        span.recordException(thrown);
      } else if (returned instanceof CompletionStage) {
        // The caller keeps its own instance; this only observes it, and ends the span later.
        ((CompletionStage<?>) returned).whenComplete(this::completed);
        return;
      } else if (!returnsVoid) {
        span.setOutputs(returned);
      }
    } catch (Throwable t) {
      TracedHooks.failed(t);
    }
    span.end();
  }

  private void completed(Object value, Throwable error) {
    TracedHooks.guarded(
        () -> {
          try {
            if (error != null) {
              span.recordException(unwrap(error));
            } else {
              span.setOutputs(value);
            }
          } finally {
            span.end();
          }
        });
  }

  /** A dependent stage sees the failure wrapped; record what the code actually threw. */
  private static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}

package dev.tracelight.anthropic;

import io.opentelemetry.context.Context;
import java.util.concurrent.Executor;

/**
 * Runs the SDK's completion of an async call in the caller's context, so callbacks the caller chains
 * on the returned future ({@code thenApply}, {@code thenCompose}, ...) see the caller's current span,
 * as if they continued on the calling thread. The task runs at once, on the completing thread.
 */
final class CallbackContext {
  private CallbackContext() {}

  static Executor of(Context callerContext) {
    return task -> callerContext.wrap(task).run();
  }
}

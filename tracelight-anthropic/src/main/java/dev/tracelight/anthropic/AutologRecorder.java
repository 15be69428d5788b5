package dev.tracelight.anthropic;

import dev.tracelight.anthropic.internal.AutologCallback;
import dev.tracelight.tracing.LiveSpan;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.CompletableFuture;

/**
 * What autolog does at the SDK's raw-response layer: start the span (current for the duration of
 * the HTTP exchange, so the SDK's own OpenTelemetry spans nest under it), then end it with the parsed
 * result, for blocking calls, futures and streams alike. Async streams are also seen one layer up,
 * where the SDK builds the {@code AsyncStreamResponse}, to run their callbacks in the caller's context.
 */
final class AutologRecorder implements AutologCallback {
  static final AutologRecorder INSTANCE = new AutologRecorder();

  private AutologRecorder() {}

  private static final class Call {
    final Operation operation;
    final LiveSpan span;
    final Context callerContext;
    final Scope scope;

    Call(Operation operation, LiveSpan span, Context callerContext, Scope scope) {
      this.operation = operation;
      this.span = span;
      this.callerContext = callerContext;
      this.scope = scope;
    }
  }

  /** An async stream asked for at the parsed layer: only its callbacks' context is ours to set. */
  private static final class AsyncStreamCall {
    final Context callerContext;

    AsyncStreamCall(Context callerContext) {
      this.callerContext = callerContext;
    }
  }

  @Override
  public Object enter(String type, String method, Object params) {
    if (AnthropicSpanRecorder.isRecording()) {
      return null;
    }
    if (AutologInstaller.isAsyncStreamService(type)) {
      // The span is recorded below, at the raw-response layer this call goes through next.
      return new AsyncStreamCall(Context.current());
    }
    Operation operation = Operation.of(type, method);
    if (operation == null) {
      return null;
    }
    Context callerContext = Context.current();
    LiveSpan span = AnthropicSpanRecorder.start(operation, params);
    AnthropicSpanRecorder.setRecording(true);
    return new Call(operation, span, callerContext, span.makeCurrent());
  }

  @Override
  public Object exit(Object handle, Object returned, Throwable thrown) {
    if (handle instanceof AsyncStreamCall) {
      return thrown != null
          ? returned
          : CallerContextAsyncStream.wrap(returned, ((AsyncStreamCall) handle).callerContext);
    }
    Call call = (Call) handle;
    call.scope.close();
    AnthropicSpanRecorder.setRecording(false);
    if (thrown != null) {
      AnthropicSpanRecorder.fail(call.span, thrown);
      return returned;
    }
    if (returned instanceof CompletableFuture) {
      return ((CompletableFuture<?>) returned)
          .whenComplete((value, error) -> {
            if (error != null) {
              AnthropicSpanRecorder.fail(call.span, error);
            }
          })
          // Completing in the caller's context lets the caller's callbacks nest under its span.
          .thenApplyAsync(
              response -> AnthropicSpanRecorder.onResult(call.operation, call.span, response),
              CallbackContext.of(call.callerContext));
    }
    return AnthropicSpanRecorder.onResult(call.operation, call.span, returned);
  }
}

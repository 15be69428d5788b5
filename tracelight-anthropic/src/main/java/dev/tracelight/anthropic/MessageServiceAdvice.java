package dev.tracelight.anthropic;

import dev.tracelight.anthropic.internal.AutologHooks;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Advice inlined into the SDK's {@code *MessageService*Impl$WithRawResponseImpl} methods: the one
 * place every messages call passes, above the retry loop, for parsed and raw-response calls alike.
 * Also inlined into the async services' {@code createStreaming}/{@code resultsStreaming}, where the
 * SDK builds the {@code AsyncStreamResponse}. Anything thrown here is suppressed so the SDK call is
 * never affected.
 */
final class MessageServiceAdvice {
  private MessageServiceAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static Object enter(
      @Advice.Origin("#t") String type,
      @Advice.Origin("#m") String method,
      @Advice.Argument(0) Object params) {
    return AutologHooks.enter(type, method, params);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter Object handle,
      @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object returned,
      @Advice.Thrown Throwable thrown) {
    if (handle != null) {
      returned = AutologHooks.exit(handle, returned, thrown);
    }
  }
}

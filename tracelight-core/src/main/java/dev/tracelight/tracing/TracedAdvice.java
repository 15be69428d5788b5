package dev.tracelight.tracing;

import dev.tracelight.tracing.internal.TracedHooks;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Advice inlined into every {@code @Traced} method. What the annotation says (span name, type,
 * parameter names) is resolved once, when the class is transformed, and baked into the method as
 * constants ({@link TracedTransformation} binds the annotations below), so a call costs no
 * reflection. Anything thrown here is suppressed: the method runs as it would untraced.
 */
final class TracedAdvice {
  private TracedAdvice() {}

  /** Bound to the span name: {@link Traced#name()}, or the method's name. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.PARAMETER)
  @interface SpanName {}

  /** Bound to {@link Traced#spanType()}. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.PARAMETER)
  @interface SpanKind {}

  /** Bound to the parameter names joined by commas. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.PARAMETER)
  @interface ParameterNames {}

  /** Bound to whether the method is {@code void}, which records no outputs. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.PARAMETER)
  @interface ReturnsVoid {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static Object enter(
      @SpanName String name,
      @SpanKind String spanType,
      @ParameterNames String parameters,
      @ReturnsVoid boolean returnsVoid,
      @Advice.AllArguments Object[] args) {
    return TracedHooks.enter(name, spanType, parameters, returnsVoid, args);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter Object call,
      @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object returned,
      @Advice.Thrown Throwable thrown) {
    if (call != null) {
      TracedHooks.exit(call, returned, thrown);
    }
  }
}

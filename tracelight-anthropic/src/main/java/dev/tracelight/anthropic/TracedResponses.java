package dev.tracelight.anthropic;

import com.anthropic.core.http.HttpResponseFor;
import dev.tracelight.tracing.LiveSpan;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Wraps the SDK's raw {@link HttpResponseFor} so the span ends with the parsed result: when
 * {@code parse()} returns (a stream then stays traced until consumed) or throws, or, for
 * raw-response users who only read the body, on {@code close()}. A dynamic proxy keeps every other
 * method, present and future, untouched.
 */
final class TracedResponses {
  private TracedResponses() {}

  static Object wrap(HttpResponseFor<?> response, Operation operation, LiveSpan span) {
    return Proxy.newProxyInstance(
        HttpResponseFor.class.getClassLoader(),
        new Class<?>[] {HttpResponseFor.class},
        new Handler(response, operation, span));
  }

  private static final class Handler implements InvocationHandler {
    private final Object delegate;
    private final Operation operation;
    private final LiveSpan span;
    private final AtomicBoolean recorded = new AtomicBoolean();

    Handler(Object delegate, Operation operation, LiveSpan span) {
      this.delegate = delegate;
      this.operation = operation;
      this.span = span;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      if (name.equals("parse") && method.getParameterCount() == 0) {
        return parse(method);
      }
      try {
        return method.invoke(delegate, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      } finally {
        if (name.equals("close") && method.getParameterCount() == 0
            && recorded.compareAndSet(false, true)) {
          span.end(); // body read directly, never parsed: end with what we know
        }
      }
    }

    private Object parse(Method method) throws Throwable {
      Object result;
      try {
        result = method.invoke(delegate);
      } catch (InvocationTargetException e) {
        if (recorded.compareAndSet(false, true)) {
          AnthropicSpanRecorder.fail(span, e.getCause());
        }
        throw e.getCause();
      }
      return recorded.compareAndSet(false, true)
          ? AnthropicSpanRecorder.onResult(operation, span, result)
          : result;
    }
  }
}

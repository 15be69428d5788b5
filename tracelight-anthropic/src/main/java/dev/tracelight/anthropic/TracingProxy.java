package dev.tracelight.anthropic;

import com.anthropic.core.ClientOptions;
import dev.tracelight.tracing.LiveSpan;
import dev.tracelight.tracing.Nullable;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The decorator behind {@code AnthropicTracing.wrap(client)}: a dynamic proxy over the SDK's client
 * and service interfaces. Navigation methods ({@code messages()}, {@code async()},
 * {@code withOptions(...)}) return proxies in turn; traced methods record through
 * {@link AnthropicSpanRecorder}. Proxying the interfaces rather than hand-writing decorators keeps
 * working when the SDK adds methods.
 */
final class TracingProxy implements InvocationHandler {
  private final Object delegate;
  /** The client's completion executor, to run async completions in the caller's context. */
  @Nullable private final Executor completionExecutor;

  private TracingProxy(Object delegate, @Nullable Executor completionExecutor) {
    this.delegate = delegate;
    this.completionExecutor = completionExecutor;
  }

  @SuppressWarnings("unchecked")
  static <T> T wrap(T delegate, Class<T> type, @Nullable Executor completionExecutor) {
    if (delegate == null || Proxy.isProxyClass(delegate.getClass())
        && Proxy.getInvocationHandler(delegate) instanceof TracingProxy) {
      return delegate;
    }
    return (T) Proxy.newProxyInstance(
        type.getClassLoader(), new Class<?>[] {type}, new TracingProxy(delegate, completionExecutor));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    String declaring = method.getDeclaringClass().getName();
    if (declaring.equals("java.lang.Object")) {
      return invokeObjectMethod(proxy, method, args);
    }
    Operation operation = Operation.of(declaring, method.getName());
    if (operation != null && !AnthropicSpanRecorder.isRecording()) {
      return trace(operation, declaring.endsWith("$WithRawResponse"), method, args);
    }
    return wrapNavigation(method, call(delegate, method, args));
  }

  private Object trace(Operation operation, boolean raw, Method method, Object[] args)
      throws Throwable {
    Context callerContext = Context.current();
    boolean future = CompletableFuture.class.isAssignableFrom(method.getReturnType());
    Object target = future && !raw ? inCallerContext(callerContext) : delegate;
    LiveSpan span = AnthropicSpanRecorder.start(operation, args == null ? null : args[0]);
    Object result = invokeRecorded(span, target, method, args);
    if (!(result instanceof CompletableFuture)) {
      // An async stream calls back on the SDK's thread: in the caller's context, as futures do.
      return CallerContextAsyncStream.wrap(
          AnthropicSpanRecorder.onResult(operation, span, result), callerContext);
    }
    CompletableFuture<?> pending = (CompletableFuture<?>) result;
    if (raw) {
      // A raw response must be wrapped to see its parse, so this future is a new one.
      return pending.whenComplete((value, error) -> {
        if (error != null) {
          AnthropicSpanRecorder.fail(span, error);
        }
      }).thenApply(response -> AnthropicSpanRecorder.onResult(operation, span, response));
    }
    // Observe the caller's own future; returning it unchanged keeps identity and cancellation.
    pending.whenComplete((value, error) -> {
      if (error != null) {
        AnthropicSpanRecorder.fail(span, error);
      } else {
        AnthropicSpanRecorder.onResult(operation, span, value);
      }
    });
    return pending;
  }

  /** Calls the SDK with the span current; a failure ends the span and is rethrown as is. */
  private static Object invokeRecorded(LiveSpan span, Object target, Method method, Object[] args)
      throws Throwable {
    try (Scope ignored = span.makeCurrent()) {
      AnthropicSpanRecorder.setRecording(true);
      return call(target, method, args);
    } catch (Throwable t) {
      AnthropicSpanRecorder.fail(span, t);
      throw t;
    } finally {
      AnthropicSpanRecorder.setRecording(false);
    }
  }

  /**
   * The async service with its completion executor running tasks in the caller's context, so
   * callbacks the caller chains on the returned future see the caller's span. The service itself
   * when that cannot be arranged.
   */
  private Object inCallerContext(Context callerContext) {
    if (completionExecutor == null) {
      return delegate;
    }
    try {
      Method withOptions = delegate.getClass().getMethod("withOptions", Consumer.class);
      Executor inContext = callerContext.wrap(completionExecutor);
      Consumer<ClientOptions.Builder> options = b -> b.completionExecutor(inContext);
      return withOptions.invoke(delegate, options);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return delegate;
    }
  }

  private Object invokeObjectMethod(Object proxy, Method method, Object[] args) throws Throwable {
    switch (method.getName()) {
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      case "toString":
        return "Traced(" + delegate + ")";
      default:
        return call(delegate, method, args);
    }
  }

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause(); // the caller sees exactly what the SDK threw
    }
  }

  /** Client and service objects are wrapped too, so calls reached through them are traced. */
  private Object wrapNavigation(Method method, Object result) {
    Class<?> type = method.getReturnType();
    if (result == null || !type.isInterface() || !isSdkNavigationType(type.getName())) {
      return result;
    }
    return wrapAs(result, type);
  }

  @SuppressWarnings("unchecked")
  private <T> T wrapAs(Object result, Class<T> type) {
    return wrap((T) result, type, completionExecutor);
  }

  private static boolean isSdkNavigationType(String name) {
    return name.startsWith("com.anthropic.client.") || name.startsWith("com.anthropic.services.");
  }

  @Override
  public String toString() {
    return "TracingProxy{" + delegate + "}";
  }
}

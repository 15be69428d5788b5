package dev.tracelight.anthropic;

import com.anthropic.services.async.MessageServiceAsync;
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

/**
 * The decorator behind {@code AnthropicTracing.wrap(client)}: a dynamic proxy over the SDK's client
 * and service interfaces. Navigation methods ({@code messages()}, {@code async()},
 * {@code withOptions(...)}) return proxies in turn; traced methods record through
 * {@link AnthropicSpanRecorder}. Proxying the interfaces rather than hand-writing decorators keeps
 * working when the SDK adds methods.
 */
final class TracingProxy implements InvocationHandler {
  private static final String SYNC_MESSAGES = "com.anthropic.services.blocking.MessageService";
  private static final String ASYNC_MESSAGES = "com.anthropic.services.async.MessageServiceAsync";

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
    if (method.getName().equals("create") && args != null && args.length >= 1) {
      if (declaring.equals(SYNC_MESSAGES)) {
        return traceSync("Messages.create", method, args);
      }
      if (declaring.equals(ASYNC_MESSAGES)) {
        return traceAsync("AsyncMessages.create", method, args);
      }
    }
    return wrapNavigation(method, call(delegate, method, args));
  }

  private Object traceSync(String spanName, Method method, Object[] args) throws Throwable {
    if (AnthropicSpanRecorder.isRecording()) {
      return call(delegate, method, args);
    }
    LiveSpan span = AnthropicSpanRecorder.startCreate(spanName, args[0]);
    Object result = invokeRecorded(span, delegate, method, args);
    AnthropicSpanRecorder.finish(span, result);
    return result;
  }

  private Object traceAsync(String spanName, Method method, Object[] args) throws Throwable {
    if (AnthropicSpanRecorder.isRecording()) {
      return call(delegate, method, args);
    }
    Object service = inCallerContext(Context.current());
    LiveSpan span = AnthropicSpanRecorder.startCreate(spanName, args[0]);
    Object result = invokeRecorded(span, service, method, args);
    if (result instanceof CompletableFuture) {
      // Observe the caller's own future; returning it unchanged keeps identity and cancellation.
      ((CompletableFuture<?>) result).whenComplete((value, error) -> {
        if (error != null) {
          AnthropicSpanRecorder.fail(span, error);
        } else {
          AnthropicSpanRecorder.finish(span, value);
        }
      });
    } else {
      AnthropicSpanRecorder.finish(span, result);
    }
    return result;
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
    if (completionExecutor == null || !(delegate instanceof MessageServiceAsync)) {
      return delegate;
    }
    try {
      Executor inContext = callerContext.wrap(completionExecutor);
      return ((MessageServiceAsync) delegate).withOptions(b -> b.completionExecutor(inContext));
    } catch (RuntimeException | LinkageError e) {
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
    return (name.startsWith("com.anthropic.client.") || name.startsWith("com.anthropic.services."))
        && !name.endsWith("$WithRawResponse"); // raw responses are traced in a later step
  }

  @Override
  public String toString() {
    return "TracingProxy{" + delegate + "}";
  }
}

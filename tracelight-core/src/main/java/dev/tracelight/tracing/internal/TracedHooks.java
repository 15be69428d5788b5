package dev.tracelight.tracing.internal;

import dev.tracelight.tracing.LiveSpan;
import dev.tracelight.tracing.SpanType;
import dev.tracelight.tracing.Tracelight;
import io.opentelemetry.context.Scope;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The static entry points the {@code @Traced} advice calls from inside user classes. Public only
 * because the advice is inlined into those classes; not an API: do not use it from outside
 * {@code tracelight-core}. Nothing here throws, and the advice suppresses anything that would, so
 * the traced method returns or throws exactly what it would untraced.
 */
public final class TracedHooks {
  private static final Logger logger = Logger.getLogger(TracedHooks.class.getName());
  private static final AtomicBoolean warned = new AtomicBoolean();

  /**
   * Set while tracing code runs on this thread. Serializing an argument or a result can run user
   * code (a getter, a {@code toString}); a traced method reached that way is not traced again,
   * which would record stray spans or recurse.
   */
  private static final ThreadLocal<boolean[]> busy = ThreadLocal.withInitial(() -> new boolean[1]);

  /** Parameter names per method, keyed by the comma-joined names the advice passes. */
  private static final ConcurrentMap<String, String[]> parameterNames = new ConcurrentHashMap<>();

  private TracedHooks() {}

  /**
   * Starts the span of a traced call and makes it current; returns the handle for
   * {@link #exit}, or null when the call is not traced.
   *
   * @param parameters the parameter names joined by commas, {@code arg0,arg1,...} when the class
   *     has no names
   */
  public static Object enter(
      String name, String spanType, String parameters, boolean returnsVoid, Object[] args) {
    boolean[] inside = busy.get();
    if (inside[0]) {
      return null;
    }
    inside[0] = true;
    try {
      LiveSpan span = Tracelight.startDetachedSpan(name, type(spanType));
      try {
        span.setInputs(inputs(parameters, args));
      } catch (Throwable t) { // e.g. an argument whose toString throws: trace the call without inputs
        failed(t);
      }
      return new TracedCall(span, current(span), returnsVoid);
    } catch (Throwable t) {
      failed(t);
      return null;
    } finally {
      inside[0] = false;
    }
  }

  /**
   * Ends the call's scope and records its outcome: the returned value, the thrown exception, or,
   * for a {@code CompletionStage}, whatever it completes with later.
   */
  public static void exit(Object call, Object returned, Throwable thrown) {
    if (call instanceof TracedCall) {
      ((TracedCall) call).exit(returned, thrown);
    }
  }

  /** Runs tracing work on this thread with the re-entrancy guard set; never throws. */
  static void guarded(Runnable work) {
    boolean[] inside = busy.get();
    boolean outer = !inside[0];
    inside[0] = true;
    try {
      work.run();
    } catch (Throwable t) {
      failed(t);
    } finally {
      if (outer) {
        inside[0] = false;
      }
    }
  }

  /** Logs a failure inside tracing: the first one as a warning, later ones at a fine level. */
  static void failed(Throwable t) {
    if (warned.compareAndSet(false, true)) {
      logger.log(
          Level.WARNING,
          "Tracelight could not record a @Traced call; the call itself is unaffected"
              + " (further failures are logged at FINE)",
          t);
    } else {
      logger.log(Level.FINE, "Tracelight could not record a @Traced call", t);
    }
  }

  private static Scope current(LiveSpan span) {
    try {
      return span.makeCurrent();
    } catch (Throwable t) { // no scope, no call to finish: end the span now so its trace completes
      span.end();
      throw t;
    }
  }

  private static SpanType type(String spanType) {
    return spanType == null || spanType.isBlank() ? SpanType.UNKNOWN : SpanType.of(spanType);
  }

  private static Map<String, Object> inputs(String parameters, Object[] args) {
    Map<String, Object> inputs = new LinkedHashMap<>();
    if (args == null || args.length == 0) {
      return inputs; // MLflow records {} for a function without arguments
    }
    String[] names = parameterNames.computeIfAbsent(parameters, p -> p.split(",", -1));
    for (int i = 0; i < args.length; i++) {
      inputs.put(i < names.length && !names[i].isEmpty() ? names[i] : "arg" + i, args[i]);
    }
    return inputs;
  }
}

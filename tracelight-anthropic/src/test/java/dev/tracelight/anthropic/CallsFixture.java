package dev.tracelight.anthropic;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.AnthropicClientAsync;
import dev.tracelight.testkit.FakeAnthropicApi;
import dev.tracelight.tracing.Span;
import dev.tracelight.tracing.Trace;
import dev.tracelight.tracing.Tracelight;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A traced client of each kind for the per-row kits: through autolog (plain SDK clients) or through
 * wrap(). The kits run unchanged against both, proving both entry points record the same spans.
 */
interface CallsFixture {
  FakeAnthropicApi api();

  /** A blocking client whose calls are traced. */
  AnthropicClient client();

  /** An async client whose calls are traced. */
  AnthropicClientAsync asyncClient();

  /** Runs {@code call} and returns the trace it produced (waiting for spans ending elsewhere). */
  static Trace traceOf(ThrowingRunnable call) throws Exception {
    String before = Tracelight.lastActiveTraceId().orElse("");
    call.run();
    return awaitTraceAfter(before);
  }

  static Trace awaitTraceAfter(String before) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (Tracelight.lastActiveTraceId().orElse("").equals(before)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no trace was recorded");
      }
      Thread.sleep(2);
    }
    return Tracelight.getTrace(Tracelight.lastActiveTraceId().orElseThrow()).orElseThrow();
  }

  static Span only(Trace trace) {
    List<Span> spans = trace.data().spans();
    if (spans.size() != 1) {
      throw new AssertionError("expected one span, got " + spans);
    }
    return spans.get(0);
  }

  @FunctionalInterface
  interface ThrowingRunnable {
    void run() throws Exception;
  }
}

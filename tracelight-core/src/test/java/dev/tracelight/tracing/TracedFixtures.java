package dev.tracelight.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Classes with {@code @Traced} methods for {@link TracedIT}, and reading their traces back. */
final class TracedFixtures {
  private TracedFixtures() {}

  static String lastTraceId() {
    return Tracelight.lastActiveTraceId().orElse("");
  }

  /** The trace that finished last, which must differ from {@code before}. */
  static Trace newTrace(String before) {
    String id = Tracelight.lastActiveTraceId().orElseThrow();
    assertThat(id).as("a new trace").isNotEqualTo(before);
    return Tracelight.getTrace(id).orElseThrow();
  }

  /** The trace, once its root span has ended on whatever thread ends it. */
  static Trace awaitTrace(String traceId) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      Optional<Trace> trace = Tracelight.getTrace(traceId);
      if (trace.isPresent()) {
        return trace.get();
      }
      Thread.sleep(25);
    }
    throw new AssertionError("trace " + traceId + " did not finish");
  }

  static Span onlySpan(Trace trace) {
    assertThat(trace.data().spans()).hasSize(1);
    return trace.data().spans().get(0);
  }

  /** The MLflow id of the trace the current span belongs to, read from inside a traced method. */
  static String currentTraceId() {
    return TraceIds.mlflowTraceId(
        io.opentelemetry.api.trace.Span.current().getSpanContext().getTraceId());
  }

  static final class WeatherAgent {
    @Traced(name = "weather_agent", spanType = "AGENT")
    String answer(String question, int maxTools) {
      return forecast("Paris", 3) + " in " + units();
    }

    @Traced(spanType = "TOOL")
    static String forecast(String city, int days) {
      return "sunny in " + city + " for " + days + " days";
    }

    @Traced(name = "get_units", spanType = "TOOL")
    private String units() {
      return "celsius";
    }
  }

  static final class Failing {
    @Traced(spanType = "TOOL")
    static String rethrow(RuntimeException toThrow) {
      throw toThrow;
    }

    @Traced
    void readConfig(String path) throws IOException {
      throw new IOException("no such file: " + path);
    }
  }

  /** Returns a future the test completes later; records the trace id seen inside the call. */
  static final class Pending {
    final CompletableFuture<String> future = new CompletableFuture<>();
    volatile String traceId;

    @Traced(name = "fetch", spanType = "RETRIEVER")
    CompletableFuture<String> fetch(String key) {
      traceId = currentTraceId();
      return future;
    }

    @Traced
    CompletableFuture<String> failAsync() {
      traceId = currentTraceId();
      return CompletableFuture.supplyAsync(
          () -> {
            throw new IllegalArgumentException("bad key");
          });
    }
  }

  /**
   * Referenced only after the agent is installed, so it is woven as it loads rather than
   * retransformed. Not nested in the test class: JUnit loads those while discovering tests.
   */
  static final class LateLoaded {
    @Traced(name = "late", spanType = "PARSER")
    static int twice(int number) {
      return 2 * number;
    }
  }

  static final class Recursive {
    @Traced(spanType = "CHAIN")
    static long factorial(int n) {
      return n <= 1 ? 1 : n * factorial(n - 1);
    }
  }

  /** Jackson fails on its getter and, for good measure, its toString throws too. */
  static final class Hostile {
    public String getValue() {
      throw new IllegalStateException("getter refuses");
    }

    @Override
    public String toString() {
      throw new IllegalStateException("toString refuses");
    }
  }

  /** Jackson fails on its getter; its toString works. */
  static final class Opaque {
    public String getValue() {
      throw new IllegalStateException("getter refuses");
    }

    @Override
    public String toString() {
      return "Opaque!";
    }
  }

  /** Serializable, but its getter is traced: reached while recording inputs, it must not be. */
  static final class Report {
    @Traced
    public String getSummary() {
      return "all good";
    }
  }

  static final class Uses {
    @Traced(spanType = "TOOL")
    static String describe(Hostile thing, String label) {
      return "described " + label;
    }

    @Traced(spanType = "TOOL")
    static String inspect(Opaque thing) {
      return "inspected";
    }

    @Traced
    static String publish(Report report) {
      return "published";
    }

    @Traced(spanType = "my-custom-type")
    static void log(String message) {}
  }
}

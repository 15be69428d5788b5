package dev.tracelight.tracing;

import static dev.tracelight.tracing.TracedFixtures.awaitTrace;
import static dev.tracelight.tracing.TracedFixtures.lastTraceId;
import static dev.tracelight.tracing.TracedFixtures.newTrace;
import static dev.tracelight.tracing.TracedFixtures.onlySpan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracelight.tracing.TracedFixtures.Failing;
import dev.tracelight.tracing.TracedFixtures.Hostile;
import dev.tracelight.tracing.TracedFixtures.LateLoaded;
import dev.tracelight.tracing.TracedFixtures.Opaque;
import dev.tracelight.tracing.TracedFixtures.Pending;
import dev.tracelight.tracing.TracedFixtures.Recursive;
import dev.tracelight.tracing.TracedFixtures.Report;
import dev.tracelight.tracing.TracedFixtures.Uses;
import dev.tracelight.tracing.TracedFixtures.WeatherAgent;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.modifier.Ownership;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.FixedValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code @Traced} methods, woven by the agent {@link TracelightAgent#install()} attaches. */
class TracedIT {

  @BeforeAll
  static void installAgent() {
    assertThat(TracelightAgent.install()).isTrue();
    assertThat(TracelightAgent.instrumentation()).isPresent();
  }

  @Test
  void install_isIdempotent() {
    assertThat(TracelightAgent.install()).isTrue();
  }

  @Test
  void agentWithTwoTools_isOneTrace_withNamesTypesInputsAndOutputs() {
    String before = lastTraceId();

    String answer = new WeatherAgent().answer("weather in Paris?", 2);

    assertThat(answer).isEqualTo("sunny in Paris for 3 days in celsius");
    List<Span> spans = newTrace(before).data().spans();
    assertThat(spans).extracting(Span::name)
        .containsExactly("weather_agent", "forecast", "get_units");
    Span root = spans.get(0);
    assertThat(root.parentSpanId()).isNull();
    assertThat(root.spanType()).isEqualTo(SpanType.AGENT);
    assertThat(root.inputs()).isEqualTo(Map.of("question", "weather in Paris?", "maxTools", 2L));
    assertThat(root.outputs()).isEqualTo(answer);
    assertThat(root.status()).isEqualTo(SpanStatusCode.OK);
    for (Span tool : spans.subList(1, 3)) {
      assertThat(tool.parentSpanId()).isEqualTo(root.spanId());
      assertThat(tool.spanType()).isEqualTo(SpanType.TOOL);
    }
    assertThat(spans.get(1).inputs()).isEqualTo(Map.of("city", "Paris", "days", 3L));
    assertThat(spans.get(1).outputs()).isEqualTo("sunny in Paris for 3 days");
    assertThat(spans.get(2).inputs()).isEqualTo(Map.of()); // no arguments: {} as MLflow records
    assertThat(spans.get(2).outputs()).isEqualTo("celsius");
  }

  @Test
  void thrownException_reachesCallerAsTheSameInstance_andMarksSpan() {
    IllegalStateException boom = new IllegalStateException("boom");
    String before = lastTraceId();

    assertThatThrownBy(() -> Failing.rethrow(boom)).isSameAs(boom);

    Span span = onlySpan(newTrace(before));
    assertThat(span.status()).isEqualTo(SpanStatusCode.ERROR);
    assertThat(span.statusMessage()).isEqualTo("IllegalStateException: boom");
    assertThat(span.outputs()).isNull();
    assertThat(span.events()).singleElement().satisfies(e -> {
      assertThat(e.name()).isEqualTo("exception");
      assertThat(e.attributes()).containsEntry("exception.type", "java.lang.IllegalStateException")
          .containsEntry("exception.message", "boom");
    });
  }

  @Test
  void checkedException_isRethrownUnchanged() {
    String before = lastTraceId();

    assertThatThrownBy(() -> new Failing().readConfig("/etc/app.yaml"))
        .isExactlyInstanceOf(IOException.class)
        .hasMessage("no such file: /etc/app.yaml");

    Span span = onlySpan(newTrace(before));
    assertThat(span.name()).isEqualTo("readConfig");
    assertThat(span.spanType()).isEqualTo(SpanType.UNKNOWN);
    assertThat(span.inputs()).isEqualTo(Map.of("path", "/etc/app.yaml"));
    assertThat(span.statusMessage()).isEqualTo("IOException: no such file: /etc/app.yaml");
  }

  @Test
  void future_isReturnedAsTheSameInstance_andSpanEndsWhenItCompletesOnAnotherThread()
      throws Exception {
    Pending pending = new Pending();
    long calledAt = System.nanoTime();

    CompletableFuture<String> returned = pending.fetch("user-42");

    assertThat(returned).isSameAs(pending.future);
    assertThat(Tracelight.getTrace(pending.traceId)).isEmpty(); // still running
    Thread completer = new Thread(() -> {
      sleep(60);
      pending.future.complete("profile of user-42");
    });
    completer.start();
    completer.join();
    // The span lies inside [call, completion]; it must outlast the completer's sleep.
    long waitedMillis = (System.nanoTime() - calledAt) / 1_000_000;

    Span span = onlySpan(Tracelight.getTrace(pending.traceId).orElseThrow());
    assertThat(span.name()).isEqualTo("fetch");
    assertThat(span.spanType()).isEqualTo(SpanType.RETRIEVER);
    assertThat(span.inputs()).isEqualTo(Map.of("key", "user-42"));
    assertThat(span.outputs()).isEqualTo("profile of user-42");
    assertThat(span.status()).isEqualTo(SpanStatusCode.OK);
    long spanMillis = (span.endTimeUnixNano() - span.startTimeUnixNano()) / 1_000_000;
    assertThat(spanMillis).isBetween(59L, waitedMillis + 1);
  }

  @Test
  void futureCompletedExceptionally_marksSpan_withTheCauseNotTheWrapper() throws Exception {
    Pending pending = new Pending();

    CompletableFuture<String> returned = pending.failAsync();

    assertThatThrownBy(() -> returned.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseExactlyInstanceOf(IllegalArgumentException.class);
    Span span = onlySpan(awaitTrace(pending.traceId));
    assertThat(span.status()).isEqualTo(SpanStatusCode.ERROR);
    assertThat(span.statusMessage()).isEqualTo("IllegalArgumentException: bad key");
    assertThat(span.outputs()).isNull();
  }

  @Test
  void futureCompletedExceptionallyByTheCaller_marksSpan() {
    Pending pending = new Pending();

    pending.fetch("user-7").completeExceptionally(new IOException("store down"));

    Span span = onlySpan(Tracelight.getTrace(pending.traceId).orElseThrow());
    assertThat(span.status()).isEqualTo(SpanStatusCode.ERROR);
    assertThat(span.events()).extracting(e -> e.attributes().get("exception.type"))
        .containsExactly("java.io.IOException");
  }

  @Test
  void classLoadedAfterInstall_isWovenOnLoad() {
    String name = "dev.tracelight.tracing.TracedFixtures$LateLoaded"; // LateLoaded.class would load it
    assertThat(Arrays.stream(TracelightAgent.instrumentation().orElseThrow().getAllLoadedClasses()))
        .noneMatch(c -> c.getName().equals(name));
    String before = lastTraceId();

    assertThat(LateLoaded.twice(21)).isEqualTo(42);

    Span span = onlySpan(newTrace(before));
    assertThat(span.name()).isEqualTo("late");
    assertThat(span.spanType()).isEqualTo(SpanType.PARSER);
    assertThat(span.inputs()).isEqualTo(Map.of("number", 21L));
    assertThat(span.outputs()).isEqualTo(42L);
  }

  @Test
  void classCompiledWithoutParameterNames_recordsArgN() throws Exception {
    // No MethodParameters attribute, as javac writes without -parameters.
    Class<?> calculator =
        new ByteBuddy()
            .subclass(Object.class)
            .name("example.Calculator")
            .defineMethod("add", int.class, Visibility.PUBLIC, Ownership.STATIC)
            .withParameters(int.class, int.class)
            .intercept(FixedValue.value(5))
            .annotateMethod(AnnotationDescription.Builder.ofType(Traced.class).build())
            .make()
            .load(getClass().getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
            .getLoaded();
    String before = lastTraceId();

    assertThat(calculator.getMethod("add", int.class, int.class).invoke(null, 2, 3)).isEqualTo(5);

    Span span = onlySpan(newTrace(before));
    assertThat(span.name()).isEqualTo("add");
    assertThat(span.inputs()).isEqualTo(Map.of("arg0", 2L, "arg1", 3L));
  }

  @Test
  void recursion_givesOneNestedSpanPerCall() {
    String before = lastTraceId();

    assertThat(Recursive.factorial(4)).isEqualTo(24);

    List<Span> spans = newTrace(before).data().spans();
    assertThat(spans).extracting(Span::name).containsOnly("factorial").hasSize(4);
    assertThat(spans).extracting(Span::inputs)
        .containsExactly(Map.of("n", 4L), Map.of("n", 3L), Map.of("n", 2L), Map.of("n", 1L));
    assertThat(spans).extracting(Span::outputs).containsExactly(24L, 6L, 2L, 1L);
    assertThat(spans.get(0).parentSpanId()).isNull();
    for (int i = 1; i < spans.size(); i++) {
      assertThat(spans.get(i).parentSpanId()).isEqualTo(spans.get(i - 1).spanId());
    }
  }

  @Test
  void argumentJacksonCannotSerialize_isRecordedAsText() {
    String before = lastTraceId();

    assertThat(Uses.inspect(new Opaque())).isEqualTo("inspected");

    Span span = onlySpan(newTrace(before));
    assertThat(span.inputs()).asString().contains("Opaque!");
    assertThat(span.outputs()).isEqualTo("inspected");
  }

  @Test
  void argumentThatCannotEvenBePrinted_stillRunsTheMethod_tracedWithoutInputs() {
    String before = lastTraceId();

    assertThat(Uses.describe(new Hostile(), "x")).isEqualTo("described x");

    Span span = onlySpan(newTrace(before));
    assertThat(span.name()).isEqualTo("describe");
    assertThat(span.inputs()).isNull();
    assertThat(span.outputs()).isEqualTo("described x");
    assertThat(span.status()).isEqualTo(SpanStatusCode.OK);
  }

  @Test
  void tracedGetterReachedWhileRecordingInputs_isNotTracedAgain() {
    String before = lastTraceId();

    Uses.publish(new Report());

    Span span = onlySpan(newTrace(before));
    assertThat(span.name()).isEqualTo("publish");
    assertThat(span.inputs()).isEqualTo(Map.of("report", Map.of("summary", "all good")));
  }

  @Test
  void voidMethod_hasNoOutputs_andKeepsACustomSpanType() {
    String before = lastTraceId();

    Uses.log("hello");

    Span span = onlySpan(newTrace(before));
    assertThat(span.spanType()).isEqualTo(SpanType.of("my-custom-type"));
    assertThat(span.attributeJson(SpanAttributeKey.OUTPUTS)).isNull();
  }

  @Test
  void tracedMethod_nestsUnderAManualSpan() {
    String traceId;
    try (LiveSpan root = Tracelight.startSpan("request", SpanType.CHAIN);
        io.opentelemetry.context.Scope ignored = root.makeCurrent()) {
      traceId = root.traceId();
      WeatherAgent.forecast("Oslo", 1);
    }

    List<Span> spans = Tracelight.getTrace(traceId).orElseThrow().data().spans();
    assertThat(spans).extracting(Span::name).containsExactly("request", "forecast");
    assertThat(spans.get(1).parentSpanId()).isEqualTo(spans.get(0).spanId());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

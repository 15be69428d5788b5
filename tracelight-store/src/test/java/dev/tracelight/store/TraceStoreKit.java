package dev.tracelight.store;

import static dev.tracelight.store.TestSpans.json;
import static dev.tracelight.store.TestSpans.newSpanId;
import static dev.tracelight.store.TestSpans.newTraceId;
import static dev.tracelight.store.TestSpans.span;
import static dev.tracelight.store.TestSpans.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every backend must do with traces and spans. Backends run it as a {@code @Nested} class. */
abstract class TraceStoreKit extends TraceKitSupport {

  @Test
  void spansOnly_childFirst_inProgressUntilRootArrives() {
    String traceId = newTraceId();
    List<SpanRecord> spans = rootAndChild(traceId);
    writer().acceptSpans(experimentId, List.of(spans.get(1)));

    TraceInfo partial = reader().traceInfo(traceId).orElseThrow();
    assertThat(partial.state()).isEqualTo(TraceState.IN_PROGRESS);
    assertThat(partial.requestTime()).isEqualTo((T0 + MS) / MS);
    assertThat(partial.experimentId()).isEqualTo(experimentId);

    writer().acceptSpans(experimentId, List.of(spans.get(0)));
    TraceInfo derived = reader().traceInfo(traceId).orElseThrow();
    assertThat(derived.state()).isEqualTo(TraceState.OK);
    assertThat(derived.requestTime()).isEqualTo(T0 / MS);
    assertThat(derived.executionDuration()).isEqualTo(1532);
    assertThat(derived.requestPreview()).isEqualTo("{\"question\": \"Hi\"}");
    assertThat(derived.responsePreview()).isEqualTo("{\"answer\": \"Hello\"}");
    assertThat(derived.tags()).containsEntry(TraceInfo.TRACE_NAME, "agent");
    assertThat(derived.traceMetadata())
        .containsEntry(TraceInfo.TOKEN_USAGE,
            "{\"input_tokens\":12,\"output_tokens\":30,\"total_tokens\":42}");
  }

  @Test
  void spansThenStartTrace_clientInfoWins() {
    String traceId = newTraceId();
    writer().acceptSpans(experimentId, rootAndChild(traceId));
    TraceInfo stored = writer().startTrace(clientInfo(traceId));

    assertThat(stored.requestPreview()).endsWith("(client)");
    assertThat(stored.traceMetadata())
        .containsEntry(TraceInfo.TOKEN_USAGE, TestSpans.usage(100, 200))
        .containsEntry("mlflow.user", "alice");
    assertThat(stored.clientRequestId()).contains("req-7");
    assertThat(stored.tags())
        .containsEntry("mlflow.artifactLocation",
            "mlflow-artifacts:/" + experimentId + "/traces/" + traceId + "/artifacts")
        .containsEntry("mlflow.trace.spansLocation", "TRACKING_STORE");
    assertThat(reader().traceInfo(traceId)).get()
        .usingRecursiveComparison().isEqualTo(stored);
  }

  @Test
  void startTraceThenSpans_spansDoNotOverwriteInfo() {
    String traceId = newTraceId();
    TraceInfo stored = writer().startTrace(clientInfo(traceId));
    writer().acceptSpans(experimentId, rootAndChild(traceId));

    TraceInfo after = reader().traceInfo(traceId).orElseThrow();
    assertThat(after).usingRecursiveComparison().isEqualTo(stored);
    assertThat(after.traceMetadata().get(TraceInfo.TOKEN_USAGE))
        .isEqualTo(TestSpans.usage(100, 200));
    assertThat(reader().trace(traceId).orElseThrow().spans()).hasSize(2);
  }

  @Test
  void reingest_sameSpansStoredOnce() {
    String traceId = newTraceId();
    List<SpanRecord> spans = rootAndChild(traceId);
    writer().acceptSpans(experimentId, spans);
    writer().acceptSpans(experimentId, spans);
    writer().acceptSpans(experimentId, List.of(spans.get(1)));

    Trace trace = reader().trace(traceId).orElseThrow();
    assertThat(trace.spans()).hasSize(2);
    assertThat(trace.info().traceMetadata().get(TraceInfo.TOKEN_USAGE))
        .isEqualTo("{\"input_tokens\":12,\"output_tokens\":30,\"total_tokens\":42}");
  }

  @Test
  void spans_roundTripEveryField() {
    String traceId = newTraceId();
    List<SpanRecord> spans = rootAndChild(traceId);
    writer().acceptSpans(experimentId, spans);

    List<SpanRecord> read = reader().trace(traceId).orElseThrow().spans();
    assertThat(read).usingRecursiveFieldByFieldElementComparator()
        .containsExactlyElementsOf(spans);
    SpanRecord child = read.get(1);
    assertThat(child.endTimeUnixNano()).isEqualTo(T0 + 900 * MS);
    assertThat(child.spanType()).contains("CHAT_MODEL");
    assertThat(child.events().get(0).attributes()).containsEntry("exception.type", "Boom");
  }

  @Test
  void tokenUsage_sumsOnlySpansWithoutUsageAncestors() {
    String traceId = newTraceId();
    String root = newSpanId();
    String wrapper = newSpanId();
    String toolA = newSpanId();
    writer().acceptSpans(experimentId, List.of(
        span(traceId, root, null, "root", T0, T0 + 10 * MS).build(),
        // A wrapper that reports usage, and the model call inside it reporting the same usage.
        span(traceId, wrapper, root, "chain", T0, T0 + 5 * MS)
            .putAttribute(SpanRecord.SPAN_TYPE, json("CHAIN"))
            .putAttribute(SpanRecord.CHAT_TOKEN_USAGE, usage(10, 20)).build(),
        span(traceId, newSpanId(), wrapper, "llm", T0, T0 + 4 * MS)
            .putAttribute(SpanRecord.SPAN_TYPE, json("LLM"))
            .putAttribute(SpanRecord.CHAT_TOKEN_USAGE, usage(10, 20)).build(),
        span(traceId, toolA, root, "tool", T0, T0 + 5 * MS).build(),
        span(traceId, newSpanId(), toolA, "llm2", T0, T0 + 5 * MS)
            .putAttribute(SpanRecord.SPAN_TYPE, json("LLM"))
            .putAttribute(SpanRecord.CHAT_TOKEN_USAGE, usage(1, 2)).build()));

    assertThat(reader().traceInfo(traceId).orElseThrow().traceMetadata())
        .containsEntry(TraceInfo.TOKEN_USAGE,
            "{\"input_tokens\":11,\"output_tokens\":22,\"total_tokens\":33}");
  }

  @Test
  void concurrentBatches_ofOneTrace_allCountedInDerivedUsage() throws Exception {
    String traceId = newTraceId();
    String root = newSpanId();
    writer().acceptSpans(experimentId, List.of(span(traceId, root, null, "root", T0, T0 + MS).build()));
    int threads = 4;
    int perThread = 5;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      List<java.util.concurrent.Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            writer().acceptSpans(experimentId, List.of(
                span(traceId, newSpanId(), root, "llm", T0, T0 + MS)
                    .putAttribute(SpanRecord.SPAN_TYPE, json("LLM"))
                    .putAttribute(SpanRecord.CHAT_TOKEN_USAGE, usage(1, 2)).build()));
          }
          return null;
        }));
      }
      for (java.util.concurrent.Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    int n = threads * perThread;
    assertThat(reader().trace(traceId).orElseThrow().spans()).hasSize(n + 1);
    assertThat(reader().traceInfo(traceId).orElseThrow().traceMetadata())
        .containsEntry(TraceInfo.TOKEN_USAGE, "{\"input_tokens\":" + n + ",\"output_tokens\":"
            + 2 * n + ",\"total_tokens\":" + 3 * n + "}");
  }

  @Test
  void rootError_makesTraceError() {
    String traceId = newTraceId();
    writer().acceptSpans(experimentId, List.of(
        span(traceId, newSpanId(), null, "root", T0, T0 + MS)
            .setStatus(SpanStatusCode.ERROR, "Boom").build()));
    assertThat(reader().traceInfo(traceId).orElseThrow().state()).isEqualTo(TraceState.ERROR);
  }

  @Test
  void search_newestFirst_pagesWithoutGapsOrDuplicates() {
    List<String> expected = new ArrayList<>();
    // Pairs share a request time, so paging must break ties on trace id.
    for (int i = 0; i < 7; i++) {
      String traceId = newTraceId();
      writer().acceptSpans(experimentId,
          List.of(span(traceId, newSpanId(), null, "t" + i, T0 + (i / 2) * MS, T0 + 9 * MS)
              .build()));
      expected.add(traceId);
    }
    expected.sort((a, b) -> {
      long ta = reader().traceInfo(a).orElseThrow().requestTime();
      long tb = reader().traceInfo(b).orElseThrow().requestTime();
      return ta != tb ? Long.compare(tb, ta) : a.compareTo(b);
    });

    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      Page<TraceInfo> page = reader().searchTraces(TraceQuery.builder()
          .addExperimentId(experimentId).setMaxResults(3).setPageToken(token)
          .addOrderBy("timestamp_ms DESC").build());
      page.items().forEach(t -> seen.add(t.traceId()));
      token = page.nextPageToken().orElse(null);
      pages++;
    } while (token != null);

    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyElementsOf(expected);
    Set<String> unique = new HashSet<>(seen);
    assertThat(unique).hasSize(7);
  }

  @Test
  void search_onlyAskedExperiments() {
    String other = storage().experiments()
        .createExperiment(ExperimentStoreKit.uniqueName("other"), null, Map.of());
    String mine = newTraceId();
    String theirs = newTraceId();
    writer().acceptSpans(experimentId, List.of(span(mine, newSpanId(), null, "a", T0, T0).build()));
    writer().acceptSpans(other, List.of(span(theirs, newSpanId(), null, "b", T0, T0).build()));

    Page<TraceInfo> page = reader().searchTraces(
        TraceQuery.builder().addExperimentId(experimentId).build());
    assertThat(page.items()).extracting(TraceInfo::traceId).containsExactly(mine);
    assertThat(page.nextPageToken()).isEmpty();
    assertThat(reader().searchTraces(TraceQuery.builder()
        .addExperimentId(experimentId).addExperimentId(other).build()).items()).hasSize(2);
  }

  @Test
  void search_badFilterOrTokenOrOrder_invalidArgument() {
    TraceQuery.Builder base = TraceQuery.builder().addExperimentId(experimentId);
    assertInvalid(() -> reader().searchTraces(base.setFilter("trace.status = ").build()),
        "at position 15");
    assertInvalid(() -> reader().searchTraces(
        TraceQuery.builder().addExperimentId(experimentId).setPageToken("garbage!").build()),
        "page token");
    assertInvalid(() -> reader().searchTraces(TraceQuery.builder()
        .addExperimentId(experimentId).addOrderBy("bogus ASC").build()),
        "unknown key 'bogus'");
  }

  @Test
  void batchGet_returnsFoundTracesInAskedOrder() {
    String a = newTraceId();
    String b = newTraceId();
    writer().acceptSpans(experimentId, rootAndChild(a));
    writer().acceptSpans(experimentId, rootAndChild(b));

    List<Trace> traces = reader().traces(List.of(b, newTraceId(), a));
    assertThat(traces).extracting(t -> t.info().traceId()).containsExactly(b, a);
    assertThat(traces).allSatisfy(t -> assertThat(t.spans()).hasSize(2));
  }

  @Test
  void missingTrace_isEmpty() {
    assertThat(reader().traceInfo(newTraceId())).isEmpty();
    assertThat(reader().trace(newTraceId())).isEmpty();
  }

  @Test
  void unknownExperiment_notFound() {
    String traceId = newTraceId();
    assertThatThrownBy(() -> writer().acceptSpans("424242", rootAndChild(traceId)))
        .isInstanceOfSatisfying(StoreException.class,
            e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.NOT_FOUND));
    assertThatThrownBy(() -> writer().startTrace(
        clientInfo(traceId).toBuilder().setExperimentId("424242").build()))
        .isInstanceOfSatisfying(StoreException.class,
            e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.NOT_FOUND));
    assertThat(reader().traceInfo(traceId)).isEmpty();
  }

  private static void assertInvalid(Runnable call, String message) {
    assertStoreError(call::run, StoreException.Reason.INVALID_ARGUMENT, message);
  }
}

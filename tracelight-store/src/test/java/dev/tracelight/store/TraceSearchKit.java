package dev.tracelight.store;

import static dev.tracelight.store.TestSpans.newSpanId;
import static dev.tracelight.store.TestSpans.newTraceId;
import static dev.tracelight.store.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Search with filters and orders, paged through without gaps or repeats. */
abstract class TraceSearchKit extends TraceKitSupport {

  List<String> search(String filter, String... orderBy) {
    return searchPaged(filter, 100, orderBy);
  }

  List<String> searchPaged(String filter, int pageSize, String... orderBy) {
    List<String> seen = new ArrayList<>();
    String token = null;
    do {
      TraceQuery.Builder q = TraceQuery.builder().addExperimentId(experimentId)
          .setFilter(filter).setMaxResults(pageSize).setPageToken(token);
      for (String o : orderBy) {
        q.addOrderBy(o);
      }
      Page<TraceInfo> page = reader().searchTraces(q.build());
      assertThat(page.items().size()).isLessThanOrEqualTo(pageSize);
      page.items().forEach(t -> seen.add(t.traceId()));
      token = page.nextPageToken().orElse(null);
    } while (token != null);
    return seen;
  }

  @Test
  void status_equalsAndNotEquals() {
    String ok = oneSpanTrace("a", 0, 5, SpanStatusCode.OK);
    String error = oneSpanTrace("b", 1, 5, SpanStatusCode.ERROR);
    String running = newTraceId();
    writer().acceptSpans(experimentId, List.of(
        span(running, newSpanId(), null, "c", T0 + 2 * MS, 0).build()));

    assertThat(search("trace.status = 'ERROR'")).containsExactly(error);
    assertThat(search("status = 'IN_PROGRESS'")).containsExactly(running);
    assertThat(search("attributes.status != 'OK'")).containsExactly(running, error);
    assertThat(search("trace.status = 'OK'")).containsExactly(ok);
  }

  @Test
  void timestampAndExecutionTime_ranges() {
    String early = oneSpanTrace("a", 0, 50, SpanStatusCode.OK);
    String middle = oneSpanTrace("b", 10, 5, SpanStatusCode.OK);
    String late = oneSpanTrace("c", 20, 500, SpanStatusCode.OK);
    long t10 = (T0 + 10 * MS) / MS;

    assertThat(search("trace.timestamp_ms >= " + t10)).containsExactly(late, middle);
    assertThat(search("timestamp < " + t10)).containsExactly(early);
    assertThat(search("trace.timestamp_ms = " + t10)).containsExactly(middle);
    assertThat(search("trace.timestamp_ms != " + t10)).containsExactly(late, early);
    assertThat(search("trace.execution_time_ms > 5 AND trace.execution_time_ms <= 50"))
        .containsExactly(early);
    assertThat(search("execution_time > 5 AND timestamp_ms > " + t10)).containsExactly(late);
  }

  @Test
  void nameTagsAndMetadata_equalsAndNotEquals() {
    String agent = oneSpanTrace("agent", 0, 5, SpanStatusCode.OK);
    String chain = oneSpanTrace("chain", 1, 5, SpanStatusCode.OK);
    String untagged = oneSpanTrace("tool", 2, 5, SpanStatusCode.OK);
    writer().setTraceTag(agent, "env", "prod");
    writer().setTraceTag(chain, "env", "dev's");
    writer().startTrace(clientInfo(chain).toBuilder().setRequestTime((T0 + MS) / MS)
        .putTag(TraceInfo.TRACE_NAME, "chain").build());

    assertThat(search("trace.name = 'agent'")).containsExactly(agent);
    assertThat(search("name != 'agent'")).containsExactly(untagged, chain);
    assertThat(search("tags.`mlflow.traceName` = \"tool\"")).containsExactly(untagged);
    assertThat(search("tag.env = 'prod'")).containsExactly(agent);
    // != matches only traces that have the key, as in MLflow.
    assertThat(search("tags.env != 'prod'")).containsExactly(chain);
    assertThat(search("tag.env = 'dev''s' AND metadata.`mlflow.user` = 'alice'"))
        .containsExactly(chain);
    assertThat(search("request_metadata.\"mlflow.user\" != 'alice'")).isEmpty();
    assertThat(search("tag.env = 'prod' AND trace.status = 'ERROR'")).isEmpty();
  }

  @Test
  void filteredAndOrdered_pagesWithoutGapsOrRepeats() {
    List<TraceInfo> tagged = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      // Durations repeat (0, 10, 20, 0, ...) and start times pair up, so both orders see ties.
      String id = oneSpanTrace("t" + i, i / 2, (i % 3) * 10, SpanStatusCode.OK);
      if (i != 4) {
        writer().setTraceTag(id, "keep", "yes");
        tagged.add(reader().traceInfo(id).orElseThrow());
      }
    }
    Comparator<TraceInfo> byId = Comparator.comparing(TraceInfo::traceId);
    Comparator<TraceInfo> byDuration = Comparator.comparingLong(TraceInfo::executionDuration);
    Comparator<TraceInfo> byTime = Comparator.comparingLong(TraceInfo::requestTime);

    assertThat(searchPaged("tag.keep = 'yes'", 2, "execution_time_ms ASC"))
        .containsExactlyElementsOf(sorted(tagged, byDuration.thenComparing(byId)));
    assertThat(searchPaged("tag.keep = 'yes'", 3, "execution_time_ms DESC"))
        .containsExactlyElementsOf(sorted(tagged, byDuration.reversed().thenComparing(byId)));
    assertThat(searchPaged("tag.keep = 'yes'", 2, "timestamp_ms ASC", "request_id DESC"))
        .containsExactlyElementsOf(sorted(tagged, byTime.thenComparing(byId.reversed())));
    assertThat(searchPaged("tag.keep = 'yes'", 4))
        .containsExactlyElementsOf(sorted(tagged, byTime.reversed().thenComparing(byId)));
    Predicate<TraceInfo> longer = t -> t.executionDuration() > 0;
    assertThat(searchPaged("tag.keep = 'yes' AND trace.execution_time_ms > 0", 1,
        "trace.timestamp_ms DESC")).containsExactlyElementsOf(sorted(
            tagged.stream().filter(longer).toList(), byTime.reversed().thenComparing(byId)));
  }

  @Test
  void pageToken_ofAnotherOrder_invalidArgument() {
    oneSpanTrace("a", 0, 5, SpanStatusCode.OK);
    oneSpanTrace("b", 1, 5, SpanStatusCode.OK);
    String token = reader().searchTraces(TraceQuery.builder().addExperimentId(experimentId)
            .setMaxResults(1).addOrderBy("execution_time_ms ASC").build())
        .nextPageToken().orElseThrow();

    assertStoreError(() -> reader().searchTraces(TraceQuery.builder()
            .addExperimentId(experimentId).setPageToken(token).build()),
        StoreException.Reason.INVALID_ARGUMENT, "Invalid page token");
  }

  @Test
  void malformedFilter_invalidArgumentWithPosition() {
    assertStoreError(() -> search("trace.status = 'OK' AND tag.env LIKE 'p%'"),
        StoreException.Reason.INVALID_ARGUMENT,
        "at position 32, operator LIKE is not supported yet");
  }

  private static List<String> sorted(List<TraceInfo> infos, Comparator<TraceInfo> order) {
    return infos.stream().sorted(order).map(TraceInfo::traceId).toList();
  }
}

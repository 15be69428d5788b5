package dev.tracelight.store;

import static dev.tracelight.store.TestSpans.newSpanId;
import static dev.tracelight.store.TestSpans.newTraceId;
import static dev.tracelight.store.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
        .containsExactlyElementsOf(sorted(tagged,
            byDuration.thenComparing(byTime.reversed()).thenComparing(byId)));
    assertThat(searchPaged("tag.keep = 'yes'", 3, "execution_time_ms DESC"))
        .containsExactlyElementsOf(sorted(tagged,
            byDuration.reversed().thenComparing(byTime.reversed()).thenComparing(byId)));
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
    assertStoreError(() -> search("trace.status = 'OK' AND tag.env LIKE"),
        StoreException.Reason.INVALID_ARGUMENT,
        "at position 36, expected a quoted string for tag.`env`, found end of filter");
    assertStoreError(() -> search("tag.a = 'x' OR tag.b = 'y'"),
        StoreException.Reason.INVALID_ARGUMENT, "at position 12, OR is not supported");
  }

  @Test
  void status_inAndNotIn() {
    String ok = oneSpanTrace("a", 0, 5, SpanStatusCode.OK);
    String error = oneSpanTrace("b", 1, 5, SpanStatusCode.ERROR);
    String running = newTraceId();
    writer().acceptSpans(experimentId, List.of(
        span(running, newSpanId(), null, "c", T0 + 2 * MS, 0).build()));

    assertThat(search("trace.status IN ('OK', 'ERROR')")).containsExactly(error, ok);
    assertThat(search("status NOT IN ('ok')")).containsExactly(running, error);
  }

  @Test
  void endTime_isStartPlusDuration() {
    String shortLate = oneSpanTrace("a", 100, 10, SpanStatusCode.OK);
    String longEarly = oneSpanTrace("b", 0, 500, SpanStatusCode.OK);
    long end110 = (T0 + 110 * MS) / MS;

    assertThat(search("trace.end_time_ms = " + end110)).containsExactly(shortLate);
    assertThat(search("trace.end_time_ms > " + end110)).containsExactly(longEarly);
    assertThat(search("end_time_ms <= " + end110 + " AND trace.timestamp_ms >= "
        + (T0 / MS))).containsExactly(shortLate);
  }

  @Test
  void requestIdClientRequestIdAndRunId() {
    String a = oneSpanTrace("a", 0, 5, SpanStatusCode.OK);
    String b = oneSpanTrace("b", 1, 5, SpanStatusCode.OK);
    String c = oneSpanTrace("c", 2, 5, SpanStatusCode.OK);
    writer().startTrace(clientInfo(a).toBuilder().setRequestTime(T0 / MS)
        .setClientRequestId("req-42_x").putTraceMetadata("mlflow.sourceRun", "run-1").build());
    writer().startTrace(clientInfo(b).toBuilder().setRequestTime(T0 / MS + 1)
        .setClientRequestId("REQ-7").putTraceMetadata("mlflow.sourceRun", "run-2").build());

    assertThat(search("trace.request_id = '" + b + "'")).containsExactly(b);
    assertThat(search("request_id IN ('" + a + "', '" + c + "')")).containsExactly(c, a);
    assertThat(search("trace.request_id != '" + b + "'")).containsExactly(c, a);
    assertThat(search("trace.request_id LIKE '" + c.substring(0, 12) + "%'")).containsExactly(c);
    assertThat(search("trace.client_request_id = 'req-42_x'")).containsExactly(a);
    assertThat(search("trace.client_request_id LIKE 'req-%'")).containsExactly(a);
    assertThat(search("trace.client_request_id ILIKE 'req-%'")).containsExactly(b, a);
    assertThat(search("trace.client_request_id RLIKE '^[A-Z]+-[0-9]$'")).containsExactly(b);
    // a trace without a client request id matches no comparison on it
    assertThat(search("trace.client_request_id != 'nope'")).containsExactly(b, a);
    assertThat(search("trace.run_id = 'run-1'")).containsExactly(a);
    assertThat(search("run_id IN ('run-1', 'run-2')")).containsExactly(b, a);
    assertThat(search("run_id != 'run-1'")).containsExactly(b);
  }

  @Test
  void tagsAndMetadata_likeIlikeRlike_caseAndTrickyValues() {
    String prod = oneSpanTrace("a", 0, 5, SpanStatusCode.OK);
    String percent = oneSpanTrace("b", 1, 5, SpanStatusCode.OK);
    String unicode = oneSpanTrace("c", 2, 5, SpanStatusCode.OK);
    String quotes = oneSpanTrace("d", 3, 5, SpanStatusCode.OK);
    writer().setTraceTag(prod, "env", "prod");
    writer().setTraceTag(percent, "env", "100% a_b *?[x]");
    writer().setTraceTag(unicode, "env", "Été ☀ 東京");
    writer().setTraceTag(quotes, "env", "it's \"quoted\" \\ back");

    assertThat(search("tag.env LIKE 'pro%'")).containsExactly(prod);
    assertThat(search("tag.env LIKE 'PRO%'")).isEmpty(); // LIKE is case-sensitive everywhere
    assertThat(search("tag.env ILIKE 'PRO%'")).containsExactly(prod);
    assertThat(search("tag.env LIKE 'p_od'")).containsExactly(prod);
    assertThat(search("tag.env LIKE '100\\%%'")).containsExactly(percent);
    assertThat(search("tag.env LIKE '%a\\_b%'")).containsExactly(percent);
    assertThat(search("tag.env LIKE '%axb%'")).isEmpty();
    assertThat(search("tag.env LIKE '%*?[x]'")).containsExactly(percent);
    assertThat(search("tag.env LIKE '%*?[y]'")).isEmpty();
    assertThat(search("tag.env = '100% a_b *?[x]'")).containsExactly(percent);
    assertThat(search("tag.env LIKE 'Été%'")).containsExactly(unicode);
    assertThat(search("tag.env LIKE '_té ☀ __'")).containsExactly(unicode);
    assertThat(search("tag.env ILIKE 'été ☀%'")).containsExactly(unicode);
    assertThat(search("tag.env LIKE 'été%'")).isEmpty();
    assertThat(search("tag.env RLIKE '東京$'")).containsExactly(unicode);
    assertThat(search("tag.env LIKE 'it''s \"quoted\" %'")).containsExactly(quotes);
    assertThat(search("tag.env = 'it''s \"quoted\" \\ back'")).containsExactly(quotes);
    assertThat(search("tag.env LIKE '%\\\\ back'")).containsExactly(quotes);
    assertThat(search("tag.env RLIKE '^[a-z]+$'")).containsExactly(prod);
    assertThat(search("tag.env RLIKE 'a_b \\*'")).containsExactly(percent);
    assertThat(search("tag.env IN ('prod', 'Été ☀ 東京')")).containsExactly(unicode, prod);
    assertThat(search("tag.env NOT IN ('prod')")).containsExactly(quotes, unicode, percent);
    assertThat(search("metadata.`mlflow.trace_schema.version` = '3' AND tag.env ILIKE 'P%'"))
        .containsExactly(prod);
    assertThat(search("request_metadata.`mlflow.trace_schema.version` RLIKE '^[0-9]+$'"))
        .containsExactly(quotes, unicode, percent, prod);
  }

  @Test
  void spanNameAndType_anySpanOfTheTrace() {
    String agent = newTraceId();
    writer().acceptSpans(experimentId, rootAndChild(agent)); // agent (AGENT) > Messages.create
    String tool = oneSpanTrace("lookup_weather", 1, 5, SpanStatusCode.OK);

    assertThat(search("span.name = 'Messages.create'")).containsExactly(agent);
    assertThat(search("span.name LIKE 'Messages.%'")).containsExactly(agent);
    assertThat(search("span.name LIKE 'messages.%'")).isEmpty();
    assertThat(search("span.name ILIKE 'MESSAGES.%'")).containsExactly(agent);
    assertThat(search("span.name RLIKE '^lookup_'")).containsExactly(tool);
    assertThat(search("span.name != 'agent'")).containsExactly(tool, agent);
    assertThat(search("span.name IN ('agent', 'lookup_weather')")).containsExactly(tool, agent);
    assertThat(search("span.type = 'CHAT_MODEL'")).containsExactly(agent);
    assertThat(search("span.type LIKE '%AGENT%' AND span.name = 'Messages.create'"))
        .containsExactly(agent);
    assertThat(search("span.type = 'TOOL'")).isEmpty();
  }

  @Test
  void spanAttributes_matchDecodedValues() {
    String chat = newTraceId();
    writer().acceptSpans(experimentId, rootAndChild(chat));
    String other = newTraceId();
    writer().acceptSpans(experimentId, List.of(
        span(other, newSpanId(), null, "tool", T0 + MS, T0 + 2 * MS)
            .putAttribute(SpanRecord.SPAN_TYPE, TestSpans.json("TOOL"))
            .putAttribute("temperature", "0.7")
            .putAttribute("flags", "{\"stream\": true}")
            .putAttribute("note", TestSpans.json("50% off_now"))
            .build()));

    assertThat(search("span.attributes.mlflow.spanType LIKE '%CHAT%'")).containsExactly(chat);
    assertThat(search("span.attributes.`mlflow.spanType` = 'CHAT_MODEL'")).containsExactly(chat);
    assertThat(search("span.attributes.mlflow.spanType = 'TOOL'")).containsExactly(other);
    assertThat(search("span.attributes.mlflow.spanType ILIKE 'agent'")).containsExactly(chat);
    assertThat(search("span.attributes.mlflow.spanType RLIKE '^(TOOL|AGENT)$'"))
        .containsExactly(other, chat);
    assertThat(search("span.attributes.temperature = '0.7'")).containsExactly(other);
    assertThat(search("span.attributes.flags LIKE '%\"stream\": true%'")).containsExactly(other);
    assertThat(search("span.attributes.note LIKE '50\\% off\\_now'")).containsExactly(other);
    assertThat(search("span.attributes.note LIKE '50\\% off\\_nox'")).isEmpty();
    assertThat(search("span.attributes.missing LIKE '%'")).isEmpty();
  }

  @Test
  void spanAttributes_reSentSpanReplacesItsAttributes() {
    String traceId = newTraceId();
    String spanId = newSpanId();
    writer().acceptSpans(experimentId, List.of(span(traceId, spanId, null, "s", T0, T0 + MS)
        .putAttribute("stage", TestSpans.json("draft")).build()));
    writer().acceptSpans(experimentId, List.of(span(traceId, spanId, null, "s", T0, T0 + MS)
        .putAttribute("stage", TestSpans.json("final")).build()));

    assertThat(search("span.attributes.stage = 'draft'")).isEmpty();
    assertThat(search("span.attributes.stage = 'final'")).containsExactly(traceId);
  }

  @Test
  void traceText_searchesSpanNamesInputsAndOutputs() {
    String weather = newTraceId();
    writer().acceptSpans(experimentId, List.of(
        span(weather, newSpanId(), null, "agent", T0, T0 + MS)
            .putAttribute(SpanRecord.SPAN_INPUTS, "{\"question\": \"Wetter in Zürich?\"}")
            .putAttribute(SpanRecord.SPAN_OUTPUTS, TestSpans.json("Sonnig, 25°C"))
            .putAttribute("other", TestSpans.json("hidden needle"))
            .build()));
    String named = oneSpanTrace("summarize_report", 1, 5, SpanStatusCode.OK);

    assertThat(search("trace.text LIKE '%Zürich%'")).containsExactly(weather);
    assertThat(search("trace.text LIKE '%zürich%'")).isEmpty();
    assertThat(search("trace.text ILIKE '%ZÜRICH%'")).containsExactly(weather);
    assertThat(search("trace.text LIKE 'Sonnig%'")).containsExactly(weather);
    assertThat(search("trace.text LIKE '%report%'")).containsExactly(named);
    assertThat(search("trace.text LIKE '%needle%'")).isEmpty(); // not an input or output
    assertThat(search("trace.text LIKE '%'")).containsExactly(named, weather);
  }

  @Test
  void feedbackAndExpectation_validValuesAsText() {
    String good = oneSpanTrace("a", 0, 5, SpanStatusCode.OK);
    String bad = oneSpanTrace("b", 1, 5, SpanStatusCode.OK);
    String none = oneSpanTrace("c", 2, 5, SpanStatusCode.OK);
    assess(good, "correctness", AssessmentValue.feedback("true"));
    assess(good, "rating", AssessmentValue.feedback("4"));
    assess(good, "expected_answer", AssessmentValue.expectation("\"Paris, 'France'\""));
    assess(bad, "correctness", AssessmentValue.feedback("false"));
    assess(bad, "rating", AssessmentValue.feedback("2.5"));
    assess(bad, "tone", AssessmentValue.feedback("{\"label\": \"rude\"}"));
    Assessment wrong = assess(bad, "expected_answer", AssessmentValue.expectation("\"Lyon\""));
    // an override makes the overridden assessment invalid: it no longer matches
    storage().assessments().createAssessment(Assessment.builder().setTraceId(bad)
        .setName("expected_answer").setSource(SOURCE).setOverrides(wrong.assessmentId())
        .setValue(AssessmentValue.expectation("\"Marseille\"")).build());

    assertThat(search("feedback.correctness = 'true'")).containsExactly(good);
    assertThat(search("feedback.correctness != 'true'")).containsExactly(bad);
    assertThat(search("feedback.rating = '4'")).containsExactly(good);
    assertThat(search("feedback.rating RLIKE '^[0-9]\\.[0-9]$'")).containsExactly(bad);
    assertThat(search("feedback.tone LIKE '%\"rude\"%'")).containsExactly(bad);
    assertThat(search("expectation.expected_answer = 'Paris, ''France'''"))
        .containsExactly(good);
    assertThat(search("expectation.expected_answer ILIKE 'paris%'")).containsExactly(good);
    assertThat(search("expectation.expected_answer = 'Lyon'")).isEmpty();
    assertThat(search("expectation.expected_answer = 'Marseille'")).containsExactly(bad);
    assertThat(search("feedback.expected_answer = 'Marseille'")).isEmpty(); // kind matters
    assertThat(search("expectation.correctness = 'true'")).isEmpty();
    assertThat(search("feedback.correctness IN ('true', 'false') AND feedback.rating = '2.5'"))
        .containsExactly(bad);
    assertThat(search("feedback.correctness LIKE '%'")).doesNotContain(none);
  }

  @Test
  void prompt_linkedPromptVersion() {
    String linked = oneSpanTrace("a", 0, 5, SpanStatusCode.OK);
    String numeric = oneSpanTrace("b", 1, 5, SpanStatusCode.OK);
    String broken = oneSpanTrace("c", 2, 5, SpanStatusCode.OK);
    writer().setTraceTag(linked, "mlflow.linkedPrompts", "[{\"name\": \"qa\", \"version\": \"3\"},"
        + " {\"name\": \"team/sum\", \"version\": \"12\"}]");
    writer().setTraceTag(numeric, "mlflow.linkedPrompts", "[{\"name\": \"qa\", \"version\": 4}]");
    writer().setTraceTag(broken, "mlflow.linkedPrompts", "not json [");

    assertThat(search("prompt = 'qa/3'")).containsExactly(linked);
    assertThat(search("prompt = 'team/sum/12'")).containsExactly(linked);
    assertThat(search("prompt = 'qa/4'")).containsExactly(numeric);
    assertThat(search("prompt = 'qa/5'")).isEmpty();
    assertThat(search("prompt = 'qa/3' AND trace.status = 'OK'")).containsExactly(linked);
  }

  @Test
  void orderedByStatusNameRunAndExperiment_tiesPageWithoutGapsOrRepeats() {
    String otherExperiment = storage().experiments()
        .createExperiment(ExperimentStoreKit.uniqueName("traces"), null, Map.of());
    List<TraceInfo> all = new ArrayList<>();
    String[] names = {"beta", "alpha", "beta", "", "alpha", "beta", "gamma"};
    for (int i = 0; i < 14; i++) {
      String exp = i % 3 == 0 ? otherExperiment : experimentId;
      String id = newTraceId();
      long start = T0 + (i / 3) * MS; // start times repeat
      writer().acceptSpans(exp, List.of(span(id, newSpanId(), null, "n", start, start + MS)
          .setStatus(i % 4 == 0 ? SpanStatusCode.ERROR : SpanStatusCode.OK, "").build()));
      TraceInfo.Builder info = reader().traceInfo(id).orElseThrow().toBuilder()
          .setTags(Map.of()).setTraceMetadata(Map.of());
      if (!names[i % 7].isEmpty()) {
        info.putTag(TraceInfo.TRACE_NAME, names[i % 7]);
      }
      if (i % 2 == 0) {
        info.putTraceMetadata("mlflow.sourceRun", "run-" + (i % 3));
      }
      writer().startTrace(info.build());
      all.add(reader().traceInfo(id).orElseThrow());
    }
    List<String> both = List.of(experimentId, otherExperiment);
    Comparator<TraceInfo> tieBreak = Comparator.comparingLong(TraceInfo::requestTime).reversed()
        .thenComparing(TraceInfo::traceId);
    Comparator<TraceInfo> byStatus = Comparator.comparing(t -> t.state().name());
    Comparator<TraceInfo> byName =
        Comparator.comparing(t -> t.tags().getOrDefault(TraceInfo.TRACE_NAME, ""));
    Comparator<TraceInfo> byRun =
        Comparator.comparing(t -> t.traceMetadata().getOrDefault("mlflow.sourceRun", ""));
    Comparator<TraceInfo> byExperiment =
        Comparator.comparingLong(t -> Long.parseLong(t.experimentId()));

    assertThat(searchAll(both, 3, "status"))
        .containsExactlyElementsOf(sorted(all, byStatus.thenComparing(tieBreak)));
    assertThat(searchAll(both, 2, "name DESC"))
        .containsExactlyElementsOf(sorted(all, byName.reversed().thenComparing(tieBreak)));
    assertThat(searchAll(both, 4, "run_id", "status DESC"))
        .containsExactlyElementsOf(sorted(all,
            byRun.thenComparing(byStatus.reversed()).thenComparing(tieBreak)));
    assertThat(searchAll(both, 5, "experiment_id DESC", "request_id DESC"))
        .containsExactlyElementsOf(sorted(all, byExperiment.reversed()
            .thenComparing(TraceInfo::traceId, Comparator.reverseOrder())));
    assertThat(searchAll(both, 1, "timestamp_ms ASC"))
        .containsExactlyElementsOf(sorted(all, Comparator.comparingLong(TraceInfo::requestTime)
            .thenComparing(TraceInfo::traceId)));
  }

  @Test
  void tamperedOrForeignPageToken_invalidArgument() {
    oneSpanTrace("a", 0, 5, SpanStatusCode.OK);
    oneSpanTrace("b", 1, 5, SpanStatusCode.OK);
    String token = reader().searchTraces(TraceQuery.builder().addExperimentId(experimentId)
        .setMaxResults(1).build()).nextPageToken().orElseThrow();
    char flipped = token.charAt(5) == 'x' ? 'y' : 'x';
    for (String bad : List.of(token.substring(0, 5) + flipped + token.substring(6),
        token + "A", "garbage!", "a.b", "'; DROP TABLE trace_info; --",
        PageToken.encodeExperimentKey("name ASC", List.of("a", "1")))) {
      assertStoreError(() -> reader().searchTraces(TraceQuery.builder()
              .addExperimentId(experimentId).setPageToken(bad).build()),
          StoreException.Reason.INVALID_ARGUMENT, "Invalid page token");
    }
    assertThat(reader().searchTraces(TraceQuery.builder().addExperimentId(experimentId)
        .setPageToken(token).build()).items()).hasSize(1);
  }

  @Test
  void regexOnlyJavaAccepts_matchesOnSqlite_invalidArgumentOnPostgres_neverAnInternalError() {
    String named = oneSpanTrace("ab", 0, 5, SpanStatusCode.OK);
    for (String filter :
        List.of("span.name RLIKE '(?<first>a)b'", "span.name RLIKE '\\p{L}b'")) {
      try {
        assertThat(search(filter)).as(filter).containsExactly(named);
      } catch (StoreException e) {
        assertThat(e.reason()).isEqualTo(StoreException.Reason.INVALID_ARGUMENT);
        assertThat(e.getMessage()).contains("the database refused a regular expression");
      }
    }
  }

  static final AssessmentSource SOURCE =
      AssessmentSource.create(AssessmentSource.Type.HUMAN, "alice@example.com");

  Assessment assess(String traceId, String name, AssessmentValue value) {
    return storage().assessments().createAssessment(Assessment.builder().setTraceId(traceId)
        .setName(name).setSource(SOURCE).setValue(value).build());
  }

  List<String> searchAll(List<String> experimentIds, int pageSize, String... orderBy) {
    List<String> seen = new ArrayList<>();
    String token = null;
    do {
      TraceQuery.Builder q = TraceQuery.builder().setExperimentIds(experimentIds)
          .setMaxResults(pageSize).setPageToken(token);
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

  private static List<String> sorted(List<TraceInfo> infos, Comparator<TraceInfo> order) {
    return infos.stream().sorted(order).map(TraceInfo::traceId).toList();
  }
}

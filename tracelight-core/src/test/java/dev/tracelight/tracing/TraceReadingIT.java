package dev.tracelight.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracelight.server.TracelightServer;
import dev.tracelight.server.TracelightServerConfig;
import io.opentelemetry.context.Scope;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The facade's reading and feedback calls against a real Tracelight server. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TraceReadingIT {
  private static final Duration FLUSH = Duration.ofSeconds(20);
  @TempDir static Path dir;
  private static TracelightServer server;
  private static String experimentId;
  private static final List<String> okTraces = new ArrayList<>();
  private static final List<String> failedTraces = new ArrayList<>();

  @BeforeAll
  static void logTraces() {
    server = TracelightServer.start(TracelightServerConfig.builder()
        .setPort(0).setBackendStoreUri("sqlite:///" + dir.resolve("reading.db")).build());
    Tracelight.setTrackingUri(server.url());
    Tracelight.setExperiment("reading-it");
    experimentId = Tracelight.currentExperimentId();
    for (int i = 0; i < 5; i++) {
      okTraces.add(trace("ok-" + i, i % 2 == 0 ? "prod" : "dev", false));
    }
    for (int i = 0; i < 2; i++) {
      failedTraces.add(trace("failed-" + i, "prod", true));
    }
    assertThat(Tracelight.flush(FLUSH)).isTrue();
  }

  @AfterAll
  static void stop() {
    Tracelight.setTrackingUri(null);
    server.close();
  }

  private static String trace(String name, String env, boolean fail) {
    try (LiveSpan span = Tracelight.startSpan(name, SpanType.CHAIN);
        Scope ignored = span.makeCurrent()) {
      Tracelight.updateCurrentTrace(TraceUpdate.builder().putTag("env", env).build());
      if (fail) {
        span.recordException(new IllegalStateException("boom"));
      }
      return span.traceId();
    }
  }

  @Test
  void search_filtersOrdersAndPages() {
    TraceInfoPage errors = Tracelight.searchTraces(
        experimentId, "trace.status = 'ERROR'", List.of(), 100, null);
    assertThat(errors.traces()).extracting(TraceInfo::traceId)
        .containsExactlyInAnyOrderElementsOf(failedTraces);

    TraceInfoPage prodOk = Tracelight.searchTraces(
        experimentId, "tag.env = 'prod' AND trace.status = 'OK'", List.of(), 100, null);
    assertThat(prodOk.traces()).extracting(TraceInfo::traceId)
        .containsExactlyInAnyOrder(okTraces.get(0), okTraces.get(2), okTraces.get(4));

    List<String> paged = new ArrayList<>();
    List<Instant> times = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      TraceInfoPage page = Tracelight.searchTraces(
          experimentId, null, List.of("timestamp_ms ASC"), 2, token);
      page.traces().forEach(t -> {
        paged.add(t.traceId());
        times.add(t.requestTime());
      });
      token = page.nextPageToken().orElse(null);
      pages++;
    } while (token != null);
    List<String> all = new ArrayList<>(okTraces);
    all.addAll(failedTraces);
    assertThat(paged).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
    assertThat(times).isSorted(); // oldest first (ties broken by trace id on the server)
    assertThat(pages).isEqualTo(4);
  }

  @Test
  void malformedFilter_isAClearError() {
    assertThatThrownBy(() -> Tracelight.searchTraces(experimentId, "trace.status = ", List.of(), 10, null))
        .isInstanceOf(TracelightException.class)
        .satisfies(e -> assertThat(((TracelightException) e).statusCode()).isEqualTo(400))
        .hasMessageContaining("INVALID_PARAMETER_VALUE");
  }

  @Test
  void tags_areSetAndDeletedOnTheServer() {
    String traceId = okTraces.get(1);
    Tracelight.setTraceTag(traceId, "reviewed", "yes");
    assertThat(Tracelight.getTrace(traceId).orElseThrow().info().tags())
        .containsEntry("reviewed", "yes").containsEntry("env", "dev");

    Tracelight.deleteTraceTag(traceId, "reviewed");
    assertThat(Tracelight.getTrace(traceId).orElseThrow().info().tags()).doesNotContainKey("reviewed");

    assertThatThrownBy(() -> Tracelight.setTraceTag("tr-00000000000000000000000000000000", "k", "v"))
        .isInstanceOf(TracelightException.class)
        .satisfies(e -> assertThat(((TracelightException) e).errorCode())
            .isEqualTo("RESOURCE_DOES_NOT_EXIST"));
  }

  @Test
  void feedback_isStoredWithTheTrace() {
    String traceId = okTraces.get(3);
    Assessment created = Tracelight.logFeedback(traceId, "user_satisfaction", true,
        "Answered my question", AssessmentSource.human("user_123"));
    assertThat(created.assessmentId()).startsWith("a-");

    List<Assessment> assessments = Tracelight.getTrace(traceId).orElseThrow().info().assessments();
    assertThat(assessments).hasSize(1);
    Assessment read = assessments.get(0);
    assertThat(read.name()).isEqualTo("user_satisfaction");
    assertThat(read.value()).isEqualTo(true);
    assertThat(read.rationale()).isEqualTo("Answered my question");
    assertThat(read.source().sourceType()).isEqualTo("HUMAN");
    assertThat(read.source().sourceId()).isEqualTo("user_123");
    assertThat(read.valid()).isTrue();

    Tracelight.logFeedback(traceId, "rating", Map.of("stars", 4), null, AssessmentSource.code("checker"));
    assertThat(Tracelight.getTrace(traceId).orElseThrow().info().assessments())
        .extracting(Assessment::value).contains(Map.of("stars", 4L));
  }

  @Test
  @Order(Integer.MAX_VALUE) // deletes the oldest trace, which the search test expects
  void delete_byIdsAndByAge() throws Exception {
    String keep = trace("keep", "prod", false);
    String goner = trace("goner", "prod", false);
    assertThat(Tracelight.flush(FLUSH)).isTrue();

    assertThat(Tracelight.deleteTraces(experimentId, List.of(goner))).isEqualTo(1);
    assertThat(Tracelight.getTrace(goner)).isEmpty();
    assertThat(Tracelight.getTrace(keep)).isPresent();

    String other = Tracelight.searchTraces(experimentId).traces().get(0).traceId();
    assertThat(other).isEqualTo(keep); // newest first
    int deleted = Tracelight.deleteTracesBefore(experimentId, Instant.now().plusSeconds(60), 1);
    assertThat(deleted).isEqualTo(1);
    assertThat(Tracelight.searchTraces(experimentId).traces()).extracting(TraceInfo::traceId)
        .doesNotContain(okTraces.get(0)); // the oldest went first
  }
}

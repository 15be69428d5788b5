package dev.tracelight.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelight.store.ExperimentStore;
import dev.tracelight.store.TraceOverview;
import dev.tracelight.store.TraceStatistics;
import io.javalin.http.Context;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The UI's experiment overview, one of Tracelight's own endpoints (not MLflow's): {@code GET
 * /tracelight/experiments/{experiment_id}/overview?start_time_ms=&end_time_ms=&buckets=} under
 * every prefix. The range is [start, end) in epoch milliseconds; {@code buckets} defaults to
 * {@value #DEFAULT_BUCKETS}.
 */
final class TracelightOverviewApi {
  static final int DEFAULT_BUCKETS = 24;

  private final ExperimentStore experiments;
  private final TraceStatistics statistics;

  TracelightOverviewApi(ExperimentStore experiments, TraceStatistics statistics) {
    this.experiments = experiments;
    this.statistics = statistics;
  }

  void register(MlflowRoutes routes) {
    routes.get("/tracelight/experiments/{experiment_id}/overview", this::overview);
  }

  private void overview(Context ctx) {
    String experimentId = ctx.pathParam("experiment_id");
    long start = longParam(ctx, "start_time_ms", null);
    long end = longParam(ctx, "end_time_ms", null);
    long buckets = longParam(ctx, "buckets", (long) DEFAULT_BUCKETS);
    if (buckets < 1 || buckets > TraceStatistics.MAX_BUCKETS) {
      throw ApiException.invalid("Invalid value " + buckets + " for parameter 'buckets': it must"
          + " be between 1 and " + TraceStatistics.MAX_BUCKETS);
    }
    if (end <= start) {
      throw ApiException.invalid("Invalid range: 'end_time_ms' (" + end
          + ") must be after 'start_time_ms' (" + start + ")");
    }
    if (experiments.experiment(experimentId).isEmpty()) {
      throw ApiException.notFound("Could not find experiment with ID " + experimentId);
    }
    TraceOverview overview = statistics.overview(experimentId, start, end, (int) buckets);
    MlflowJson.write(ctx, json(overview));
  }

  private static long longParam(Context ctx, String name, Long fallback) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      if (fallback == null) {
        throw ApiException.invalid("Missing value for required parameter '" + name + "'");
      }
      return fallback;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw ApiException.invalid(
          "Invalid value '" + value + "' for parameter '" + name + "': expected an integer");
    }
  }

  static ObjectNode json(TraceOverview overview) {
    ObjectNode root = MlflowJson.MAPPER.createObjectNode()
        .put("start_time_ms", overview.startTimeMs())
        .put("end_time_ms", overview.endTimeMs());
    ArrayNode buckets = root.putArray("buckets");
    overview.buckets().forEach(b -> bucket(buckets.addObject(), b));
    bucket(root.putObject("totals"), overview.total());
    ranked(root.putArray("slowest"), overview.slowest());
    ranked(root.putArray("costliest"), overview.costliest());
    return root;
  }

  private static void bucket(ObjectNode node, TraceOverview.Bucket b) {
    node.put("start_time_ms", b.startTimeMs())
        .put("trace_count", b.traceCount())
        .put("error_count", b.errorCount());
    number(node, "latency_p50_ms", b.latencyP50Ms());
    number(node, "latency_p95_ms", b.latencyP95Ms());
    node.put("input_tokens", b.inputTokens())
        .put("output_tokens", b.outputTokens())
        .put("cache_read_input_tokens", b.cacheReadTokens())
        .put("cache_creation_input_tokens", b.cacheWriteTokens())
        .put("cost", b.cost());
  }

  private static void ranked(ArrayNode array, List<TraceOverview.RankedTrace> traces) {
    for (TraceOverview.RankedTrace t : traces) {
      ObjectNode node = array.addObject()
          .put("trace_id", t.traceId())
          .put("name", t.name())
          .put("request_time_ms", t.requestTimeMs())
          .put("duration_ms", t.durationMs())
          .put("state", t.state().name());
      number(node, "cost", t.cost());
    }
  }

  /** The number, or JSON null when absent: the UI tells "no data" from zero. */
  private static void number(ObjectNode node, String field, OptionalDouble value) {
    if (value.isPresent()) {
      node.put(field, value.getAsDouble());
    } else {
      node.putNull(field);
    }
  }
}

package dev.tracelight.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a JMH JSON result ({@code -rf json}) of these benchmarks into the Markdown table of
 * {@code docs/benchmarks.md}: median, p90 and p99 per mode, the spread of the per-fork medians
 * (how far to trust the median), the allocation per call when run with {@code -prof gc}, and what
 * each traced mode adds to the baseline at the median.
 *
 * <pre>{@code java -cp tracelight-bench/target/tracelight-bench.jar dev.tracelight.bench.ResultsTable jmh-result.json}</pre>
 */
public final class ResultsTable {
  private ResultsTable() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: ResultsTable <jmh-result.json>");
      System.exit(2);
    }
    System.out.print(render(new ObjectMapper().readTree(new File(args[0]))));
  }

  static String render(JsonNode results) {
    Map<String, Map<String, Row>> byBenchmark = new LinkedHashMap<>();
    for (JsonNode result : results) {
      Row row = Row.of(result);
      byBenchmark.computeIfAbsent(row.benchmark, b -> new LinkedHashMap<>()).put(row.mode, row);
    }
    boolean alloc = byBenchmark.values().stream()
        .flatMap(m -> m.values().stream()).anyMatch(r -> r.allocBytes >= 0);
    StringBuilder out = new StringBuilder();
    out.append("| benchmark | mode | samples | median µs | p90 µs | p99 µs | fork medians µs |");
    out.append(alloc ? " alloc B/op |" : "").append(" added at median µs |\n");
    out.append("|---|---|---:|---:|---:|---:|---|").append(alloc ? "---:|" : "").append("---:|\n");
    byBenchmark.forEach((benchmark, rows) -> {
      Row baseline = rows.get("baseline");
      for (Row row : rows.values()) {
        out.append("| ").append(benchmark).append(" | ").append(row.mode)
            .append(" | ").append(row.samples)
            .append(" | ").append(format(row.median))
            .append(" | ").append(format(row.p90))
            .append(" | ").append(format(row.p99))
            .append(" | ").append(row.forkMedians())
            .append(" |");
        if (alloc) {
          out.append(' ').append(row.allocBytes < 0 ? "" : String.format(Locale.ROOT, "%,.0f",
              row.allocBytes)).append(" |");
        }
        String added = baseline == null || row == baseline ? "–"
            : String.format(Locale.ROOT, "%+.1f", row.median - baseline.median);
        out.append(' ').append(added).append(" |\n");
      }
    });
    return out.toString();
  }

  private static String format(double micros) {
    return String.format(Locale.ROOT, "%.1f", micros);
  }

  private static final class Row {
    String benchmark;
    String mode;
    long samples;
    double median;
    double p90;
    double p99;
    List<Double> forkMedians = new ArrayList<>();
    double allocBytes = -1;

    static Row of(JsonNode result) {
      Row row = new Row();
      String name = result.path("benchmark").asText();
      row.benchmark = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
      row.mode = result.path("params").path("mode").asText("-");
      JsonNode metric = result.path("primaryMetric");
      JsonNode percentiles = metric.path("scorePercentiles");
      row.median = percentiles.path("50.0").asDouble();
      row.p90 = percentiles.path("90.0").asDouble();
      row.p99 = percentiles.path("99.0").asDouble();
      for (JsonNode fork : metric.path("rawDataHistogram")) {
        TreeMap<Double, Long> histogram = new TreeMap<>();
        for (JsonNode iteration : fork) {
          for (JsonNode bucket : iteration) {
            histogram.merge(bucket.get(0).asDouble(), bucket.get(1).asLong(), Long::sum);
          }
        }
        long count = histogram.values().stream().mapToLong(Long::longValue).sum();
        row.samples += count;
        row.forkMedians.add(median(histogram, count));
      }
      JsonNode secondary = result.path("secondaryMetrics");
      // JMH 1.37 names it "gc.alloc.rate.norm"; older versions put a "·" in front.
      JsonNode alloc = secondary.has("gc.alloc.rate.norm")
          ? secondary.get("gc.alloc.rate.norm") : secondary.path("·gc.alloc.rate.norm");
      if (!alloc.isMissingNode()) {
        row.allocBytes = alloc.path("score").asDouble();
      }
      return row;
    }

    private static double median(TreeMap<Double, Long> histogram, long count) {
      long seen = 0;
      for (Map.Entry<Double, Long> bucket : histogram.entrySet()) {
        seen += bucket.getValue();
        if (seen * 2 >= count) {
          return bucket.getKey();
        }
      }
      return Double.NaN;
    }

    String forkMedians() {
      List<String> formatted = new ArrayList<>();
      forkMedians.forEach(m -> formatted.add(format(m)));
      return String.join(", ", formatted);
    }
  }
}

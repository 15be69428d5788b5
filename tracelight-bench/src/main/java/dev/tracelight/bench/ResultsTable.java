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
 * Turns JMH JSON results ({@code -rf json}) of these benchmarks into the Markdown table of
 * {@code docs/benchmarks.md}: median, p90 and p99 per mode, the per-fork medians (how far to trust
 * the median), the allocation per call when run with {@code -prof gc}, and what each traced mode
 * adds to the baseline at the median. Several result files (rounds of {@code run.sh}) are merged:
 * their forks are pooled, and percentiles are computed over all samples of all forks.
 *
 * <pre>{@code java -cp tracelight-bench/target/tracelight-bench.jar dev.tracelight.bench.ResultsTable result.json...}</pre>
 */
public final class ResultsTable {
  private ResultsTable() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      System.err.println("usage: ResultsTable <jmh-result.json>...");
      System.exit(2);
    }
    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> results = new ArrayList<>();
    for (String file : args) {
      mapper.readTree(new File(file)).forEach(results::add);
    }
    System.out.print(render(results));
  }

  static String render(Iterable<JsonNode> results) {
    Map<String, Map<String, Row>> byBenchmark = new LinkedHashMap<>();
    for (JsonNode result : results) {
      String name = result.path("benchmark").asText();
      String benchmark = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
      String mode = result.path("params").path("mode").asText("-");
      byBenchmark.computeIfAbsent(benchmark, b -> new LinkedHashMap<>())
          .computeIfAbsent(mode, m -> new Row(mode))
          .add(result);
    }
    boolean alloc = byBenchmark.values().stream()
        .flatMap(m -> m.values().stream()).anyMatch(r -> r.allocCount > 0);
    StringBuilder out = new StringBuilder();
    out.append("| benchmark | mode | samples | median µs | p90 µs | p99 µs | fork medians µs |");
    out.append(alloc ? " alloc B/op |" : "").append(" added at median µs |\n");
    out.append("|---|---|---:|---:|---:|---:|---|").append(alloc ? "---:|" : "").append("---:|\n");
    byBenchmark.forEach((benchmark, rows) -> {
      Row baseline = rows.get("baseline");
      for (Row row : rows.values()) {
        double median = row.percentile(50);
        out.append("| ").append(benchmark).append(" | ").append(row.mode)
            .append(" | ").append(row.samples())
            .append(" | ").append(format(median))
            .append(" | ").append(format(row.percentile(90)))
            .append(" | ").append(format(row.percentile(99)))
            .append(" | ").append(row.forkMedians())
            .append(" |");
        if (alloc) {
          out.append(' ').append(row.allocCount == 0 ? "" : String.format(Locale.ROOT, "%,.0f",
              row.allocBytes / row.allocCount)).append(" |");
        }
        String added = baseline == null || row == baseline ? "–"
            : String.format(Locale.ROOT, "%+.1f", median - baseline.percentile(50));
        out.append(' ').append(added).append(" |\n");
      }
    });
    return out.toString();
  }

  private static String format(double micros) {
    return String.format(Locale.ROOT, "%.1f", micros);
  }

  /** One benchmark in one mode: every sample of every fork, as JMH's histograms give them. */
  private static final class Row {
    final String mode;
    final TreeMap<Double, Long> all = new TreeMap<>();
    final List<Double> forkMedians = new ArrayList<>();
    double allocBytes;
    int allocCount;

    Row(String mode) {
      this.mode = mode;
    }

    void add(JsonNode result) {
      for (JsonNode fork : result.path("primaryMetric").path("rawDataHistogram")) {
        TreeMap<Double, Long> histogram = new TreeMap<>();
        for (JsonNode iteration : fork) {
          for (JsonNode bucket : iteration) {
            histogram.merge(bucket.get(0).asDouble(), bucket.get(1).asLong(), Long::sum);
          }
        }
        histogram.forEach((value, count) -> all.merge(value, count, Long::sum));
        forkMedians.add(percentile(histogram, 50));
      }
      JsonNode secondary = result.path("secondaryMetrics");
      // JMH 1.37 names it "gc.alloc.rate.norm"; older versions put a "·" in front.
      JsonNode alloc = secondary.has("gc.alloc.rate.norm")
          ? secondary.get("gc.alloc.rate.norm") : secondary.path("·gc.alloc.rate.norm");
      if (!alloc.isMissingNode()) {
        allocBytes += alloc.path("score").asDouble();
        allocCount++;
      }
    }

    long samples() {
      return all.values().stream().mapToLong(Long::longValue).sum();
    }

    double percentile(double p) {
      return percentile(all, p);
    }

    /** The nearest-rank percentile of a histogram of sample values. */
    static double percentile(TreeMap<Double, Long> histogram, double p) {
      long count = histogram.values().stream().mapToLong(Long::longValue).sum();
      long rank = Math.max(1, (long) Math.ceil(p / 100 * count));
      long seen = 0;
      for (Map.Entry<Double, Long> bucket : histogram.entrySet()) {
        seen += bucket.getValue();
        if (seen >= rank) {
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

package dev.tracelight.store;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The overview in SQL: the database groups by bucket (and latency bin), Java only assembles at
 * most {@code buckets × bins} rows, so the cost grows with the traces in range, not their content.
 * All four queries run in one read transaction and so see one snapshot.
 */
final class SqlTraceStatistics implements TraceStatistics {
  private final Database db;
  private final TraceStatisticsSql sql;

  SqlTraceStatistics(Database db) {
    this.db = db;
    this.sql = new TraceStatisticsSql(db.dialect);
  }

  @Override
  public TraceOverview overview(String experimentId, long startTimeMs, long endTimeMs,
      int buckets) {
    requireNonNull(experimentId, "experimentId");
    if (buckets < 1 || buckets > MAX_BUCKETS) {
      throw StoreException.invalid(
          "buckets must be between 1 and " + MAX_BUCKETS + ", got " + buckets);
    }
    if (endTimeMs <= startTimeMs) {
      throw StoreException.invalid("The time range is empty or inverted: end " + endTimeMs
          + " is not after start " + startTimeMs);
    }
    try {
      Math.multiplyExact(Math.subtractExact(endTimeMs, startTimeMs), (long) buckets);
    } catch (ArithmeticException e) {
      throw StoreException.invalid("The time range is too long to split into " + buckets
          + " buckets: " + startTimeMs + " to " + endTimeMs);
    }
    Range range = new Range(SqlExperimentStore.parseId(experimentId), startTimeMs, endTimeMs,
        buckets);
    return db.read(c -> {
      Totals[] totals = new Totals[buckets];
      for (int i = 0; i < buckets; i++) {
        totals[i] = new Totals();
      }
      if (range.experiment.isPresent()) {
        readBucketTotals(c, range, totals);
        readLatencies(c, range, totals);
      }
      List<TraceOverview.Bucket> list = new ArrayList<>();
      Totals all = new Totals();
      for (int i = 0; i < buckets; i++) {
        list.add(totals[i].toBucket(range.bucketStart(i)));
        all.add(totals[i]);
      }
      List<TraceOverview.RankedTrace> slowest = range.experiment.isPresent()
          ? ranked(c, sql.slowest(), range) : List.of();
      List<TraceOverview.RankedTrace> costliest = range.experiment.isPresent()
          ? ranked(c, sql.costliest(), range) : List.of();
      return new TraceOverview(startTimeMs, endTimeMs, list, all.toBucket(startTimeMs), slowest,
          costliest);
    });
  }

  private void readBucketTotals(Connection c, Range range, Totals[] totals) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql.bucketTotals())) {
      range.bindBucketAndRange(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Totals t = totals[range.clamp(rs.getLong(1))];
          t.traces += rs.getLong(2);
          t.errors += rs.getLong(3);
          for (int k = 0; k < t.tokens.length; k++) {
            t.tokens[k] += decimal(rs, 4 + k).longValue();
          }
          t.cost += decimal(rs, 8).doubleValue();
        }
      }
    }
  }

  private void readLatencies(Connection c, Range range, Totals[] totals) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql.latencyHistogram())) {
      range.bindBucketAndRange(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          totals[range.clamp(rs.getLong(1))].latency
              .add(rs.getInt(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
        }
      }
    }
  }

  private static List<TraceOverview.RankedTrace> ranked(Connection c, String query, Range range)
      throws SQLException {
    List<TraceOverview.RankedTrace> result = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(query)) {
      int i = range.bindRange(ps, 1);
      ps.setInt(i, RANKED_TRACES);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          BigDecimal cost = rs.getBigDecimal(6);
          String name = rs.getString(5);
          result.add(new TraceOverview.RankedTrace(rs.getString(1), name == null ? "" : name,
              rs.getLong(2), rs.getLong(3), TraceState.of(rs.getString(4)),
              cost == null ? OptionalDouble.empty() : OptionalDouble.of(cost.doubleValue())));
        }
      }
    }
    return result;
  }

  /** A nullable SQL number (SUM of nothing is NULL) as a decimal, zero for NULL. */
  private static BigDecimal decimal(ResultSet rs, int column) throws SQLException {
    BigDecimal value = rs.getBigDecimal(column);
    return value == null ? BigDecimal.ZERO : value;
  }

  /** The range asked for and how it binds. */
  private record Range(OptionalLong experiment, long start, long end, int buckets) {
    void bindBucketAndRange(PreparedStatement ps) throws SQLException {
      ps.setLong(1, start);
      ps.setLong(2, buckets);
      ps.setLong(3, end - start);
      bindRange(ps, 4);
    }

    /** Binds experiment, start and end from {@code first}; returns the next index. */
    int bindRange(PreparedStatement ps, int first) throws SQLException {
      ps.setLong(first, experiment.getAsLong());
      ps.setLong(first + 1, start);
      ps.setLong(first + 2, end);
      return first + 3;
    }

    long bucketStart(int i) {
      return start + Math.floorDiv((end - start) * i, buckets);
    }

    /** A bucket index from SQL, guarded against rounding at the range's edges. */
    int clamp(long bucket) {
      return (int) Math.max(0, Math.min(buckets - 1, bucket));
    }
  }

  /** One bucket's sums while rows arrive. */
  private static final class Totals {
    long traces;
    long errors;
    final long[] tokens = new long[TraceStatisticsSql.TOKEN_KEYS.length];
    double cost;
    final LatencyHistogram latency = new LatencyHistogram();

    void add(Totals other) {
      traces += other.traces;
      errors += other.errors;
      for (int k = 0; k < tokens.length; k++) {
        tokens[k] += other.tokens[k];
      }
      cost += other.cost;
      latency.addAll(other.latency);
    }

    TraceOverview.Bucket toBucket(long startTimeMs) {
      return new TraceOverview.Bucket(startTimeMs, traces, errors, latency.percentile(0.5),
          latency.percentile(0.95), tokens[0], tokens[1], tokens[2], tokens[3], cost);
    }
  }
}

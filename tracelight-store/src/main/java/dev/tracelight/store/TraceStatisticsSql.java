package dev.tracelight.store;

/**
 * The overview's queries for one dialect. Every value arrives as a bind parameter; only constant
 * JSON keys and column names are written into the text. Each query selects the range through
 * {@code WHERE experiment_id = ? AND request_time >= ? AND request_time < ?}, served by the
 * {@code (experiment_id, request_time, …)} indexes. The bucket of a trace is {@code (request_time
 * - start) * buckets / (end - start)}, in integer arithmetic, so its parameters come first: start,
 * buckets, end - start, then experiment, start, end.
 */
final class TraceStatisticsSql {
  static final String[] TOKEN_KEYS = {"input_tokens", "output_tokens", "cache_read_input_tokens",
      "cache_creation_input_tokens"};
  static final String COST_KEY = "total_cost";

  private static final String BUCKET = "(t.request_time - ?) * ? / ?";
  private static final String RANGE =
      " WHERE t.experiment_id = ? AND t.request_time >= ? AND t.request_time < ?";
  private static final String USAGE_JOIN = " LEFT JOIN trace_metadata u ON u.trace_id = t.trace_id"
      + " AND u.key = '" + TraceInfo.TOKEN_USAGE + "'";
  private static final String COST_JOIN = " LEFT JOIN trace_metadata c ON c.trace_id = t.trace_id"
      + " AND c.key = '" + TraceInfo.COST + "'";
  private static final String NAME_JOIN = " LEFT JOIN trace_tags n ON n.trace_id = t.trace_id"
      + " AND n.key = '" + TraceInfo.TRACE_NAME + "'";

  private final SqlDialect dialect;

  TraceStatisticsSql(SqlDialect dialect) {
    this.dialect = dialect;
  }

  /**
   * Per bucket: bucket, traces, errors, the four token sums ({@link #TOKEN_KEYS}) and the cost
   * sum. Bind: start, buckets, span, experiment, start, end.
   */
  String bucketTotals() {
    StringBuilder sql = new StringBuilder("SELECT ").append(BUCKET).append(" AS bucket,")
        .append(" COUNT(*) AS traces,")
        .append(" SUM(CASE WHEN t.state = '").append(TraceState.ERROR.name())
        .append("' THEN 1 ELSE 0 END) AS errors");
    for (String key : TOKEN_KEYS) {
      sql.append(", SUM(").append(jsonNumber("u.value", key)).append(")");
    }
    sql.append(", SUM(").append(jsonNumber("c.value", COST_KEY)).append(")")
        .append(" FROM trace_info t").append(USAGE_JOIN).append(COST_JOIN).append(RANGE)
        .append(" GROUP BY bucket");
    return sql.toString();
  }

  /**
   * Per bucket and latency bin: bucket, bin, count, min and max duration. Bind: start, buckets,
   * span, experiment, start, end.
   */
  String latencyHistogram() {
    return "SELECT bucket, bin, COUNT(*), MIN(d), MAX(d) FROM (SELECT " + BUCKET + " AS bucket, "
        + LatencyHistogram.binExpression(dialect, "t.execution_duration") + " AS bin,"
        + " t.execution_duration AS d FROM trace_info t" + RANGE + ") x GROUP BY bucket, bin";
  }

  /** The longest traces: {@link #rankedColumns()}. Bind: experiment, start, end, limit. */
  String slowest() {
    return "SELECT " + rankedColumns() + " FROM trace_info t" + NAME_JOIN + COST_JOIN + RANGE
        + " ORDER BY t.execution_duration DESC, t.trace_id LIMIT ?";
  }

  /** The traces of highest positive cost: {@link #rankedColumns()}. Bind as {@link #slowest()}. */
  String costliest() {
    return "SELECT * FROM (SELECT " + rankedColumns() + " FROM trace_info t" + NAME_JOIN
        + COST_JOIN + RANGE + ") x WHERE cost > 0 ORDER BY cost DESC, trace_id LIMIT ?";
  }

  /** trace_id, request_time, execution_duration, state, name, cost. */
  private String rankedColumns() {
    return "t.trace_id AS trace_id, t.request_time, t.execution_duration, t.state, n.value,"
        + " " + jsonNumber("c.value", COST_KEY) + " AS cost";
  }

  /**
   * The number at {@code key} of the JSON object in {@code column}; NULL for malformed JSON, a
   * missing key or a value that is not a number, so a client's odd metadata never fails a query.
   */
  String jsonNumber(String column, String key) {
    return switch (dialect) {
      case SQLITE -> "CASE WHEN json_valid(" + column + ") THEN CASE WHEN json_type(" + column
          + ", '$." + key + "') IN ('integer', 'real') THEN json_extract(" + column + ", '$."
          + key + "') END END";
      // V6's function: PostgreSQL 15 has no way to test a cast to jsonb without trying it.
      case POSTGRESQL -> "tl_json_number(" + column + ", '" + key + "')";
    };
  }
}

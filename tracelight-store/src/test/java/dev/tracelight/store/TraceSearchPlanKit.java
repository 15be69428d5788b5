package dev.tracelight.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The query plans of search pages, read with {@code EXPLAIN QUERY PLAN} (SQLite) or {@code
 * EXPLAIN} (PostgreSQL) over an experiment of {@value #TRACES} analyzed traces: a page is an index
 * range scan in the order asked, never a scan or a sort of the whole table.
 */
abstract class TraceSearchPlanKit {
  static final int TRACES = 20_000;

  abstract Storage storage();

  abstract SqlDialect dialect();

  /** A plain JDBC connection to the same database (and schema) as {@link #storage()}. */
  abstract Connection connect() throws SQLException;

  String experimentId;

  @BeforeEach
  void loadTraces() throws SQLException {
    experimentId = storage().experiments()
        .createExperiment(ExperimentStoreKit.uniqueName("plan"), null, Map.of());
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      try (PreparedStatement info = c.prepareStatement("INSERT INTO trace_info (trace_id,"
              + " experiment_id, request_time, execution_duration, state, finalized)"
              + " VALUES (?, ?, ?, ?, 'OK', 1)");
          PreparedStatement tag = c.prepareStatement(
              "INSERT INTO trace_tags (trace_id, key, value) VALUES (?, 'env', ?)")) {
        for (int i = 0; i < TRACES; i++) {
          String id = String.format("tr-%s%08x", experimentId, i);
          info.setString(1, id);
          info.setLong(2, Long.parseLong(experimentId));
          info.setLong(3, 1_700_000_000_000L + i / 2);
          info.setLong(4, i % 977);
          info.addBatch();
          tag.setString(1, id);
          tag.setString(2, i % 2 == 0 ? "prod" : "dev");
          tag.addBatch();
        }
        info.executeBatch();
        tag.executeBatch();
      }
      c.commit();
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        s.execute(dialect() == SqlDialect.POSTGRESQL
            ? "ANALYZE trace_info; ANALYZE trace_tags" : "ANALYZE");
      }
    }
  }

  List<String> plan(TraceQuery.Builder query) throws SQLException {
    TraceSearchSql search = TraceSearchSql.of(query.build(), dialect());
    String explain = dialect() == SqlDialect.POSTGRESQL ? "EXPLAIN " : "EXPLAIN QUERY PLAN ";
    try (Connection c = connect()) {
      if (dialect() == SqlDialect.SQLITE) {
        SqliteFunctions.ensureRegistered(c); // tl_json_text, REGEXP, tl_lower, as the store does
      }
      return plan(c, explain + "SELECT * FROM trace_info WHERE " + search.whereAndOrder(),
          search.args());
    }
  }

  private static List<String> plan(Connection c, String sql, List<Object> args)
      throws SQLException {
    List<String> lines = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.size(); i++) {
        ps.setObject(i + 1, args.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          // SQLite's rows are (id, parent, notused, detail); PostgreSQL's are one text column
          lines.add(rs.getString(rs.getMetaData().getColumnCount()));
        }
      }
    }
    return lines;
  }

  TraceQuery.Builder query() {
    return TraceQuery.builder().addExperimentId(experimentId);
  }

  /** The plan walks {@code index} and neither scans nor sorts trace_info. */
  void assertIndexRangeInOrder(List<String> plan, String index) {
    String text = String.join("\n", plan);
    if (dialect() == SqlDialect.POSTGRESQL) {
      assertThat(text).as(text).containsPattern("Index (Only )?Scan using " + index + " on trace_info")
          .doesNotContain("Seq Scan").doesNotContain("Sort").startsWith("Limit");
    } else {
      assertThat(text).as(text)
          .containsPattern("SEARCH trace_info USING (COVERING )?INDEX " + index + " \\(")
          .doesNotContain("SCAN trace_info").doesNotContain("TEMP B-TREE");
    }
  }

  @Test
  void defaultOrder_firstPage_walksTheTimeIndex() throws SQLException {
    assertIndexRangeInOrder(plan(query()), "trace_info_experiment_time");
  }

  @Test
  void defaultOrder_laterPage_seeksToTheToken() throws SQLException {
    Page<TraceInfo> first = storage().traceReader().searchTraces(query().setMaxResults(500).build());
    List<String> plan = plan(query().setPageToken(first.nextPageToken().orElseThrow()));
    assertIndexRangeInOrder(plan, "trace_info_experiment_time");
    String text = String.join("\n", plan);
    if (dialect() == SqlDialect.POSTGRESQL) {
      assertThat(text).contains("Index Cond: ((experiment_id = ").contains("request_time <=");
    } else {
      assertThat(text).contains("(experiment_id=? AND request_time<?)");
    }
  }

  @Test
  void defaultOrder_withTagFilter_walksTheTimeIndexAndProbesTags() throws SQLException {
    List<String> plan = plan(query().setFilter("tag.env = 'prod' AND trace.status = 'OK'"));
    assertIndexRangeInOrder(plan, "trace_info_experiment_time");
  }

  /**
   * Span, span attribute, assessment and full-text filters probe each trace while the page's
   * index is walked, so a first page stops once it is full. On PostgreSQL the probes are never
   * flattened into a join nor hashed over the whole child table (which is what it chose at a
   * million traces when it underestimated the matches, then sorted them all).
   */
  @Test
  void defaultOrder_withSpanAndTextFilters_walksTheTimeIndexAndProbesPerTrace()
      throws SQLException {
    for (String filter : List.of("span.name = 'agent_7'",
        "span.attributes.mlflow.spanType = 'CHAIN'", "feedback.correctness = 'true'",
        "trace.text LIKE '%topic-42 %'")) {
      List<String> plan = plan(query().setFilter(filter));
      assertIndexRangeInOrder(plan, "trace_info_experiment_time");
      if (dialect() == SqlDialect.POSTGRESQL) {
        String text = String.join("\n", plan);
        assertThat(text).as(filter + "\n" + text).contains("SubPlan")
            .doesNotContain("hashed SubPlan").doesNotContain("Join").doesNotContain("Hash");
      }
    }
  }

  @Test
  void oldestFirst_andByExecutionTime_walkTheirIndexes() throws SQLException {
    assertIndexRangeInOrder(plan(query().addOrderBy("timestamp_ms ASC")),
        "trace_info_experiment_time_asc");
    assertIndexRangeInOrder(plan(query().addOrderBy("execution_time_ms ASC")),
        "trace_info_experiment_duration");
  }
}

package dev.tracelight.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracelight.store.TraceFilter.Attribute;
import dev.tracelight.store.TraceFilter.Comparison;
import dev.tracelight.store.TraceFilter.Metadata;
import dev.tracelight.store.TraceFilter.Operator;
import dev.tracelight.store.TraceFilter.Tag;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The filter grammar: what parses to which comparisons, and where and why the rest fails. */
class TraceFilterParserTest {

  static List<Comparison> parse(String filter) {
    return TraceFilterParser.parse(filter).comparisons();
  }

  @Test
  void statusAndTimestamp_joinedByAnd() {
    assertThat(parse("trace.status = 'OK' AND trace.timestamp_ms >= 1718000000000"))
        .containsExactly(
            new Comparison(Attribute.STATUS, Operator.EQ, "OK"),
            new Comparison(Attribute.TIMESTAMP_MS, Operator.GE, 1718000000000L));
  }

  @Test
  void attributeAliases_resolveToOneField() {
    assertThat(parse("status != \"ERROR\" and attributes.status = 'in_progress'"))
        .containsExactly(
            new Comparison(Attribute.STATUS, Operator.NE, "ERROR"),
            new Comparison(Attribute.STATUS, Operator.EQ, "IN_PROGRESS"));
    assertThat(parse("timestamp < -5 AND trace.execution_time_ms > 10 AND execution_time <= 3"))
        .extracting(Comparison::field, Comparison::operator)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Attribute.TIMESTAMP_MS, Operator.LT),
            org.assertj.core.groups.Tuple.tuple(Attribute.EXECUTION_TIME_MS, Operator.GT),
            org.assertj.core.groups.Tuple.tuple(Attribute.EXECUTION_TIME_MS, Operator.LE));
    assertThat(parse("timestamp < -5").get(0).value()).isEqualTo(-5L);
  }

  @Test
  void traceName_isTheTraceNameTag() {
    Tag name = new Tag(TraceInfo.TRACE_NAME);
    assertThat(parse("name = 'agent' AND trace.name != 'b' AND tags.`mlflow.traceName` = 'c'"))
        .containsExactly(
            new Comparison(name, Operator.EQ, "agent"),
            new Comparison(name, Operator.NE, "b"),
            new Comparison(name, Operator.EQ, "c"));
  }

  @Test
  void runId_isTheSourceRunMetadata() {
    assertThat(parse("trace.run_id = 'r1' AND run_id != 'r2'")).containsExactly(
        new Comparison(new Metadata("mlflow.sourceRun"), Operator.EQ, "r1"),
        new Comparison(new Metadata("mlflow.sourceRun"), Operator.NE, "r2"));
  }

  @Test
  void tagAndMetadataKeys_plainDottedBacktickedOrDoubleQuoted() {
    assertThat(parse("tag.env = 'prod' AND tags.\"my key\" = 'v' AND tag.mlflow.user = 'x'"
        + " AND metadata.`mlflow.user` != \"bob\" AND request_metadata.k-1 = ''"))
        .containsExactly(
            new Comparison(new Tag("env"), Operator.EQ, "prod"),
            new Comparison(new Tag("my key"), Operator.EQ, "v"),
            new Comparison(new Tag("mlflow.user"), Operator.EQ, "x"),
            new Comparison(new Metadata("mlflow.user"), Operator.NE, "bob"),
            new Comparison(new Metadata("k-1"), Operator.EQ, ""));
  }

  @Test
  void doubledQuote_standsForOne() {
    assertThat(parse("tag.q = 'it''s' AND tag.r = \"say \"\"hi\"\"\"").get(0).value())
        .isEqualTo("it's");
    assertThat(parse("tag.r = \"say \"\"hi\"\"\"").get(0).value()).isEqualTo("say \"hi\"");
  }

  @Test
  void blankFilter_hasNoComparisons() {
    assertThat(parse("   ")).isEmpty();
  }

  @Test
  void errors_namePositionExpectedAndFound() {
    assertError("trace.status = ", 15,
        "expected a quoted string for trace.status, found end of filter");
    assertError("trace.status 'OK'", 13,
        "expected a comparison operator (=, !=) after 'trace.status', found string 'OK'");
    assertError("trace.status = 'OK' trace.name = 'x'", 20,
        "expected AND or the end of the filter, found 'trace.name'");
    assertError("trace.status = 'OK' AND", 23, "expected a field such as trace.status");
    assertError("trace.status = 'OK' OR status = 'ERROR'", 20, "OR is not supported");
    assertError("tag.env LIKE 'p%'", 8,
        "operator LIKE is not supported yet for tag.`env`; expected one of =, !=");
    assertError("trace.timestamp_ms > 'abc'", 21,
        "expected an integer for trace.timestamp_ms, found string 'abc'");
    assertError("trace.timestamp_ms > 1.5", 21, "expected an integer");
    assertError("trace.status > 'OK'", 13, "operator > does not apply to trace.status");
    assertError("trace.status = 'DONE'", 15,
        "invalid status 'DONE'; expected one of OK, ERROR, IN_PROGRESS");
    assertError("tag.x = 5", 8, "expected a quoted string for tag.`x`, found number 5");
    assertError("tag.env = 'prod", 10, "unterminated '-quoted text");
    assertError("foo.bar = 'x'", 0, "unknown field 'foo.bar'");
    assertError("trace.bogus = 1", 0, "unknown trace attribute 'bogus'");
    assertError("span.type = 'LLM'", 0, "filtering on span.* is not supported yet");
    assertError("trace.client_request_id = 'r'", 0, "'client_request_id' is not supported yet");
    assertError("tag. = 'x'", 4, "expected a key after 'tag.'");
    assertError("tag.x = 'a' # comment", 12, "unexpected character '#'");
    assertError("= 'x'", 0, "expected a field such as trace.status, tag.<key> or"
        + " metadata.<key>, found '='");
  }

  @Test
  void errorMessage_quotesTheFilter() {
    assertThatThrownBy(() -> parse("status = 1"))
        .hasMessage("Invalid filter \"status = 1\": at position 9,"
            + " expected a quoted string for trace.status, found number 1");
  }

  @Test
  void sql_bindsValuesAndKeys_neverInlinesThem() {
    StringBuilder where = new StringBuilder("1 = 1");
    List<Object> args = new ArrayList<>();
    TraceFilterSql.append(TraceFilterParser.parse(
        "tag.`x' OR 1=1 --` = 'a'' OR ''1''=''1' AND trace.timestamp_ms > 7"), where, args);

    assertThat(where.toString()).doesNotContain("OR").doesNotContain("'");
    assertThat(where.toString()).contains("kv.key = ? AND kv.value = ?")
        .endsWith("trace_info.request_time > ?");
    assertThat(args).containsExactly("x' OR 1=1 --", "a' OR '1'='1", 7L);
  }

  static void assertError(String filter, int position, String message) {
    assertThatThrownBy(() -> parse(filter))
        .as(filter)
        .isInstanceOfSatisfying(StoreException.class,
            e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.INVALID_ARGUMENT))
        .hasMessageContaining("at position " + position + ", ")
        .hasMessageContaining(message);
  }
}

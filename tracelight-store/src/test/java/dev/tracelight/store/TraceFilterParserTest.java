package dev.tracelight.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracelight.store.TraceFilter.AssessmentField;
import dev.tracelight.store.TraceFilter.Attribute;
import dev.tracelight.store.TraceFilter.Comparison;
import dev.tracelight.store.TraceFilter.Metadata;
import dev.tracelight.store.TraceFilter.Operator;
import dev.tracelight.store.TraceFilter.Prompt;
import dev.tracelight.store.TraceFilter.SpanAttribute;
import dev.tracelight.store.TraceFilter.SpanField;
import dev.tracelight.store.TraceFilter.Tag;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** The filter grammar: what parses to which comparisons, and where and why the rest fails. */
class TraceFilterParserTest {

  static List<Comparison> parse(String filter) {
    return TraceFilterParser.parse(filter).comparisons();
  }

  static Comparison one(String filter) {
    List<Comparison> all = parse(filter);
    assertThat(all).as(filter).hasSize(1);
    return all.get(0);
  }

  @Test
  void statusAndTimestamp_joinedByAnd() {
    assertThat(parse("trace.status = 'OK' AND trace.timestamp_ms >= 1718000000000"))
        .containsExactly(
            new Comparison(Attribute.STATUS, Operator.EQ, "OK"),
            new Comparison(Attribute.TIMESTAMP_MS, Operator.GE, 1718000000000L));
  }

  @Test
  void status_inAndNotInLists_valuesUpperCased() {
    assertThat(one("trace.status IN ('OK', \"error\")"))
        .isEqualTo(new Comparison(Attribute.STATUS, Operator.IN, List.of("OK", "ERROR")));
    assertThat(one("status not in ('IN_PROGRESS')"))
        .isEqualTo(new Comparison(Attribute.STATUS, Operator.NOT_IN, List.of("IN_PROGRESS")));
  }

  @Test
  void attributeAliases_resolveToOneField() {
    assertThat(parse("status != \"ERROR\" and attributes.status = 'in_progress'"))
        .containsExactly(
            new Comparison(Attribute.STATUS, Operator.NE, "ERROR"),
            new Comparison(Attribute.STATUS, Operator.EQ, "IN_PROGRESS"));
    assertThat(parse("timestamp < -5 AND trace.execution_time_ms > 10 AND execution_time <= 3"
        + " AND attribute.end_time_ms != 4 AND end_time = 9 AND trace.end_time >= 1"))
        .extracting(Comparison::field, Comparison::operator)
        .containsExactly(
            Tuple.tuple(Attribute.TIMESTAMP_MS, Operator.LT),
            Tuple.tuple(Attribute.EXECUTION_TIME_MS, Operator.GT),
            Tuple.tuple(Attribute.EXECUTION_TIME_MS, Operator.LE),
            Tuple.tuple(Attribute.END_TIME_MS, Operator.NE),
            Tuple.tuple(Attribute.END_TIME_MS, Operator.EQ),
            Tuple.tuple(Attribute.END_TIME_MS, Operator.GE));
    assertThat(one("timestamp < -5").value()).isEqualTo(-5L);
  }

  @Test
  void traceName_isTheTraceNameTag_withEveryTextOperator() {
    Tag name = new Tag(TraceInfo.TRACE_NAME);
    assertThat(parse("name = 'agent' AND trace.name != 'b' AND tags.`mlflow.traceName` = 'c'"
        + " AND trace.name LIKE 'a%' AND name ILIKE '%B' AND trace.name RLIKE '^a.*t$'"
        + " AND name IN ('x', 'y') AND trace.name NOT IN ('z')"))
        .containsExactly(
            new Comparison(name, Operator.EQ, "agent"),
            new Comparison(name, Operator.NE, "b"),
            new Comparison(name, Operator.EQ, "c"),
            new Comparison(name, Operator.LIKE, "a%"),
            new Comparison(name, Operator.ILIKE, "%B"),
            new Comparison(name, Operator.RLIKE, "^a.*t$"),
            new Comparison(name, Operator.IN, List.of("x", "y")),
            new Comparison(name, Operator.NOT_IN, List.of("z")));
  }

  @Test
  void requestIdAndClientRequestId_textOperators() {
    assertThat(parse("trace.request_id = 'tr-1' AND request_id LIKE 'tr-%'"
        + " AND trace.trace_id IN ('a') AND trace.client_request_id RLIKE 'req-[0-9]+'"
        + " AND client_request_id ILIKE 'REQ%'"))
        .containsExactly(
            new Comparison(Attribute.REQUEST_ID, Operator.EQ, "tr-1"),
            new Comparison(Attribute.REQUEST_ID, Operator.LIKE, "tr-%"),
            new Comparison(Attribute.REQUEST_ID, Operator.IN, List.of("a")),
            new Comparison(Attribute.CLIENT_REQUEST_ID, Operator.RLIKE, "req-[0-9]+"),
            new Comparison(Attribute.CLIENT_REQUEST_ID, Operator.ILIKE, "REQ%"));
  }

  @Test
  void runId_isTheSourceRunMetadata() {
    Metadata run = new Metadata("mlflow.sourceRun");
    assertThat(parse("trace.run_id = 'r1' AND run_id IN ('r2', 'r3') AND run_id != 'r4'"))
        .containsExactly(
            new Comparison(run, Operator.EQ, "r1"),
            new Comparison(run, Operator.IN, List.of("r2", "r3")),
            new Comparison(run, Operator.NE, "r4"));
  }

  @Test
  void tagAndMetadataKeys_plainDottedBacktickedOrDoubleQuoted() {
    assertThat(parse("tag.env = 'prod' AND tags.\"my key\" = 'v' AND tag.mlflow.user = 'x'"
        + " AND metadata.`mlflow.user` != \"bob\" AND request_metadata.k-1 = ''"
        + " AND TAG.env like 'p%' AND metadata.m RLIKE 'x' AND tags.t ILIKE 'Y'"))
        .containsExactly(
            new Comparison(new Tag("env"), Operator.EQ, "prod"),
            new Comparison(new Tag("my key"), Operator.EQ, "v"),
            new Comparison(new Tag("mlflow.user"), Operator.EQ, "x"),
            new Comparison(new Metadata("mlflow.user"), Operator.NE, "bob"),
            new Comparison(new Metadata("k-1"), Operator.EQ, ""),
            new Comparison(new Tag("env"), Operator.LIKE, "p%"),
            new Comparison(new Metadata("m"), Operator.RLIKE, "x"),
            new Comparison(new Tag("t"), Operator.ILIKE, "Y"));
  }

  @Test
  void spanNameTypeAndAttributes() {
    assertThat(parse("span.name = 'Messages.create' AND span.type != 'LLM'"
        + " AND span.name LIKE 'Mess%' AND span.type IN ('TOOL', 'AGENT')"
        + " AND span.attributes.mlflow.spanType LIKE '%CHAT%'"
        + " AND span.attributes.`gen_ai.request.model` = 'claude'"
        + " AND span.attribute.\"k\" ILIKE 'v' AND SPAN.Name RLIKE '^M'"))
        .containsExactly(
            new Comparison(SpanField.NAME, Operator.EQ, "Messages.create"),
            new Comparison(SpanField.TYPE, Operator.NE, "LLM"),
            new Comparison(SpanField.NAME, Operator.LIKE, "Mess%"),
            new Comparison(SpanField.TYPE, Operator.IN, List.of("TOOL", "AGENT")),
            new Comparison(new SpanAttribute("mlflow.spanType"), Operator.LIKE, "%CHAT%"),
            new Comparison(new SpanAttribute("gen_ai.request.model"), Operator.EQ, "claude"),
            new Comparison(new SpanAttribute("k"), Operator.ILIKE, "v"),
            new Comparison(SpanField.NAME, Operator.RLIKE, "^M"));
  }

  @Test
  void feedbackAndExpectation_byName() {
    AssessmentField correctness =
        new AssessmentField(AssessmentValue.Kind.FEEDBACK, "correctness");
    AssessmentField expected =
        new AssessmentField(AssessmentValue.Kind.EXPECTATION, "expected.answer");
    assertThat(parse("feedback.correctness = 'true' AND feedback.`correctness` != '4'"
        + " AND expectation.expected.answer LIKE '%Paris%' AND expectation.\"expected.answer\""
        + " RLIKE 'P' AND feedback.correctness ILIKE 'TRUE'"))
        .containsExactly(
            new Comparison(correctness, Operator.EQ, "true"),
            new Comparison(correctness, Operator.NE, "4"),
            new Comparison(expected, Operator.LIKE, "%Paris%"),
            new Comparison(expected, Operator.RLIKE, "P"),
            new Comparison(correctness, Operator.ILIKE, "TRUE"));
  }

  @Test
  void traceTextAndPrompt() {
    assertThat(parse("trace.text LIKE '%weather%' AND text ILIKE '%Paris%'"
        + " AND prompt = 'qa/3' AND PROMPT = \"team/summarize/12\""))
        .containsExactly(
            new Comparison(Attribute.TEXT, Operator.LIKE, "%weather%"),
            new Comparison(Attribute.TEXT, Operator.ILIKE, "%Paris%"),
            new Comparison(Prompt.LINKED, Operator.EQ, "qa/3"),
            new Comparison(Prompt.LINKED, Operator.EQ, "team/summarize/12"));
  }

  @Test
  void keywords_anyCase() {
    assertThat(parse("tag.a like 'x' aNd tag.b Not In ('y') AND tag.c rlike 'z'"))
        .extracting(Comparison::operator)
        .containsExactly(Operator.LIKE, Operator.NOT_IN, Operator.RLIKE);
  }

  @Test
  void doubledQuote_standsForOne_andUnicodeIsKept() {
    assertThat(one("tag.q = 'it''s'").value()).isEqualTo("it's");
    assertThat(one("tag.r = \"say \"\"hi\"\"\"").value()).isEqualTo("say \"hi\"");
    assertThat(one("tag.`ключ` = 'значение ✓'"))
        .isEqualTo(new Comparison(new Tag("ключ"), Operator.EQ, "значение ✓"));
    assertThat(one("tag.p LIKE '100\\% _done\\\\'").value()).isEqualTo("100\\% _done\\\\");
  }

  @Test
  void blankFilter_hasNoComparisons() {
    assertThat(parse("   ")).isEmpty();
  }

  @Test
  void errors_namePositionExpectedAndFound() {
    assertError("trace.status = ", 15,
        "expected a quoted string for trace.status, found end of filter");
    assertError("trace.status 'OK'", 13, "expected a comparison operator (=, !=, IN, NOT IN)"
        + " after 'trace.status', found string 'OK'");
    assertError("trace.status = 'OK' trace.name = 'x'", 20,
        "expected AND or the end of the filter, found 'trace.name'");
    assertError("trace.status = 'OK' AND", 23, "expected a field such as trace.status");
    assertError("trace.timestamp_ms > 'abc'", 21,
        "expected an integer for trace.timestamp_ms, found string 'abc'");
    assertError("trace.timestamp_ms > 1.5", 21, "expected an integer");
    assertError("trace.status > 'OK'", 13,
        "operator > does not apply to trace.status; expected one of =, !=, IN, NOT IN");
    assertError("trace.status LIKE 'O%'", 13, "operator LIKE does not apply to trace.status");
    assertError("trace.status = 'DONE'", 15,
        "invalid status 'DONE'; expected one of OK, ERROR, IN_PROGRESS");
    assertError("status IN ('OK', 'NOPE')", 17, "invalid status 'NOPE'");
    assertError("tag.x = 5", 8, "expected a quoted string for tag.`x`, found number 5");
    assertError("tag.env = 'prod", 10, "unterminated '-quoted text");
    assertError("foo.bar = 'x'", 0, "unknown field 'foo.bar'");
    assertError("trace.bogus = 1", 0, "unknown trace attribute 'bogus'");
    assertError("tag. = 'x'", 4, "expected a key after 'tag.'");
    assertError("tag.x = 'a' # comment", 12, "unexpected character '#'");
    assertError("= 'x'", 0, "expected a field such as trace.status, tag.<key> or"
        + " metadata.<key>, found '='");
    assertError("trace.timestamp_ms LIKE '1%'", 19,
        "operator LIKE does not apply to trace.timestamp_ms; expected one of =, !=, >, >=, <, <=");
    assertError("trace.execution_time_ms IN (1, 2)", 24, "operator IN does not apply");
    assertError("trace.run_id LIKE 'r%'", 13, "operator LIKE does not apply to"
        + " metadata.`mlflow.sourceRun`; expected one of =, !=, IN, NOT IN");
    assertError("trace.text = 'x'", 11,
        "operator = does not apply to trace.text; expected one of LIKE, ILIKE");
    assertError("prompt LIKE 'qa/%'", 7, "operator LIKE does not apply to prompt");
    assertError("prompt = 'qa'", 9, "expected a prompt as 'name/version', found string 'qa'");
    assertError("prompt = 'qa/'", 9, "expected a prompt as 'name/version'");
  }

  @Test
  void errors_orNotLikeIsNullAndLists() {
    assertError("trace.status = 'OK' OR status = 'ERROR'", 20,
        "OR is not supported; comparisons can only be joined by AND");
    assertError("tag.a NOT LIKE 'x'", 10,
        "expected IN after NOT (NOT LIKE is not supported), found 'LIKE'");
    assertError("tag.a IS NULL", 6, "IS [NOT] NULL is not supported");
    assertError("tag.a IN 'x'", 9,
        "expected '(' and a list of quoted strings for tag.`a`, found string 'x'");
    assertError("tag.a IN ()", 10, "expected a quoted string for tag.`a`, found ')'");
    assertError("tag.a IN ('x' 'y')", 14, "expected ',' or ')' in the list, found string 'y'");
    assertError("tag.a IN ('x',", 14, "expected a quoted string for tag.`a`, found end of filter");
    assertError("(tag.a = 'x')", 0, "expected a field such as trace.status");
  }

  @Test
  void errors_spansAssessmentsAndPatterns() {
    assertError("span.status = 'OK'", 0,
        "unknown span field 'status'; expected span.name, span.type or span.attributes.<key>");
    assertError("span.attributes = 'x'", 0, "expected a key after 'span.attributes.'");
    assertError("span.name > 'a'", 10, "operator > does not apply to span.name");
    assertError("feedback.x < '1'", 11, "operator < does not apply to feedback.`x`");
    assertError("tag.a LIKE 'ends\\'", 11,
        "LIKE pattern 'ends\\' ends with the escape character '\\'");
    assertError("span.name RLIKE 'a(b'", 16, "invalid regular expression 'a(b': Unclosed group");
  }

  @Test
  void errorMessage_quotesTheFilter() {
    assertThatThrownBy(() -> parse("status = 1"))
        .hasMessage("Invalid filter \"status = 1\": at position 9,"
            + " expected a quoted string for trace.status, found number 1");
  }

  @Test
  void sql_bindsValuesAndKeys_neverInlinesThem() {
    for (SqlDialect dialect : SqlDialect.values()) {
      StringBuilder where = new StringBuilder("1 = 1");
      List<Object> args = new ArrayList<>();
      TraceFilterSql.append(TraceFilterParser.parse(
          "tag.`x' OR 1=1 --` = 'a'' OR ''1''=''1' AND trace.timestamp_ms > 7"
              + " AND span.attributes.`k'` LIKE '%''%' AND feedback.`f'` RLIKE ''''"
              + " AND prompt = 'p''/1'"), dialect, where, args);

      assertThat(where.toString()).as(dialect.name()).doesNotContain("OR 1").doesNotContain("'")
          .contains("kv.key = ? AND").contains("trace_info.request_time > ?");
      assertThat(args).as(dialect.name()).contains("x' OR 1=1 --", "a' OR '1'='1", 7L, "k'",
          "f'", "p'", "1");
    }
  }

  @Test
  void sql_likeIsGlobOnSqlite_andNativeOnPostgres() {
    StringBuilder sqlite = new StringBuilder();
    List<Object> sqliteArgs = new ArrayList<>();
    TraceFilterSql.append(TraceFilterParser.parse("span.name LIKE 'a*%_\\%' AND span.type"
        + " ILIKE 'ÄB%' AND trace.client_request_id RLIKE '^r'"), SqlDialect.SQLITE, sqlite,
        sqliteArgs);
    assertThat(sqlite.toString()).contains("s.name GLOB ?", "tl_lower(s.type) GLOB ?",
        "trace_info.client_request_id REGEXP ?");
    assertThat(sqliteArgs).containsExactly("a[*]*?%", "äb*", "^r");

    StringBuilder pg = new StringBuilder();
    List<Object> pgArgs = new ArrayList<>();
    TraceFilterSql.append(TraceFilterParser.parse("span.name LIKE 'a*%_\\%' AND span.type"
        + " ILIKE 'ÄB%' AND trace.client_request_id RLIKE '^r'"), SqlDialect.POSTGRESQL, pg,
        pgArgs);
    assertThat(pg.toString()).contains("s.name LIKE ?", "s.type ILIKE ?",
        "trace_info.client_request_id ~ ?");
    assertThat(pgArgs).containsExactly("a*%_\\%", "ÄB%", "^r");
  }

  @Test
  void likePattern_toGlob() {
    assertThat(LikePattern.toGlob("%a_b%")).isEqualTo("*a?b*");
    assertThat(LikePattern.toGlob("50\\%\\_\\\\x")).isEqualTo("50%_\\x");
    assertThat(LikePattern.toGlob("[*?]")).isEqualTo("[[][*][?]]");
    assertThat(LikePattern.endsWithEscape("a\\")).isTrue();
    assertThat(LikePattern.endsWithEscape("a\\\\")).isFalse();
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

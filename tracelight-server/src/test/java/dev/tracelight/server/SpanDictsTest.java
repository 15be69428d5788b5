package dev.tracelight.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracelight.store.SpanRecord;
import dev.tracelight.store.SpanStatusCode;
import org.junit.jupiter.api.Test;

/** Span dicts in: every attribute value style to JSON text, every id spelling to hex. */
class SpanDictsTest {
  static final String TRACE = "tr-4bf92f3577b34da6a3ce929d0e0e4736";

  static JsonNode json(String text) throws Exception {
    return MlflowJson.MAPPER.readTree(text);
  }

  @Test
  void attributeValues_pythonJsonTextKept_typeScriptPlainValuesEncoded() throws Exception {
    assertThat(SpanDicts.attributeJson(json("\"\\\"CHAIN\\\"\""))).isEqualTo("\"CHAIN\"");
    assertThat(SpanDicts.attributeJson(json("\"{\\\"a\\\": 1}\""))).isEqualTo("{\"a\": 1}");
    assertThat(SpanDicts.attributeJson(json("\"LLM\""))).isEqualTo("\"LLM\"");
    assertThat(SpanDicts.attributeJson(json("\"say \\\"hi\\\"\""))).isEqualTo("\"say \\\"hi\\\"\"");
    assertThat(SpanDicts.attributeJson(json("\"\""))).isEqualTo("\"\"");
    assertThat(SpanDicts.attributeJson(json("{\"model\": \"claude\"}")))
        .isEqualTo("{\"model\":\"claude\"}");
    assertThat(SpanDicts.attributeJson(json("[1, true, null]"))).isEqualTo("[1,true,null]");
    assertThat(SpanDicts.attributeJson(json("1718460461282000001")))
        .isEqualTo("1718460461282000001");
  }

  @Test
  void ids_base64HexOr0xHex_parentEmptyOrNullIsRoot() throws Exception {
    SpanRecord base64 = SpanDicts.read(json("{\"span_id\": \"APBnqgupArc=\", \"parent_span_id\":"
        + " \"\", \"name\": \"a\", \"start_time_unix_nano\": \"1718460461282000001\"}"), TRACE, "s");
    SpanRecord hex = SpanDicts.read(json("{\"span_id\": \"00F067AA0BA902B7\", \"parent_span_id\":"
        + " \"APBnqgupArc=\", \"name\": \"b\", \"start_time_unix_nano\": 1,"
        + " \"status\": {\"code\": \"ERROR\", \"message\": \"x\"}}"), TRACE, "s");
    SpanRecord v2 = SpanDicts.read(json("{\"context\": {\"span_id\": \"0x00f067aa0ba902b7\"},"
        + " \"parent_id\": null, \"name\": \"c\", \"start_time\": 5, \"status_code\": \"OK\"}"),
        TRACE, "s");

    assertThat(base64.spanId()).isEqualTo("00f067aa0ba902b7");
    assertThat(base64.parentSpanId()).isEmpty();
    assertThat(base64.startTimeUnixNano()).isEqualTo(1718460461282000001L);
    assertThat(base64.attributes()).containsEntry(SpanRecord.TRACE_REQUEST_ID, "\"" + TRACE + "\"");
    assertThat(hex.spanId()).isEqualTo("00f067aa0ba902b7");
    assertThat(hex.parentSpanId()).contains("00f067aa0ba902b7");
    assertThat(hex.statusCode()).isEqualTo(SpanStatusCode.ERROR);
    assertThat(v2.spanId()).isEqualTo("00f067aa0ba902b7");
    assertThat(v2.startTimeUnixNano()).isEqualTo(5);
    assertThat(v2.statusCode()).isEqualTo(SpanStatusCode.OK);
  }

  @Test
  void mistakes_400NamingTheField() {
    assertThatThrownBy(() -> SpanDicts.read(json("{\"span_id\": \"AAAA\", \"name\": \"a\","
        + " \"start_time_unix_nano\": 1}"), TRACE, "spans[3]"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("'spans[3].span_id'").hasMessageContaining("8 bytes");
    assertThatThrownBy(() -> SpanDicts.read(json("{\"span_id\": \"APBnqgupArc=\", \"name\": \"a\","
        + " \"start_time_unix_nano\": \"99999999999999999999\"}"), TRACE, "spans[0]"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("'spans[0].start_time_unix_nano'");
    assertThatThrownBy(() -> SpanDicts.read(json("{\"span_id\": \"APBnqgupArc=\","
        + " \"start_time_unix_nano\": 1}"), TRACE, "spans[0]"))
        .isInstanceOf(ApiException.class).hasMessageContaining("'spans[0].name'");
    assertThatThrownBy(() -> SpanDicts.readAll(json("{\"a\": 1}"), TRACE))
        .isInstanceOf(ApiException.class).hasMessageContaining("'spans'");
  }
}

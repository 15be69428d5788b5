package dev.tracelight.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading spans in the shapes MLflow servers return. */
class SpanJsonTest {

  @Test
  void readsOtelProtoJson_withBase64Ids_andJsonTextAttributes() throws Exception {
    String json =
        "{\"trace_id\":\"S/kvNXezTaajzpKdDg5HNg==\",\"span_id\":\"APBnqgupArc=\",\"parent_span_id\":\"\","
            + "\"name\":\"Messages.create\",\"start_time_unix_nano\":1718460461282000123,"
            + "\"end_time_unix_nano\":1718460462124000456,"
            + "\"attributes\":["
            + "{\"key\":\"mlflow.spanType\",\"value\":{\"string_value\":\"\\\"CHAT_MODEL\\\"\"}},"
            + "{\"key\":\"mlflow.chat.tokenUsage\",\"value\":{\"string_value\":\"{\\\"input_tokens\\\":3}\"}},"
            + "{\"key\":\"plain\",\"value\":{\"string_value\":\"not json\"}},"
            + "{\"key\":\"count\",\"value\":{\"int_value\":5}},"
            + "{\"key\":\"list\",\"value\":{\"array_value\":{\"values\":[{\"string_value\":\"a\"}]}}}],"
            + "\"events\":[{\"name\":\"exception\",\"time_unix_nano\":5,"
            + "\"attributes\":[{\"key\":\"exception.type\",\"value\":{\"string_value\":\"Boom\"}}]}],"
            + "\"status\":{\"code\":\"STATUS_CODE_ERROR\",\"message\":\"Boom: x\"}}";

    Span span = SpanJson.read(TraceJson.parse(json));

    assertThat(span.traceId()).isEqualTo("tr-4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(span.spanId()).isEqualTo("00f067aa0ba902b7");
    assertThat(span.parentSpanId()).isNull();
    assertThat(span.startTimeUnixNano()).isEqualTo(1718460461282000123L);
    assertThat(span.endTimeUnixNano()).isEqualTo(1718460462124000456L);
    assertThat(span.spanType()).isEqualTo(SpanType.CHAT_MODEL);
    assertThat(span.attribute("mlflow.chat.tokenUsage")).isEqualTo(Map.of("input_tokens", 3L));
    assertThat(span.attribute("plain")).isEqualTo("not json");
    assertThat(span.attribute("count")).isEqualTo(5L);
    assertThat(span.attribute("list")).isEqualTo(List.of("a"));
    assertThat(span.status()).isEqualTo(SpanStatusCode.ERROR);
    assertThat(span.statusMessage()).isEqualTo("Boom: x");
    assertThat(span.events().get(0).attributes()).containsEntry("exception.type", "Boom");
  }

  @Test
  void readsTracesJsonDict_withObjectAttributes() throws Exception {
    String json =
        "{\"trace_id\":\"S/kvNXezTaajzpKdDg5HNg==\",\"span_id\":\"APBnqgupArc=\","
            + "\"parent_span_id\":\"ERERERERERE=\",\"name\":\"child\","
            + "\"start_time_unix_nano\":1,\"end_time_unix_nano\":2,"
            + "\"status\":{\"code\":\"OK\",\"message\":\"\"},"
            + "\"attributes\":{\"mlflow.spanType\":\"\\\"TOOL\\\"\",\"mlflow.spanInputs\":{\"city\":\"Paris\"}},"
            + "\"events\":[]}";

    Span span = SpanJson.read(TraceJson.parse(json));

    assertThat(span.parentSpanId()).isEqualTo("1111111111111111");
    assertThat(span.spanType()).isEqualTo(SpanType.TOOL);
    assertThat(span.inputs()).isEqualTo(Map.of("city", "Paris"));
    assertThat(span.status()).isEqualTo(SpanStatusCode.OK);
  }
}

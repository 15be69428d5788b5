package dev.tracelight.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Our hand-written protobuf encoding, checked by decoding it with the generated OTLP classes. */
class OtlpTraceEncoderTest {
  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

  @Test
  void encodesSpans_asOtlpDecodesThem() throws Exception {
    Span root =
        Span.builder()
            .setOtelTraceId(TRACE)
            .setSpanId("00f067aa0ba902b7")
            .setName("Messages.create")
            .setTimes(1_718_460_461_282_000_123L, 1_718_460_462_124_000_456L)
            .setStatus(SpanStatusCode.ERROR, "Boom: bad")
            .putAttributeJson("mlflow.spanType", "\"CHAT_MODEL\"")
            .putAttributeJson("mlflow.spanInputs", "{\"model\":\"claude\"}")
            .putAttributeJson("gen_ai.request.max_tokens", "512")
            .putAttributeJson("gen_ai.request.model", "\"claude\"")
            .putAttributeJson("gen_ai.response.finish_reasons", "[\"end_turn\"]")
            .putAttributeJson("empty", "\"\"")
            .setEvents(List.of(SpanEvent.create("exception", 42L, Map.of("exception.type", "Boom"))))
            .build();
    Span child =
        Span.builder()
            .setOtelTraceId(TRACE)
            .setSpanId("1111111111111111")
            .setParentSpanId("00f067aa0ba902b7")
            .setName("child")
            .setTimes(1L, 2L)
            .setStatus(SpanStatusCode.OK, "")
            .build();

    ExportTraceServiceRequest request =
        ExportTraceServiceRequest.parseFrom(OtlpTraceEncoder.encode(List.of(root, child)));

    List<io.opentelemetry.proto.trace.v1.Span> spans =
        request.getResourceSpans(0).getScopeSpans(0).getSpansList();
    assertThat(spans).hasSize(2);
    io.opentelemetry.proto.trace.v1.Span decoded = spans.get(0);
    assertThat(decoded.getTraceId()).isEqualTo(bytes(TRACE));
    assertThat(decoded.getSpanId()).isEqualTo(bytes("00f067aa0ba902b7"));
    assertThat(decoded.getParentSpanId()).isEmpty();
    assertThat(decoded.getName()).isEqualTo("Messages.create");
    assertThat(decoded.getStartTimeUnixNano()).isEqualTo(1_718_460_461_282_000_123L);
    assertThat(decoded.getEndTimeUnixNano()).isEqualTo(1_718_460_462_124_000_456L);
    assertThat(decoded.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
    assertThat(decoded.getStatus().getMessage()).isEqualTo("Boom: bad");
    Map<String, AnyValue> attributes =
        decoded.getAttributesList().stream()
            .collect(Collectors.toMap(KeyValue::getKey, KeyValue::getValue));
    assertThat(attributes.get("mlflow.spanType").getStringValue()).isEqualTo("\"CHAT_MODEL\"");
    assertThat(attributes.get("mlflow.spanInputs").getStringValue()).isEqualTo("{\"model\":\"claude\"}");
    assertThat(attributes.get("gen_ai.request.max_tokens").getIntValue()).isEqualTo(512);
    assertThat(attributes.get("gen_ai.request.model").getStringValue()).isEqualTo("claude");
    assertThat(attributes.get("gen_ai.response.finish_reasons").getArrayValue().getValues(0).getStringValue())
        .isEqualTo("end_turn");
    assertThat(attributes.get("empty").hasStringValue()).isTrue();
    assertThat(decoded.getEvents(0).getName()).isEqualTo("exception");
    assertThat(decoded.getEvents(0).getTimeUnixNano()).isEqualTo(42L);
    assertThat(decoded.getEvents(0).getAttributes(0).getValue().getStringValue()).isEqualTo("Boom");
    assertThat(spans.get(1).getParentSpanId()).isEqualTo(bytes("00f067aa0ba902b7"));
    assertThat(spans.get(1).getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_OK);
  }

  private static ByteString bytes(String hex) {
    return ByteString.copyFrom(HexFormat.of().parseHex(hex));
  }
}

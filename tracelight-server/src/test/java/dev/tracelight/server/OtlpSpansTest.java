package dev.tracelight.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.tracelight.store.SpanRecord;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.Test;

class OtlpSpansTest {

  static AnyValue str(String s) {
    return AnyValue.newBuilder().setStringValue(s).build();
  }

  @Test
  void mlflowKeyWithJsonText_keptVerbatim() {
    assertThat(OtlpSpans.attributeJson("mlflow.spanInputs", str("{\"a\": [1, 2]}")))
        .isEqualTo("{\"a\": [1, 2]}");
    assertThat(OtlpSpans.attributeJson("mlflow.spanType", str("\"LLM\""))).isEqualTo("\"LLM\"");
  }

  @Test
  void otherStrings_jsonEncoded() {
    assertThat(OtlpSpans.attributeJson("mlflow.spanType", str("LLM"))).isEqualTo("\"LLM\"");
    assertThat(OtlpSpans.attributeJson("http.body", str("{\"a\":1}")))
        .isEqualTo("\"{\\\"a\\\":1}\"");
    assertThat(OtlpSpans.attributeJson("mlflow.note", str(""))).isEqualTo("\"\"");
  }

  @Test
  void nativeValues_becomeJson() {
    assertThat(OtlpSpans.attributeJson("k", AnyValue.newBuilder().setBoolValue(true).build()))
        .isEqualTo("true");
    assertThat(OtlpSpans.attributeJson("k", AnyValue.newBuilder().setIntValue(9_007_199_254_740_993L).build()))
        .isEqualTo("9007199254740993");
    assertThat(OtlpSpans.attributeJson("k", AnyValue.newBuilder().setDoubleValue(0.5).build()))
        .isEqualTo("0.5");
    AnyValue array = AnyValue.newBuilder().setArrayValue(ArrayValue.newBuilder()
        .addValues(str("a")).addValues(AnyValue.newBuilder().setIntValue(2))).build();
    assertThat(OtlpSpans.attributeJson("k", array)).isEqualTo("[\"a\",2]");
    AnyValue kv = AnyValue.newBuilder().setKvlistValue(KeyValueList.newBuilder()
        .addValues(KeyValue.newBuilder().setKey("x").setValue(str("y")))).build();
    assertThat(OtlpSpans.attributeJson("k", kv)).isEqualTo("{\"x\":\"y\"}");
  }

  @Test
  void span_getsMlflowTraceIdAndRequestIdAttribute() {
    byte[] traceId = new byte[16];
    traceId[15] = 1;
    SpanRecord record = OtlpSpans.toSpanRecord(Span.newBuilder()
        .setTraceId(ByteString.copyFrom(traceId))
        .setSpanId(ByteString.copyFrom(new byte[] {0, 0, 0, 0, 0, 0, 0, 2}))
        .setName("root").build());
    assertThat(record.traceId()).isEqualTo("tr-00000000000000000000000000000001");
    assertThat(record.spanId()).isEqualTo("0000000000000002");
    assertThat(record.parentSpanId()).isEmpty();
    assertThat(record.attributes())
        .containsEntry("mlflow.traceRequestId", "\"tr-00000000000000000000000000000001\"");
  }

  @Test
  void badIdLength_rejectedAsClientError() {
    assertThatThrownBy(() -> OtlpSpans.toSpanRecord(Span.newBuilder()
        .setTraceId(ByteString.copyFrom(new byte[3])).setSpanId(ByteString.copyFrom(new byte[8]))
        .build()))
        .isInstanceOf(ApiException.class).hasMessageContaining("trace_id");
  }
}

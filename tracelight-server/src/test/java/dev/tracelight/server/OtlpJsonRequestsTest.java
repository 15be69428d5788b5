package dev.tracelight.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OtlpJsonRequestsTest {

  static ExportTraceServiceRequest parse(String json) {
    return OtlpJsonRequests.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  static void assertInvalid(String json, String... messageParts) {
    assertThatThrownBy(() -> parse(json))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.httpStatus).isEqualTo(400))
        .hasMessageContainingAll(messageParts);
  }

  @Test
  void encodedRequest_readsBackAsTheSameProtobuf() {
    OtlpTestRequests otlp = new OtlpTestRequests();
    AnyValue every = AnyValue.newBuilder().setKvlistValue(KeyValueList.newBuilder()
        .addValues(kv("b", AnyValue.newBuilder().setBoolValue(true).build()))
        .addValues(kv("i", AnyValue.newBuilder().setIntValue(-9_007_199_254_740_993L).build()))
        .addValues(kv("d", AnyValue.newBuilder().setDoubleValue(0.25).build()))
        .addValues(kv("x", AnyValue.newBuilder()
            .setBytesValue(ByteString.copyFrom(new byte[] {1, 2, (byte) 255})).build()))
        .addValues(kv("a", AnyValue.newBuilder().setArrayValue(ArrayValue.newBuilder()
            .addValues(AnyValue.newBuilder().setStringValue("s"))).build()))).build();
    ExportTraceServiceRequest request = ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(ResourceSpans.newBuilder()
            .setResource(Resource.newBuilder().addAttributes(
                OtlpTestRequests.string("service.name", "checkout")))
            .addScopeSpans(ScopeSpans.newBuilder()
                .setScope(InstrumentationScope.newBuilder().setName("@opentelemetry/x")
                    .setVersion("1.2.3"))
                .addSpans(otlp.root().setKind(Span.SpanKind.SPAN_KIND_SERVER)
                    .addAttributes(kv("every", every)))
                .addSpans(otlp.child().setKind(Span.SpanKind.SPAN_KIND_CLIENT))))
        .build();

    assertThat(parse(OtlpJsonEncoder.encode(request))).isEqualTo(request);
  }

  @Test
  void snakeCaseNamesEnumNamesNumbersAndUppercaseHex_accepted() {
    ExportTraceServiceRequest r = parse("{\"resource_spans\": [{\"scope_spans\": [{\"spans\": [{"
        + "\"trace_id\": \"0AF7651916CD43DD8448EB211C80319C\", \"span_id\": \"B7AD6B7169203331\","
        + "\"name\": \"chat\", \"kind\": \"SPAN_KIND_CLIENT\","
        + "\"start_time_unix_nano\": 1750000000123456789,"
        + "\"endTimeUnixNano\": \"1750000000999999999\","
        + "\"status\": {\"code\": \"STATUS_CODE_ERROR\", \"message\": \"boom\"},"
        + "\"attributes\": [{\"key\": \"n\", \"value\": {\"int_value\": 7}},"
        + " {\"key\": \"d\", \"value\": {\"doubleValue\": \"NaN\"}}],"
        + "\"futureField\": {\"ignored\": true}}]}]}]}");
    Span span = r.getResourceSpans(0).getScopeSpans(0).getSpans(0);
    assertThat(span.getTraceId().toByteArray()[0]).isEqualTo((byte) 0x0a);
    assertThat(span.getParentSpanId().isEmpty()).isTrue();
    assertThat(span.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
    assertThat(span.getStartTimeUnixNano()).isEqualTo(1_750_000_000_123_456_789L);
    assertThat(span.getEndTimeUnixNano()).isEqualTo(1_750_000_000_999_999_999L);
    assertThat(span.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
    assertThat(span.getAttributes(0).getValue().getIntValue()).isEqualTo(7);
    assertThat(span.getAttributes(1).getValue().getDoubleValue()).isNaN();
  }

  @Test
  void base64Ids_rejectedNamingHex() {
    assertInvalid("{\"resourceSpans\": [{\"scopeSpans\": [{\"spans\": [{"
            + "\"traceId\": \"CvdlGRbNQ92ESOshHIAxnA==\", \"spanId\": \"t61rcWkgMzE=\"}]}]}]}",
        "resourceSpans[0].scopeSpans[0].spans[0].traceId", "32 hex characters", "not base64");
  }

  @Test
  void wrongShapes_rejectedWithTheirPath() {
    assertInvalid("{\"resourceSpans\": {}}", "resourceSpans", "a list");
    assertInvalid("{\"resourceSpans\": [{\"scopeSpans\": [{\"spans\": [{"
        + "\"startTimeUnixNano\": 1.5e18}]}]}]}", "spans[0].startTimeUnixNano", "unsigned");
    assertInvalid("{\"resourceSpans\": [{\"scopeSpans\": [{\"spans\": [{"
        + "\"kind\": \"SPAN_KIND_SIDEWAYS\"}]}]}]}", "spans[0].kind", "SpanKind");
    assertInvalid("{\"resourceSpans\": [{\"scopeSpans\": [{\"spans\": [{"
        + "\"attributes\": [{\"key\": \"k\", \"value\": {\"boolValue\": \"yes\"}}]}]}]}]}",
        "attributes[0].value.boolValue");
    assertInvalid("[]", "JSON object");
    assertInvalid("{\"resourceSpans\": [", "Malformed JSON");
  }

  static KeyValue kv(String key, AnyValue value) {
    return KeyValue.newBuilder().setKey(key).setValue(value).build();
  }
}

package dev.tracelight.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** order_by strings to ORDER BY lists, always ending on the trace id, and their page tokens. */
class TraceOrderTest {

  static String sql(String... orderBy) {
    return TraceOrder.parse(List.of(orderBy)).sql();
  }

  @Test
  void none_isNewestFirst() {
    assertThat(sql()).isEqualTo("request_time DESC, trace_id ASC");
  }

  @Test
  void keys_aliasesAndDirections() {
    assertThat(sql("timestamp_ms ASC")).isEqualTo("request_time ASC, trace_id ASC");
    assertThat(sql("trace.execution_time_ms desc"))
        .isEqualTo("execution_duration DESC, trace_id ASC");
    assertThat(sql("attributes.timestamp", "request_id DESC"))
        .isEqualTo("request_time ASC, trace_id DESC");
    assertThat(sql("request_id", "timestamp_ms DESC")).isEqualTo("trace_id ASC");
    assertThat(sql("timestamp_ms DESC", "timestamp_ms ASC", " "))
        .isEqualTo("request_time DESC, trace_id ASC");
  }

  @Test
  void unsupportedOrMalformed_invalidArgument() {
    assertThatThrownBy(() -> sql("name ASC")).hasMessageContaining("'name ASC' is not supported");
    assertThatThrownBy(() -> sql("timestamp_ms UP")).hasMessageContaining("[ASC|DESC]");
    assertThatThrownBy(() -> sql("timestamp_ms ASC NULLS")).hasMessageContaining("[ASC|DESC]");
  }

  @Test
  void pageToken_continuesAfterRow_andIsRefusedUnderAnotherOrder() {
    TraceOrder order = TraceOrder.parse(List.of("execution_time_ms DESC"));
    TraceInfo last = TraceInfo.builder().setTraceId("tr-a|b").setExperimentId("1")
        .setExecutionDuration(42).build();
    String token = order.pageToken(last);

    StringBuilder where = new StringBuilder();
    List<Object> args = new ArrayList<>();
    order.appendAfter(token, where, args);
    assertThat(where.toString()).isEqualTo(
        " AND ((execution_duration < ?) OR (execution_duration = ? AND trace_id > ?))");
    assertThat(args).containsExactly(42L, 42L, "tr-a|b");

    assertThatThrownBy(() -> TraceOrder.DEFAULT.appendAfter(token, where, args))
        .hasMessageContaining("Invalid page token");
  }
}

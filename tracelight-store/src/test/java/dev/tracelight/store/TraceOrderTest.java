package dev.tracelight.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** order_by strings to sort keys with MLflow's tie-breakers, and their page tokens. */
class TraceOrderTest {

  static String keys(String... orderBy) {
    return TraceOrder.parse(List.of(orderBy)).toString();
  }

  @Test
  void none_isNewestFirst() {
    assertThat(keys()).isEqualTo("timestamp_ms DESC, request_id ASC");
    assertThat(TraceOrder.DEFAULT.toString()).isEqualTo(keys());
    assertThat(TraceOrder.DEFAULT.sql())
        .isEqualTo("trace_info.request_time DESC, trace_info.trace_id ASC");
  }

  @Test
  void keys_aliasesDirectionsAndTieBreakers() {
    assertThat(keys("timestamp_ms ASC")).isEqualTo("timestamp_ms ASC, request_id ASC");
    assertThat(keys("trace.execution_time_ms desc"))
        .isEqualTo("execution_time_ms DESC, timestamp_ms DESC, request_id ASC");
    assertThat(keys("attributes.timestamp", "request_id DESC"))
        .isEqualTo("timestamp_ms ASC, request_id DESC");
    assertThat(keys("request_id", "timestamp_ms DESC")).isEqualTo("request_id ASC");
    assertThat(keys("timestamp_ms DESC", "timestamp_ms ASC", " "))
        .isEqualTo("timestamp_ms DESC, request_id ASC");
    assertThat(keys("status", "name DESC", "run_id", "experiment_id DESC"))
        .isEqualTo("status ASC, name DESC, run_id ASC, experiment_id DESC, timestamp_ms DESC,"
            + " request_id ASC");
    assertThat(keys("`name`")).isEqualTo("name ASC, timestamp_ms DESC, request_id ASC");
  }

  @Test
  void unsupportedOrMalformed_invalidArgument() {
    assertThatThrownBy(() -> keys("bogus ASC"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("Invalid order_by 'bogus ASC': unknown key 'bogus'");
    assertThatThrownBy(() -> keys("timestamp_ms UP")).hasMessageContaining("[ASC|DESC]");
    assertThatThrownBy(() -> keys("timestamp_ms ASC NULLS")).hasMessageContaining("[ASC|DESC]");
  }

  @Test
  void pageToken_continuesAfterRow_withLeadingBound() {
    TraceOrder order = TraceOrder.parse(List.of("execution_time_ms DESC"));
    TraceInfo last = TraceInfo.builder().setTraceId("tr-a|b").setExperimentId("1")
        .setExecutionDuration(42).setRequestTime(7).build();
    String token = order.pageToken(last);

    StringBuilder where = new StringBuilder();
    List<Object> args = new ArrayList<>();
    order.appendAfter(token, where, args);
    assertThat(where.toString()).isEqualTo(" AND trace_info.execution_duration <= ?"
        + " AND ((trace_info.execution_duration < ?)"
        + " OR (trace_info.execution_duration = ? AND trace_info.request_time < ?)"
        + " OR (trace_info.execution_duration = ? AND trace_info.request_time = ?"
        + " AND trace_info.trace_id > ?))");
    assertThat(args).containsExactly(42L, 42L, 42L, 7L, 42L, 7L, "tr-a|b");
  }

  @Test
  void pageToken_textKeysFromTagsAndMetadata() {
    TraceOrder order = TraceOrder.parse(List.of("name", "run_id DESC", "status"));
    TraceInfo last = TraceInfo.builder().setTraceId("tr-1").setExperimentId("3")
        .putTag(TraceInfo.TRACE_NAME, "agent \"x\"|y").setRequestTime(5).build();
    List<Object> args = new ArrayList<>();
    order.appendAfter(order.pageToken(last), new StringBuilder(), args);
    assertThat(args).startsWith("agent \"x\"|y", "agent \"x\"|y", "agent \"x\"|y", "")
        .endsWith("OK", 5L, "tr-1");
  }

  @Test
  void pageToken_ofAnotherOrder_editedOrForeign_isRefused() {
    TraceOrder order = TraceOrder.parse(List.of("execution_time_ms DESC"));
    TraceInfo last = TraceInfo.builder().setTraceId("tr-1").setExperimentId("1").build();
    String token = order.pageToken(last);

    assertRefused(TraceOrder.DEFAULT, token, "made for order_by [execution_time_ms DESC,"
        + " timestamp_ms DESC, request_id ASC], not [timestamp_ms DESC, request_id ASC]");
    char flipped = token.charAt(3) == 'A' ? 'B' : 'A';
    assertRefused(order, token.substring(0, 3) + flipped + token.substring(4),
        "Invalid page token");
    assertRefused(order, token.substring(0, token.length() - 2), "Invalid page token");
    assertRefused(order, "", "Invalid page token");
    assertRefused(order, "%%%.***", "Invalid page token");
    assertRefused(order, "bm90IGEgdG9rZW4", "Invalid page token");
    String foreignJson = Base64.getUrlEncoder().withoutPadding().encodeToString(
        "{\"v\":\"t3\"}".getBytes(StandardCharsets.UTF_8));
    assertRefused(order, foreignJson + ".AAAA", "Invalid page token");
    assertRefused(order, PageToken.encodeExperimentKey("name ASC", List.of("a", "5")), "Invalid page token");
  }

  private static void assertRefused(TraceOrder order, String token, String message) {
    assertThatThrownBy(() -> order.appendAfter(token, new StringBuilder(), new ArrayList<>()))
        .as(token)
        .isInstanceOfSatisfying(StoreException.class,
            e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.INVALID_ARGUMENT))
        .hasMessageContaining(message);
  }
}

package dev.tracelight.store;

import static dev.tracelight.store.TestSpans.newTraceId;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Setting and deleting trace tags, their limits, and their surviving StartTraceV3. */
abstract class TraceTagKit extends TraceKitSupport {

  @Test
  void setTag_addsOrReplaces_andReadsBack() {
    String traceId = oneSpanTrace("agent", 0, 5, SpanStatusCode.OK);

    writer().setTraceTag(traceId, "topic", "billing");
    writer().setTraceTag(traceId, "topic", "refunds");
    writer().setTraceTag(traceId, "env", "");

    assertThat(reader().traceInfo(traceId).orElseThrow().tags())
        .containsEntry("topic", "refunds")
        .containsEntry("env", "")
        .containsEntry(TraceInfo.TRACE_NAME, "agent");
  }

  @Test
  void deleteTag_removesIt_missingKeyOrTraceNotFound() {
    String traceId = oneSpanTrace("agent", 0, 5, SpanStatusCode.OK);
    writer().setTraceTag(traceId, "topic", "billing");

    writer().deleteTraceTag(traceId, "topic");

    assertThat(reader().traceInfo(traceId).orElseThrow().tags()).doesNotContainKey("topic");
    assertStoreError(() -> writer().deleteTraceTag(traceId, "topic"),
        StoreException.Reason.NOT_FOUND, "No tag with key 'topic'");
    String unknown = newTraceId();
    assertStoreError(() -> writer().deleteTraceTag(unknown, "topic"),
        StoreException.Reason.NOT_FOUND, "Trace with ID " + unknown + " not found");
    assertStoreError(() -> writer().setTraceTag(unknown, "topic", "x"),
        StoreException.Reason.NOT_FOUND, unknown);
  }

  @Test
  void limits_key250_value4096() {
    String traceId = oneSpanTrace("agent", 0, 5, SpanStatusCode.OK);
    String longestKey = "k".repeat(TraceInfo.MAX_TAG_KEY_CHARS);

    writer().setTraceTag(traceId, longestKey, "v".repeat(TraceInfo.MAX_TAG_VALUE_CHARS));

    assertThat(reader().traceInfo(traceId).orElseThrow().tags().get(longestKey)).hasSize(4096);
    assertStoreError(() -> writer().setTraceTag(traceId, longestKey + "k", "v"),
        StoreException.Reason.INVALID_ARGUMENT, "at most 250");
    assertStoreError(() -> writer().setTraceTag(traceId, "k", "v".repeat(4097)),
        StoreException.Reason.INVALID_ARGUMENT, "at most 4096");
    assertStoreError(() -> writer().setTraceTag(traceId, "", "v"),
        StoreException.Reason.INVALID_ARGUMENT, "must not be empty");
  }

  @Test
  void tagSetBeforeStartTrace_survivesIt() {
    String traceId = newTraceId();
    writer().acceptSpans(experimentId, rootAndChild(traceId));
    writer().setTraceTag(traceId, "topic", "billing");

    TraceInfo started = writer().startTrace(clientInfo(traceId));

    assertThat(started.tags())
        .containsEntry("topic", "billing")
        .containsEntry(TraceInfo.TRACE_NAME, "agent")
        .containsKey("mlflow.artifactLocation");
  }

  @Test
  void tagSetAfterStartTrace_survivesARetriedStartTraceAndLateSpans() {
    String traceId = newTraceId();
    writer().startTrace(clientInfo(traceId));
    writer().setTraceTag(traceId, "reviewed", "yes");

    writer().startTrace(clientInfo(traceId).toBuilder().putTag("env", "prod").build());
    writer().acceptSpans(experimentId, rootAndChild(traceId));

    assertThat(reader().traceInfo(traceId).orElseThrow().tags())
        .containsEntry("reviewed", "yes")
        .containsEntry("env", "prod");
  }
}

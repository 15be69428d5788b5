package dev.tracelight.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExportPipelineTest {

  /** An exporter that holds each batch until released, to observe the queue from outside. */
  private static final class GatedExporter implements TraceExporter {
    final List<String> exported = new CopyOnWriteArrayList<>();
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch firstBatchStarted = new CountDownLatch(1);

    @Override
    public void export(List<ExportItem> items) {
      firstBatchStarted.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      items.forEach(t -> exported.add(t.traceId()));
    }
  }

  @Test
  void flush_waitsForEverythingEnqueuedBefore() throws Exception {
    GatedExporter exporter = new GatedExporter();
    ExportPipeline pipeline = new ExportPipeline(exporter, 16, 64);
    for (int i = 0; i < 5; i++) {
      assertThat(pipeline.enqueue(trace("tr-" + i))).isTrue();
    }
    assertThat(exporter.firstBatchStarted.await(5, TimeUnit.SECONDS)).isTrue();

    assertThat(pipeline.flush(Duration.ofMillis(100))).isFalse();
    exporter.release.countDown();
    assertThat(pipeline.flush(Duration.ofSeconds(5))).isTrue();
    assertThat(exporter.exported).containsExactlyInAnyOrder("tr-0", "tr-1", "tr-2", "tr-3", "tr-4");
  }

  @Test
  void fullQueue_dropsAndCounts_withoutBlocking() throws Exception {
    GatedExporter exporter = new GatedExporter();
    ExportPipeline pipeline = new ExportPipeline(exporter, 2, 64);
    pipeline.enqueue(trace("tr-first"));
    assertThat(exporter.firstBatchStarted.await(5, TimeUnit.SECONDS)).isTrue();
    // the worker holds the first batch; two fit in the queue, the rest are dropped
    int accepted = 0;
    for (int i = 0; i < 10; i++) {
      if (pipeline.enqueue(trace("tr-" + i))) {
        accepted++;
      }
    }
    assertThat(accepted).isEqualTo(2);
    assertThat(pipeline.droppedCount()).isEqualTo(8);
    exporter.release.countDown();
    assertThat(pipeline.flush(Duration.ofSeconds(5))).isTrue();
    assertThat(exporter.exported).hasSize(3);
  }

  private static ExportItem trace(String id) {
    TraceInfo info = TraceInfo.builder().setTraceId(id).setRequestTime(Instant.EPOCH).build();
    return ExportItem.trace(Trace.create(info, TraceData.create(List.of())));
  }
}

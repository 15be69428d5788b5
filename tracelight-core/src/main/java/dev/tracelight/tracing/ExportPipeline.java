package dev.tracelight.tracing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A bounded queue of finished traces and one worker thread that exports them in batches. Enqueuing
 * never blocks: when the queue is full the item is dropped and counted, with a warning at most once
 * a minute. {@link #flush(Duration)} waits until everything enqueued before the call is handled.
 * Capacity and batch size can change at run time.
 */
final class ExportPipeline {
  private static final Logger logger = Logger.getLogger(ExportPipeline.class.getName());
  private static final long WARNING_INTERVAL_NANOS = 60_000_000_000L;

  private final LinkedBlockingQueue<ExportItem> queue = new LinkedBlockingQueue<>();
  private final TraceExporter exporter;
  private final AtomicLong dropped = new AtomicLong();
  private final Object progress = new Object();
  private long enqueued; // guarded by progress
  private long handled; // guarded by progress
  private volatile int capacity;
  private volatile int batchSize;
  private volatile long lastDropWarningNanos = System.nanoTime() - WARNING_INTERVAL_NANOS;

  ExportPipeline(TraceExporter exporter, int capacity, int batchSize) {
    this.exporter = exporter;
    resize(capacity, batchSize);
    Thread worker = new Thread(this::run, "tracelight-export");
    worker.setDaemon(true);
    worker.start();
  }

  void resize(int capacity, int batchSize) {
    this.capacity = capacity;
    this.batchSize = batchSize;
  }

  /** Queues an item for export; returns false (and counts a drop) when the queue is full. */
  boolean enqueue(ExportItem item) {
    synchronized (progress) {
      if (queue.size() >= capacity) {
        dropped.incrementAndGet();
        warnDropped();
        return false;
      }
      queue.add(item);
      enqueued++;
      return true;
    }
  }

  /** Waits until every item queued before this call is exported or failed; false on timeout. */
  boolean flush(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      long target = enqueued;
      while (handled < target) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(progress, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }

  long droppedCount() {
    return dropped.get();
  }

  int queued() {
    return queue.size();
  }

  private void run() {
    List<ExportItem> batch = new ArrayList<>();
    while (true) {
      try {
        batch.add(queue.take());
        queue.drainTo(batch, Math.max(0, batchSize - 1));
        exporter.export(batch);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        logger.log(Level.WARNING, "Tracelight's export worker hit an unexpected error", e);
      } finally {
        synchronized (progress) {
          handled += batch.size();
          progress.notifyAll();
        }
        batch.clear();
      }
    }
  }

  private void warnDropped() {
    long now = System.nanoTime();
    if (now - lastDropWarningNanos >= WARNING_INTERVAL_NANOS) {
      lastDropWarningNanos = now;
      logger.warning("Tracelight's export queue is full (" + capacity + " traces); dropped "
          + dropped.get() + " so far. Is the tracking server reachable?");
    }
  }
}

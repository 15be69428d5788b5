package dev.tracelight.tracing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A bounded queue of finished traces and one worker thread that exports them in batches. Enqueuing
 * never blocks: when the queue is full the trace is dropped and counted. {@link #flush(Duration)}
 * waits until everything enqueued before the call has been handled.
 */
final class ExportPipeline {
  private static final Logger logger = Logger.getLogger(ExportPipeline.class.getName());
  static final int DEFAULT_QUEUE_CAPACITY = 2048;
  static final int MAX_BATCH = 64;
  private static final long WARNING_INTERVAL_NANOS = 60_000_000_000L;

  private final BlockingQueue<Trace> queue;
  private final TraceExporter exporter;
  private final AtomicLong enqueued = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final Object progress = new Object();
  private long handled; // guarded by progress
  private volatile long lastDropWarningNanos = System.nanoTime() - WARNING_INTERVAL_NANOS;
  private final Thread worker;

  ExportPipeline(TraceExporter exporter, int capacity) {
    this.exporter = exporter;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.worker = new Thread(this::run, "tracelight-export");
    worker.setDaemon(true);
    worker.start();
  }

  /** Queues a trace for export; returns false (and counts a drop) when the queue is full. */
  boolean enqueue(Trace trace) {
    synchronized (progress) {
      if (!queue.offer(trace)) {
        dropped.incrementAndGet();
        warnDropped();
        return false;
      }
      enqueued.incrementAndGet();
      return true;
    }
  }

  /** Waits until every trace queued before this call is exported or failed; false on timeout. */
  boolean flush(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      long target = enqueued.get();
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

  private void run() {
    List<Trace> batch = new ArrayList<>(MAX_BATCH);
    while (true) {
      try {
        batch.add(queue.take());
        queue.drainTo(batch, MAX_BATCH - 1);
        exporter.export(batch);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException | Error e) {
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
      logger.warning(
          "Tracelight's export queue is full ("
              + queue.size()
              + " traces); dropped "
              + dropped.get()
              + " traces so far. Is the tracking server reachable?");
    }
  }
}

package dev.tracelight.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Every request the fake received, in arrival order. Requests are recorded before the reply is
 * written, so a client that has its answer always finds its request here.
 */
final class RequestLog {

  private final List<RecordedRequest> all = new ArrayList<>();
  private final BlockingQueue<RecordedRequest> untaken = new LinkedBlockingQueue<>();

  synchronized void record(RecordedRequest request) {
    all.add(request);
    untaken.add(request);
  }

  synchronized List<RecordedRequest> all() {
    return List.copyOf(all);
  }

  synchronized int size() {
    return all.size();
  }

  synchronized RecordedRequest last() {
    if (all.isEmpty()) {
      throw new IllegalStateException("the fake has received no request");
    }
    return all.get(all.size() - 1);
  }

  /** The oldest request not taken yet, waiting up to {@code timeout} for one to arrive. */
  RecordedRequest take(Duration timeout) throws InterruptedException {
    RecordedRequest request = untaken.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (request == null) {
      throw new IllegalStateException("no request arrived within " + timeout);
    }
    return request;
  }

  synchronized void clear() {
    all.clear();
    untaken.clear();
  }
}

package dev.tracelight.testkit;

import static java.util.Objects.requireNonNull;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * Decides which reply a valid request gets: the oldest enqueued reply, else the responder's, else
 * the default. Safe for concurrent requests; each enqueued reply is used exactly once.
 */
final class ReplyScript {

  private final Queue<FakeReply> queue = new ConcurrentLinkedQueue<>();
  @Nullable private volatile Function<RecordedRequest, FakeReply> responder;

  void enqueue(FakeReply reply) {
    queue.add(requireNonNull(reply, "reply"));
  }

  void setResponder(Function<RecordedRequest, FakeReply> responder) {
    this.responder = requireNonNull(responder, "responder");
  }

  int pending() {
    return queue.size();
  }

  void reset() {
    queue.clear();
    responder = null;
  }

  /** @throws RuntimeException whatever the responder throws, including for a null reply */
  FakeReply next(RecordedRequest request) {
    FakeReply scripted = queue.poll();
    if (scripted != null) {
      return scripted;
    }
    Function<RecordedRequest, FakeReply> current = responder;
    if (current == null) {
      return FakeReply.defaultReply();
    }
    return requireNonNull(
        current.apply(request), "the responder returned null; return FakeReply.defaultReply()");
  }
}

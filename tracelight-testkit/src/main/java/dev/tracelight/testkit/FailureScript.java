package dev.tracelight.testkit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scripted failures: each answers exactly one later request whose path starts with its prefix, in
 * the order they were queued. Thread-safe.
 */
final class FailureScript {

  private final List<Failure> queue = new ArrayList<>();

  synchronized void enqueue(String pathPrefix, int status, Map<String, String> headers) {
    MlflowError error =
        MlflowError.forStatus(status, "Scripted failure " + status + " by FakeMlflowServer");
    queue.add(new Failure(pathPrefix, MlflowReply.error(error).withHeaders(headers)));
  }

  /** Takes the oldest failure meant for {@code path}, if any. */
  synchronized Optional<MlflowReply> take(String path) {
    for (Iterator<Failure> it = queue.iterator(); it.hasNext(); ) {
      Failure failure = it.next();
      if (path.startsWith(failure.pathPrefix)) {
        it.remove();
        return Optional.of(failure.reply);
      }
    }
    return Optional.empty();
  }

  synchronized int pending() {
    return queue.size();
  }

  synchronized void clear() {
    queue.clear();
  }

  private static final class Failure {
    final String pathPrefix;
    final MlflowReply reply;

    Failure(String pathPrefix, MlflowReply reply) {
      this.pathPrefix = pathPrefix;
      this.reply = reply;
    }
  }
}

package dev.tracelight.store;

/**
 * A storage backend, split by direction like Zipkin's {@code StorageComponent}: one write path,
 * read paths per entity. Open one with {@link StorageFactory#open(String)}; thread-safe.
 */
public interface Storage extends AutoCloseable {

  ExperimentStore experiments();

  TraceWriter traceWriter();

  TraceReader traceReader();

  /** Feedback and expectations on traces; a backend without them leaves this unsupported. */
  default AssessmentStore assessments() {
    throw new UnsupportedOperationException("assessments are not supported by " + this);
  }

  /** Users and API tokens for the server's optional authentication. */
  default UserStore users() {
    throw new UnsupportedOperationException("users are not supported by " + this);
  }

  /** Aggregates over an experiment's traces for its overview. */
  default TraceStatistics statistics() {
    throw new UnsupportedOperationException("statistics are not supported by " + this);
  }

  /** Throws if the backend cannot answer a trivial query; for health checks. */
  default void check() {}

  /** Releases connections. */
  @Override
  void close();
}

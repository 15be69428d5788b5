package dev.tracelight.tracing;

import java.util.List;
import java.util.Optional;

/** One page of a trace search: trace infos (no spans) and the token of the next page, if any. */
public final class TraceInfoPage {
  private final List<TraceInfo> traces;
  @Nullable private final String nextPageToken;

  private TraceInfoPage(List<TraceInfo> traces, @Nullable String nextPageToken) {
    this.traces = List.copyOf(traces);
    this.nextPageToken = nextPageToken;
  }

  static TraceInfoPage create(List<TraceInfo> traces, @Nullable String nextPageToken) {
    return new TraceInfoPage(traces, nextPageToken == null || nextPageToken.isEmpty() ? null : nextPageToken);
  }

  public List<TraceInfo> traces() {
    return traces;
  }

  /** Pass to the next search to continue; empty on the last page. */
  public Optional<String> nextPageToken() {
    return Optional.ofNullable(nextPageToken);
  }
}

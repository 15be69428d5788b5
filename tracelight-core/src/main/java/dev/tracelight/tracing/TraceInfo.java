package dev.tracelight.tracing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What MLflow knows about a trace without its spans: MLflow's {@code TraceInfoV3}. */
public final class TraceInfo {
  private final String traceId;
  @Nullable private final String experimentId;
  @Nullable private final String clientRequestId;
  private final Instant requestTime;
  private final Duration executionDuration;
  private final TraceState state;
  private final String requestPreview;
  private final String responsePreview;
  private final Map<String, String> traceMetadata;
  private final Map<String, String> tags;
  private final List<Assessment> assessments;

  private TraceInfo(Builder b) {
    this.traceId = Objects.requireNonNull(b.traceId, "traceId");
    this.experimentId = b.experimentId;
    this.clientRequestId = b.clientRequestId;
    this.requestTime = Objects.requireNonNull(b.requestTime, "requestTime");
    this.executionDuration = Objects.requireNonNull(b.executionDuration, "executionDuration");
    this.state = Objects.requireNonNull(b.state, "state");
    this.requestPreview = b.requestPreview;
    this.responsePreview = b.responsePreview;
    this.traceMetadata = Collections.unmodifiableMap(new LinkedHashMap<>(b.traceMetadata));
    this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(b.tags));
    this.assessments = List.copyOf(b.assessments);
  }

  static Builder builder() {
    return new Builder();
  }

  Builder toBuilder() {
    Builder b = new Builder();
    b.traceId = traceId;
    b.experimentId = experimentId;
    b.clientRequestId = clientRequestId;
    b.requestTime = requestTime;
    b.executionDuration = executionDuration;
    b.state = state;
    b.requestPreview = requestPreview;
    b.responsePreview = responsePreview;
    b.traceMetadata.putAll(traceMetadata);
    b.tags.putAll(tags);
    b.assessments.addAll(assessments);
    return b;
  }

  /** The MLflow trace id, {@code tr-} followed by 32 hex digits. */
  public String traceId() {
    return traceId;
  }

  /** The experiment the trace belongs to, or null while it is not yet known (not exported). */
  @Nullable
  public String experimentId() {
    return experimentId;
  }

  @Nullable
  public String clientRequestId() {
    return clientRequestId;
  }

  /** When the root span started. */
  public Instant requestTime() {
    return requestTime;
  }

  /** How long the root span took. */
  public Duration executionDuration() {
    return executionDuration;
  }

  public TraceState state() {
    return state;
  }

  /** The root span's inputs as JSON, truncated. */
  public String requestPreview() {
    return requestPreview;
  }

  /** The root span's outputs as JSON, truncated. */
  public String responsePreview() {
    return responsePreview;
  }

  public Map<String, String> traceMetadata() {
    return traceMetadata;
  }

  public Map<String, String> tags() {
    return tags;
  }

  /** Feedback and expectations logged on the trace (as read back from a tracking server). */
  public List<Assessment> assessments() {
    return assessments;
  }

  /**
   * Token usage summed over the trace's spans (a span's usage counts only when no ancestor already
   * reported usage), or null when no span reported any.
   */
  @Nullable
  public TokenUsage tokenUsage() {
    String json = traceMetadata.get(TraceMetadataKey.TOKEN_USAGE);
    return json == null ? null : TokenUsage.fromMap(TraceJson.decodeAttribute(json));
  }

  @Override
  public String toString() {
    return "TraceInfo{" + traceId + ", experiment=" + experimentId + ", " + state + "}";
  }

  static final class Builder {
    private String traceId;
    @Nullable private String experimentId;
    @Nullable private String clientRequestId;
    private Instant requestTime;
    private Duration executionDuration = Duration.ZERO;
    private TraceState state = TraceState.OK;
    private String requestPreview = "";
    private String responsePreview = "";
    private final Map<String, String> traceMetadata = new LinkedHashMap<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final List<Assessment> assessments = new ArrayList<>();

    Builder setTraceId(String traceId) {
      this.traceId = traceId;
      return this;
    }

    Builder setExperimentId(@Nullable String experimentId) {
      this.experimentId = experimentId;
      return this;
    }

    Builder setClientRequestId(@Nullable String clientRequestId) {
      this.clientRequestId = clientRequestId;
      return this;
    }

    Builder setRequestTime(Instant requestTime) {
      this.requestTime = requestTime;
      return this;
    }

    Builder setExecutionDuration(Duration executionDuration) {
      this.executionDuration = executionDuration;
      return this;
    }

    Builder setState(TraceState state) {
      this.state = state;
      return this;
    }

    Builder setRequestPreview(@Nullable String preview) {
      this.requestPreview = preview == null ? "" : preview;
      return this;
    }

    Builder setResponsePreview(@Nullable String preview) {
      this.responsePreview = preview == null ? "" : preview;
      return this;
    }

    Builder putMetadata(String key, String value) {
      traceMetadata.put(key, value);
      return this;
    }

    Builder putTag(String key, String value) {
      tags.put(key, value);
      return this;
    }

    Builder addAssessment(Assessment assessment) {
      assessments.add(assessment);
      return this;
    }

    TraceInfo build() {
      return new TraceInfo(this);
    }
  }
}

package dev.tracelight.store;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The summary of one trace, as MLflow's {@code TraceInfoV3}. Immutable; build with {@link
 * #builder()} and copy with {@link #toBuilder()}.
 */
public final class TraceInfo {

  /** Metadata key of the trace-level token usage (a JSON object as text). */
  public static final String TOKEN_USAGE = "mlflow.trace.tokenUsage";
  /**
   * Metadata key of the trace-level cost in USD (a JSON object as text: {@code input_cost},
   * {@code output_cost}, {@code total_cost}).
   */
  public static final String COST = "mlflow.trace.cost";
  /** Tag key of the trace name (the root span's name). */
  public static final String TRACE_NAME = "mlflow.traceName";
  /** Longest tag key MLflow accepts ({@code MAX_CHARS_IN_TRACE_INFO_TAGS_KEY}). */
  public static final int MAX_TAG_KEY_CHARS = 250;
  /** Longest tag value MLflow accepts ({@code MAX_CHARS_IN_TRACE_INFO_TAGS_VALUE}). */
  public static final int MAX_TAG_VALUE_CHARS = 4096;

  private final String traceId;
  private final String experimentId;
  private final String clientRequestId;
  private final long requestTime;
  private final long executionDuration;
  private final TraceState state;
  private final String requestPreview;
  private final String responsePreview;
  private final Map<String, String> traceMetadata;
  private final Map<String, String> tags;
  private final List<Assessment> assessments;

  private TraceInfo(Builder b) {
    this.traceId = requireNonNull(b.traceId, "traceId");
    this.experimentId = requireNonNull(b.experimentId, "experimentId");
    this.clientRequestId = b.clientRequestId;
    this.requestTime = b.requestTime;
    this.executionDuration = b.executionDuration;
    this.state = requireNonNull(b.state, "state");
    this.requestPreview = b.requestPreview;
    this.responsePreview = b.responsePreview;
    this.traceMetadata = Map.copyOf(b.traceMetadata);
    this.tags = Map.copyOf(b.tags);
    this.assessments = List.copyOf(b.assessments);
  }

  /** Returns a builder with state {@link TraceState#OK} and empty maps. */
  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .setTraceId(traceId)
        .setExperimentId(experimentId)
        .setClientRequestId(clientRequestId)
        .setRequestTime(requestTime)
        .setExecutionDuration(executionDuration)
        .setState(state)
        .setRequestPreview(requestPreview)
        .setResponsePreview(responsePreview)
        .setTraceMetadata(traceMetadata)
        .setTags(tags)
        .setAssessments(assessments);
  }

  /** The MLflow trace id, {@code tr-} + 32 lowercase hex for OpenTelemetry traces. */
  public String traceId() {
    return traceId;
  }

  public String experimentId() {
    return experimentId;
  }

  public Optional<String> clientRequestId() {
    return Optional.ofNullable(clientRequestId);
  }

  /** Start of the trace (its root span) in epoch milliseconds. */
  public long requestTime() {
    return requestTime;
  }

  /** Duration of the root span in milliseconds; 0 while unknown. */
  public long executionDuration() {
    return executionDuration;
  }

  public TraceState state() {
    return state;
  }

  /** Truncated JSON of the root span's inputs, empty when unknown. */
  public String requestPreview() {
    return requestPreview == null ? "" : requestPreview;
  }

  /** Truncated JSON of the root span's outputs, empty when unknown. */
  public String responsePreview() {
    return responsePreview == null ? "" : responsePreview;
  }

  public Map<String, String> traceMetadata() {
    return traceMetadata;
  }

  public Map<String, String> tags() {
    return tags;
  }

  /**
   * The trace's assessments, oldest first, as the store read them. Writing a trace info ignores
   * them: assessments change through {@link AssessmentStore}.
   */
  public List<Assessment> assessments() {
    return assessments;
  }

  @Override
  public String toString() {
    return "TraceInfo{" + traceId + ", experiment " + experimentId + ", " + state + "}";
  }

  /** Builds a {@link TraceInfo}; required: trace id and experiment id. */
  public static final class Builder {
    private String traceId;
    private String experimentId;
    private String clientRequestId;
    private long requestTime;
    private long executionDuration;
    private TraceState state = TraceState.OK;
    private String requestPreview;
    private String responsePreview;
    private final Map<String, String> traceMetadata = new LinkedHashMap<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final List<Assessment> assessments = new ArrayList<>();

    private Builder() {}

    public Builder setTraceId(String traceId) {
      this.traceId = requireNonNull(traceId, "traceId");
      return this;
    }

    public Builder setExperimentId(String experimentId) {
      this.experimentId = requireNonNull(experimentId, "experimentId");
      return this;
    }

    /** Sets the caller's correlation id; null clears it. */
    public Builder setClientRequestId(String clientRequestId) {
      this.clientRequestId = clientRequestId;
      return this;
    }

    public Builder setRequestTime(long requestTimeMillis) {
      this.requestTime = requestTimeMillis;
      return this;
    }

    public Builder setExecutionDuration(long executionDurationMillis) {
      if (executionDurationMillis < 0) {
        throw new IllegalArgumentException("executionDuration < 0: " + executionDurationMillis);
      }
      this.executionDuration = executionDurationMillis;
      return this;
    }

    public Builder setState(TraceState state) {
      this.state = requireNonNull(state, "state");
      return this;
    }

    /** Sets the request preview; null clears it. */
    public Builder setRequestPreview(String requestPreview) {
      this.requestPreview = requestPreview;
      return this;
    }

    /** Sets the response preview; null clears it. */
    public Builder setResponsePreview(String responsePreview) {
      this.responsePreview = responsePreview;
      return this;
    }

    public Builder putTraceMetadata(String key, String value) {
      traceMetadata.put(requireNonNull(key, "key"), requireNonNull(value, "value"));
      return this;
    }

    /** Replaces all trace metadata with these entries. */
    public Builder setTraceMetadata(Map<String, String> traceMetadata) {
      Map<String, String> copy = checkedCopy(traceMetadata, "traceMetadata");
      this.traceMetadata.clear();
      this.traceMetadata.putAll(copy);
      return this;
    }

    public Builder putTag(String key, String value) {
      tags.put(requireNonNull(key, "key"), requireNonNull(value, "value"));
      return this;
    }

    /** Replaces all tags with these entries. */
    public Builder setTags(Map<String, String> tags) {
      Map<String, String> copy = checkedCopy(tags, "tags");
      this.tags.clear();
      this.tags.putAll(copy);
      return this;
    }

    public Builder addAssessment(Assessment assessment) {
      assessments.add(requireNonNull(assessment, "assessment"));
      return this;
    }

    /** Replaces all assessments with these. */
    public Builder setAssessments(List<Assessment> assessments) {
      List<Assessment> copy = new ArrayList<>();
      requireNonNull(assessments, "assessments").forEach(a ->
          copy.add(requireNonNull(a, "assessment")));
      this.assessments.clear();
      this.assessments.addAll(copy);
      return this;
    }

    public TraceInfo build() {
      return new TraceInfo(this);
    }

    private static Map<String, String> checkedCopy(Map<String, String> map, String name) {
      Map<String, String> copy = new LinkedHashMap<>();
      requireNonNull(map, name).forEach((key, value) ->
          copy.put(requireNonNull(key, "key"), requireNonNull(value, "value")));
      return copy;
    }
  }
}

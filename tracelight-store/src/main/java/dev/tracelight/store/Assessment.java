package dev.tracelight.store;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A feedback or expectation attached to a trace (or one of its spans), as MLflow's {@code
 * Assessment}. Immutable; build with {@link #builder()}, copy with {@link #toBuilder()}. The store
 * assigns the id and both times when it creates one.
 */
public final class Assessment {
  /** Prefix of assessment ids, as MLflow's {@code ASSESSMENT_ID_PREFIX}. */
  public static final String ID_PREFIX = "a-";

  private final String assessmentId;
  private final String traceId;
  private final String name;
  private final AssessmentSource source;
  private final AssessmentValue value;
  private final String rationale;
  private final String spanId;
  private final String overrides;
  private final boolean valid;
  private final Map<String, String> metadata;
  private final long createTime;
  private final long lastUpdateTime;

  private Assessment(Builder b) {
    this.assessmentId = b.assessmentId;
    this.traceId = requireNonNull(b.traceId, "traceId");
    this.name = requireNonNull(b.name, "name");
    this.source = requireNonNull(b.source, "source");
    this.value = requireNonNull(b.value, "value");
    this.rationale = b.rationale;
    this.spanId = b.spanId;
    this.overrides = b.overrides;
    this.valid = b.valid;
    this.metadata = Map.copyOf(b.metadata);
    this.createTime = b.createTime;
    this.lastUpdateTime = b.lastUpdateTime;
  }

  /** A builder with {@code valid} true, no id and empty metadata. */
  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder()
        .setTraceId(traceId).setName(name).setSource(source).setValue(value)
        .setRationale(rationale).setSpanId(spanId).setOverrides(overrides).setValid(valid)
        .setMetadata(metadata).setCreateTime(createTime).setLastUpdateTime(lastUpdateTime);
    b.assessmentId = assessmentId;
    return b;
  }

  /** {@code a-} + 32 hex, assigned by the store; empty before the assessment is stored. */
  public String assessmentId() {
    return assessmentId;
  }

  public String traceId() {
    return traceId;
  }

  /** The assessment's name, e.g. {@code correctness}; never contains a dot. */
  public String name() {
    return name;
  }

  public AssessmentSource source() {
    return source;
  }

  /** The feedback or expectation. */
  public AssessmentValue value() {
    return value;
  }

  public Optional<String> rationale() {
    return Optional.ofNullable(rationale);
  }

  /** The span assessed, empty when the whole trace is. */
  public Optional<String> spanId() {
    return Optional.ofNullable(spanId);
  }

  /** The id of the assessment this one supersedes. */
  public Optional<String> overrides() {
    return Optional.ofNullable(overrides);
  }

  /** False once another assessment overrides this one. */
  public boolean valid() {
    return valid;
  }

  public Map<String, String> metadata() {
    return metadata;
  }

  /** Creation time in epoch milliseconds. */
  public long createTime() {
    return createTime;
  }

  /** Time of the last change in epoch milliseconds. */
  public long lastUpdateTime() {
    return lastUpdateTime;
  }

  @Override
  public String toString() {
    return "Assessment{" + assessmentId + " " + name + " on " + traceId + ": " + value + "}";
  }

  /** Builds an {@link Assessment}; required: trace id, name, source, value. */
  public static final class Builder {
    private String assessmentId = "";
    private String traceId;
    private String name;
    private AssessmentSource source;
    private AssessmentValue value;
    private String rationale;
    private String spanId;
    private String overrides;
    private boolean valid = true;
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private long createTime;
    private long lastUpdateTime;

    private Builder() {}

    /** Sets the id; the store does this, callers creating an assessment leave it unset. */
    Builder setAssessmentId(String assessmentId) {
      this.assessmentId = requireNonNull(assessmentId, "assessmentId");
      return this;
    }

    public Builder setTraceId(String traceId) {
      this.traceId = requireNonNull(traceId, "traceId");
      return this;
    }

    /** Sets the name: not blank, and without dots (MLflow's search addresses it as a key). */
    public Builder setName(String name) {
      this.name = checkName(name);
      return this;
    }

    public Builder setSource(AssessmentSource source) {
      this.source = requireNonNull(source, "source");
      return this;
    }

    public Builder setValue(AssessmentValue value) {
      this.value = requireNonNull(value, "value");
      return this;
    }

    /** Sets why the assessor decided so; null or empty clears it. */
    public Builder setRationale(String rationale) {
      this.rationale = emptyToNull(rationale);
      return this;
    }

    /** Sets the assessed span; null or empty means the whole trace. */
    public Builder setSpanId(String spanId) {
      this.spanId = emptyToNull(spanId);
      return this;
    }

    /** Sets the id of the assessment this one supersedes; null or empty for none. */
    public Builder setOverrides(String overrides) {
      this.overrides = emptyToNull(overrides);
      return this;
    }

    public Builder setValid(boolean valid) {
      this.valid = valid;
      return this;
    }

    public Builder putMetadata(String key, String value) {
      metadata.put(requireNonNull(key, "key"), requireNonNull(value, "value"));
      return this;
    }

    /** Replaces all metadata with these entries. */
    public Builder setMetadata(Map<String, String> metadata) {
      Map<String, String> copy = new LinkedHashMap<>();
      requireNonNull(metadata, "metadata").forEach((k, v) ->
          copy.put(requireNonNull(k, "key"), requireNonNull(v, "value")));
      this.metadata.clear();
      this.metadata.putAll(copy);
      return this;
    }

    Builder setCreateTime(long createTimeMillis) {
      this.createTime = createTimeMillis;
      return this;
    }

    Builder setLastUpdateTime(long lastUpdateTimeMillis) {
      this.lastUpdateTime = lastUpdateTimeMillis;
      return this;
    }

    public Assessment build() {
      return new Assessment(this);
    }
  }

  /** The name if valid, else IllegalArgumentException saying why. */
  static String checkName(String name) {
    requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("assessment name is blank");
    }
    if (name.contains(".")) {
      throw new IllegalArgumentException("assessment name must not contain '.': " + name);
    }
    return name;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}

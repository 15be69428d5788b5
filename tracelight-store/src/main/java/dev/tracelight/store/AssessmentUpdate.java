package dev.tracelight.store;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The changes to an assessment, as MLflow's UpdateAssessment with its field mask: only what is
 * set here changes. Metadata entries are merged into the stored ones. Immutable.
 */
public final class AssessmentUpdate {
  private final String name;
  private final AssessmentValue value;
  private final String rationale;
  private final Map<String, String> metadata;
  private final Boolean valid;

  private AssessmentUpdate(Builder b) {
    this.name = b.name;
    this.value = b.value;
    this.rationale = b.rationale;
    this.metadata = b.metadata == null ? null : Map.copyOf(b.metadata);
    this.valid = b.valid;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /** A new feedback or expectation; it must be of the kind the assessment already has. */
  public Optional<AssessmentValue> value() {
    return Optional.ofNullable(value);
  }

  /** A new rationale; empty text clears the stored one. */
  public Optional<String> rationale() {
    return Optional.ofNullable(rationale);
  }

  /** Metadata entries to add or replace. */
  public Optional<Map<String, String>> metadata() {
    return Optional.ofNullable(metadata);
  }

  public Optional<Boolean> valid() {
    return Optional.ofNullable(valid);
  }

  /** True when nothing would change. */
  public boolean isEmpty() {
    return name == null && value == null && rationale == null && metadata == null
        && valid == null;
  }

  /** Builds an {@link AssessmentUpdate}; everything is optional. */
  public static final class Builder {
    private String name;
    private AssessmentValue value;
    private String rationale;
    private Map<String, String> metadata;
    private Boolean valid;

    private Builder() {}

    /** Renames the assessment; the same rules as {@link Assessment.Builder#setName}. */
    public Builder setName(String name) {
      this.name = Assessment.checkName(name);
      return this;
    }

    public Builder setValue(AssessmentValue value) {
      this.value = requireNonNull(value, "value");
      return this;
    }

    /** Sets the rationale; empty text clears it. */
    public Builder setRationale(String rationale) {
      this.rationale = requireNonNull(rationale, "rationale");
      return this;
    }

    public Builder putMetadata(String key, String value) {
      if (metadata == null) {
        metadata = new LinkedHashMap<>();
      }
      metadata.put(requireNonNull(key, "key"), requireNonNull(value, "value"));
      return this;
    }

    /** Replaces the entries to merge with these. */
    public Builder setMetadata(Map<String, String> metadata) {
      Map<String, String> copy = new LinkedHashMap<>();
      requireNonNull(metadata, "metadata").forEach((k, v) ->
          copy.put(requireNonNull(k, "key"), requireNonNull(v, "value")));
      this.metadata = copy;
      return this;
    }

    public Builder setValid(boolean valid) {
      this.valid = valid;
      return this;
    }

    public AssessmentUpdate build() {
      return new AssessmentUpdate(this);
    }
  }
}

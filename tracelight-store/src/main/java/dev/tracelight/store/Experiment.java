package dev.tracelight.store;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;

/** An MLflow experiment: a named container of traces. Immutable; build with {@link #builder()}. */
public final class Experiment {

  /** Lifecycle stage of an experiment that has not been deleted. */
  public static final String ACTIVE = "active";
  /** Lifecycle stage of a deleted experiment: still readable by id and name, restorable. */
  public static final String DELETED = "deleted";

  private final String experimentId;
  private final String name;
  private final String artifactLocation;
  private final String lifecycleStage;
  private final long creationTime;
  private final long lastUpdateTime;
  private final Map<String, String> tags;

  private Experiment(Builder b) {
    this.experimentId = requireNonNull(b.experimentId, "experimentId");
    this.name = requireNonNull(b.name, "name");
    this.artifactLocation = requireNonNull(b.artifactLocation, "artifactLocation");
    this.lifecycleStage = requireNonNull(b.lifecycleStage, "lifecycleStage");
    this.creationTime = b.creationTime;
    this.lastUpdateTime = b.lastUpdateTime;
    this.tags = Map.copyOf(b.tags);
  }

  /** Returns a builder with lifecycle stage {@value #ACTIVE} and no tags. */
  public static Builder builder() {
    return new Builder();
  }

  /** The id, a decimal integer as a string ({@code "0"} is the default experiment). */
  public String experimentId() {
    return experimentId;
  }

  public String name() {
    return name;
  }

  /** Where artifacts of this experiment live, {@code mlflow-artifacts:/<id>} unless chosen. */
  public String artifactLocation() {
    return artifactLocation;
  }

  /** {@value #ACTIVE} or {@value #DELETED}. */
  public String lifecycleStage() {
    return lifecycleStage;
  }

  /** Creation time in epoch milliseconds. */
  public long creationTime() {
    return creationTime;
  }

  /** Last update time in epoch milliseconds. */
  public long lastUpdateTime() {
    return lastUpdateTime;
  }

  public Map<String, String> tags() {
    return tags;
  }

  @Override
  public String toString() {
    return "Experiment{" + experimentId + ", " + name + "}";
  }

  /** Builds an {@link Experiment}; required: id, name, artifact location. */
  public static final class Builder {
    private String experimentId;
    private String name;
    private String artifactLocation;
    private String lifecycleStage = ACTIVE;
    private long creationTime;
    private long lastUpdateTime;
    private final Map<String, String> tags = new LinkedHashMap<>();

    private Builder() {}

    public Builder setExperimentId(String experimentId) {
      this.experimentId = requireNonNull(experimentId, "experimentId");
      return this;
    }

    public Builder setName(String name) {
      this.name = requireNonNull(name, "name");
      return this;
    }

    public Builder setArtifactLocation(String artifactLocation) {
      this.artifactLocation = requireNonNull(artifactLocation, "artifactLocation");
      return this;
    }

    public Builder setLifecycleStage(String lifecycleStage) {
      this.lifecycleStage = requireNonNull(lifecycleStage, "lifecycleStage");
      return this;
    }

    public Builder setCreationTime(long creationTime) {
      this.creationTime = creationTime;
      return this;
    }

    public Builder setLastUpdateTime(long lastUpdateTime) {
      this.lastUpdateTime = lastUpdateTime;
      return this;
    }

    public Builder putTag(String key, String value) {
      tags.put(requireNonNull(key, "key"), requireNonNull(value, "value"));
      return this;
    }

    /** Replaces all tags with these entries. */
    public Builder setTags(Map<String, String> tags) {
      Map<String, String> copy = new LinkedHashMap<>();
      requireNonNull(tags, "tags").forEach((key, value) ->
          copy.put(requireNonNull(key, "key"), requireNonNull(value, "value")));
      this.tags.clear();
      this.tags.putAll(copy);
      return this;
    }

    public Experiment build() {
      return new Experiment(this);
    }
  }
}

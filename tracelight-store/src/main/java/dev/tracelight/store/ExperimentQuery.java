package dev.tracelight.store;

import java.util.Optional;

/** A search over experiments, newest first, paged by an opaque keyset token. */
public final class ExperimentQuery {
  /** Page size when none is given, as MLflow. */
  public static final int DEFAULT_MAX_RESULTS = 1000;
  /** Largest page MLflow allows. */
  public static final int MAX_MAX_RESULTS = 50_000;

  private final int maxResults;
  private final String pageToken;
  private final String nameContains;

  private ExperimentQuery(Builder b) {
    this.maxResults = b.maxResults;
    this.pageToken = b.pageToken;
    this.nameContains = b.nameContains;
  }

  public static Builder builder() {
    return new Builder();
  }

  public int maxResults() {
    return maxResults;
  }

  public Optional<String> pageToken() {
    return Optional.ofNullable(pageToken);
  }

  /** A case-insensitive substring the name must contain, if any. */
  public Optional<String> nameContains() {
    return Optional.ofNullable(nameContains);
  }

  /** Builds an {@link ExperimentQuery}; every field is optional. */
  public static final class Builder {
    private int maxResults = DEFAULT_MAX_RESULTS;
    private String pageToken;
    private String nameContains;

    private Builder() {}

    /** Sets the page size, 1 to {@value #MAX_MAX_RESULTS}. */
    public Builder setMaxResults(int maxResults) {
      if (maxResults < 1 || maxResults > MAX_MAX_RESULTS) {
        throw new IllegalArgumentException(
            "maxResults must be between 1 and " + MAX_MAX_RESULTS + ": " + maxResults);
      }
      this.maxResults = maxResults;
      return this;
    }

    public Builder setPageToken(String pageToken) {
      this.pageToken = pageToken == null || pageToken.isEmpty() ? null : pageToken;
      return this;
    }

    public Builder setNameContains(String nameContains) {
      this.nameContains = nameContains == null || nameContains.isEmpty() ? null : nameContains;
      return this;
    }

    public ExperimentQuery build() {
      return new ExperimentQuery(this);
    }
  }
}

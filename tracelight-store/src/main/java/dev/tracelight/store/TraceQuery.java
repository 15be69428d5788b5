package dev.tracelight.store;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A search over trace infos of some experiments, optionally filtered, newest first unless
 * ordered otherwise (ties broken by trace id), paged by an opaque keyset token.
 */
public final class TraceQuery {
  /** Page size when none is given, as MLflow. */
  public static final int DEFAULT_MAX_RESULTS = 100;
  /** Largest page MLflow allows. */
  public static final int MAX_MAX_RESULTS = 500;

  private final List<String> experimentIds;
  private final int maxResults;
  private final String pageToken;
  private final String filter;
  private final List<String> orderBy;

  private TraceQuery(Builder b) {
    if (b.experimentIds.isEmpty()) {
      throw new IllegalArgumentException("experimentIds is empty");
    }
    this.experimentIds = List.copyOf(b.experimentIds);
    this.maxResults = b.maxResults;
    this.pageToken = b.pageToken;
    this.filter = b.filter;
    this.orderBy = List.copyOf(b.orderBy);
  }

  public static Builder builder() {
    return new Builder();
  }

  public List<String> experimentIds() {
    return experimentIds;
  }

  public int maxResults() {
    return maxResults;
  }

  public Optional<String> pageToken() {
    return Optional.ofNullable(pageToken);
  }

  /**
   * MLflow's filter string: comparisons joined by AND on {@code trace.status}, {@code
   * trace.timestamp_ms}, {@code trace.execution_time_ms}, {@code trace.name}, {@code tag.<key>}
   * and {@code metadata.<key>}.
   */
  public Optional<String> filter() {
    return Optional.ofNullable(filter);
  }

  /**
   * MLflow's order_by strings: {@code timestamp_ms}, {@code execution_time_ms} or {@code
   * request_id}, each optionally followed by ASC (the default) or DESC.
   */
  public List<String> orderBy() {
    return orderBy;
  }

  /** Builds a {@link TraceQuery}; at least one experiment id is required. */
  public static final class Builder {
    private final List<String> experimentIds = new ArrayList<>();
    private int maxResults = DEFAULT_MAX_RESULTS;
    private String pageToken;
    private String filter;
    private final List<String> orderBy = new ArrayList<>();

    private Builder() {}

    public Builder addExperimentId(String experimentId) {
      experimentIds.add(requireNonNull(experimentId, "experimentId"));
      return this;
    }

    /** Replaces all experiment ids with these. */
    public Builder setExperimentIds(List<String> experimentIds) {
      List<String> copy = new ArrayList<>();
      requireNonNull(experimentIds, "experimentIds").forEach(id ->
          copy.add(requireNonNull(id, "experimentId")));
      this.experimentIds.clear();
      this.experimentIds.addAll(copy);
      return this;
    }

    /** Sets the page size, 1 to {@value #MAX_MAX_RESULTS}. */
    public Builder setMaxResults(int maxResults) {
      if (maxResults < 1 || maxResults > MAX_MAX_RESULTS) {
        throw new IllegalArgumentException(
            "maxResults must be between 1 and " + MAX_MAX_RESULTS + ": " + maxResults);
      }
      this.maxResults = maxResults;
      return this;
    }

    /** Continues after the page that returned this token; null or empty starts at the top. */
    public Builder setPageToken(String pageToken) {
      this.pageToken = pageToken == null || pageToken.isEmpty() ? null : pageToken;
      return this;
    }

    /** Sets the filter; null or blank means none. */
    public Builder setFilter(String filter) {
      this.filter = filter == null || filter.isBlank() ? null : filter;
      return this;
    }

    public Builder addOrderBy(String orderBy) {
      this.orderBy.add(requireNonNull(orderBy, "orderBy"));
      return this;
    }

    public TraceQuery build() {
      return new TraceQuery(this);
    }
  }
}

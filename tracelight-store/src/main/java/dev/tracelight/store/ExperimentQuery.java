package dev.tracelight.store;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A search over experiments: optionally filtered, ordered (newest first unless told otherwise),
 * restricted to a {@link ViewType}, paged by an opaque keyset token.
 */
public final class ExperimentQuery {
  /** Page size when none is given, as MLflow. */
  public static final int DEFAULT_MAX_RESULTS = 1000;
  /** Largest page MLflow allows. */
  public static final int MAX_MAX_RESULTS = 50_000;

  private final int maxResults;
  private final String pageToken;
  private final String nameContains;
  private final String filter;
  private final List<String> orderBy;
  private final ViewType viewType;

  private ExperimentQuery(Builder b) {
    this.maxResults = b.maxResults;
    this.pageToken = b.pageToken;
    this.nameContains = b.nameContains;
    this.filter = b.filter;
    this.orderBy = List.copyOf(b.orderBy);
    this.viewType = b.viewType;
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

  /**
   * MLflow's experiment filter: comparisons joined by AND on {@code name} ({@code =, !=, LIKE,
   * ILIKE}), {@code creation_time} and {@code last_update_time} ({@code =, !=, <, <=, >, >=}) and
   * {@code tags.<key>} ({@code =, !=, LIKE, ILIKE}).
   */
  public Optional<String> filter() {
    return Optional.ofNullable(filter);
  }

  /**
   * MLflow's order_by strings: {@code name}, {@code creation_time}, {@code last_update_time} or
   * {@code experiment_id}, each optionally followed by ASC (the default) or DESC. Ties are broken
   * by experiment id, descending; without any, the order is {@code creation_time DESC}.
   */
  public List<String> orderBy() {
    return orderBy;
  }

  /** Which lifecycle stages are returned; {@link ViewType#ACTIVE_ONLY} unless set. */
  public ViewType viewType() {
    return viewType;
  }

  /** Builds an {@link ExperimentQuery}; every field is optional. */
  public static final class Builder {
    private int maxResults = DEFAULT_MAX_RESULTS;
    private String pageToken;
    private String nameContains;
    private String filter;
    private final List<String> orderBy = new ArrayList<>();
    private ViewType viewType = ViewType.ACTIVE_ONLY;

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

    /** Sets the filter; null or blank means none. */
    public Builder setFilter(String filter) {
      this.filter = filter == null || filter.isBlank() ? null : filter;
      return this;
    }

    public Builder addOrderBy(String orderBy) {
      this.orderBy.add(requireNonNull(orderBy, "orderBy"));
      return this;
    }

    public Builder setViewType(ViewType viewType) {
      this.viewType = requireNonNull(viewType, "viewType");
      return this;
    }

    public ExperimentQuery build() {
      return new ExperimentQuery(this);
    }
  }
}

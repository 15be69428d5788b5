package dev.tracelight.store;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One page of a search result.
 *
 * @param <T> the item type
 */
public final class Page<T> {
  private final List<T> items;
  private final String nextPageToken;

  private Page(List<T> items, String nextPageToken) {
    this.items = List.copyOf(requireNonNull(items, "items"));
    this.nextPageToken = nextPageToken;
  }

  /** A page; {@code nextPageToken} is null on the last page. */
  public static <T> Page<T> create(List<T> items, String nextPageToken) {
    return new Page<>(items, nextPageToken);
  }

  public List<T> items() {
    return items;
  }

  /** The opaque token that fetches the next page, empty on the last page. */
  public Optional<String> nextPageToken() {
    return Optional.ofNullable(nextPageToken);
  }
}

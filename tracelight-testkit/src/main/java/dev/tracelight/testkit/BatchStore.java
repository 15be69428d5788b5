package dev.tracelight.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The message batches the fake holds, listed newest first as the API lists them, with the API's
 * cursor paging. Thread-safe.
 */
final class BatchStore {

  /** One page of a listing. */
  static final class Page {
    private final List<StoredBatch> data;
    private final boolean hasMore;

    Page(List<StoredBatch> data, boolean hasMore) {
      this.data = List.copyOf(data);
      this.hasMore = hasMore;
    }

    List<StoredBatch> data() {
      return data;
    }

    boolean hasMore() {
      return hasMore;
    }
  }

  private final Map<String, StoredBatch> byId = new LinkedHashMap<>();

  synchronized void add(StoredBatch batch) {
    byId.put(batch.id(), batch);
  }

  synchronized Optional<StoredBatch> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  synchronized void remove(String id) {
    byId.remove(id);
  }

  synchronized void clear() {
    byId.clear();
  }

  /**
   * Up to {@code limit} batches, newest first: the first ones, those right after
   * {@code afterId}, or those right before {@code beforeId}. An unknown cursor gives an empty
   * page. {@code hasMore} tells whether more lie beyond the page in the paging direction.
   */
  synchronized Page page(int limit, @Nullable String afterId, @Nullable String beforeId) {
    List<StoredBatch> newestFirst = new ArrayList<>(byId.values());
    Collections.reverse(newestFirst);
    List<String> ids = new ArrayList<>();
    newestFirst.forEach(batch -> ids.add(batch.id()));
    if (beforeId != null) {
      int end = ids.indexOf(beforeId);
      if (end < 0) {
        return new Page(List.of(), false);
      }
      int start = Math.max(0, end - limit);
      return new Page(newestFirst.subList(start, end), start > 0);
    }
    int start = 0;
    if (afterId != null) {
      int after = ids.indexOf(afterId);
      if (after < 0) {
        return new Page(List.of(), false);
      }
      start = after + 1;
    }
    int end = Math.min(newestFirst.size(), start + limit);
    return new Page(newestFirst.subList(start, end), end < newestFirst.size());
  }
}

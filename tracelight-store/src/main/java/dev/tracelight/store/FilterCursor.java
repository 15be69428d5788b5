package dev.tracelight.store;

import dev.tracelight.store.FilterToken.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The tokens of one search filter and the parser's place in them, shared by the trace and the
 * experiment filter parsers: both accept comparisons joined by {@code AND} and report errors the
 * same way, naming the 0-based position.
 */
final class FilterCursor {
  private final String filter;
  private final List<FilterToken> tokens;
  private int next;

  FilterCursor(String filter) {
    this.filter = filter;
    this.tokens = FilterTokenizer.tokenize(filter);
  }

  /**
   * Comparisons read by {@code comparison}, joined by {@code AND} up to the end of the filter; an
   * empty list for a blank filter. {@code OR} and anything else after a comparison are errors.
   */
  <C> List<C> conjunction(Supplier<C> comparison) {
    List<C> comparisons = new ArrayList<>();
    if (peek().type() == Type.END) {
      return comparisons;
    }
    comparisons.add(comparison.get());
    while (peek().isKeyword("AND")) {
      take();
      comparisons.add(comparison.get());
    }
    FilterToken t = peek();
    if (t.isKeyword("OR")) {
      throw error(t, "OR is not supported; comparisons can only be joined by AND");
    }
    if (t.type() != Type.END) {
      throw error(t, "expected AND or the end of the filter, found " + t.describe());
    }
    return comparisons;
  }

  FilterToken peek() {
    return tokens.get(next);
  }

  /** The next token, consumed; the end token is never consumed, so it can be read again. */
  FilterToken take() {
    FilterToken t = tokens.get(next);
    if (t.type() != Type.END) {
      next++;
    }
    return t;
  }

  StoreException error(FilterToken at, String problem) {
    return syntaxError(filter, at.position(), problem);
  }

  /** The error for a problem at a 0-based position of the filter. */
  static StoreException syntaxError(String filter, int position, String problem) {
    return StoreException.invalid(
        "Invalid filter \"" + filter + "\": at position " + position + ", " + problem);
  }
}

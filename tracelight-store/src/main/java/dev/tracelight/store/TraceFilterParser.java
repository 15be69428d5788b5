package dev.tracelight.store;

import dev.tracelight.store.FilterToken.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses the subset of MLflow's trace search grammar (MLFLOW_WIRE.md §5) we serve: comparisons
 * joined by {@code AND} on {@code trace.status}, {@code trace.timestamp_ms}, {@code
 * trace.execution_time_ms}, {@code trace.name}, {@code tag.<key>} and {@code metadata.<key>}.
 * A malformed filter fails with {@link StoreException.Reason#INVALID_ARGUMENT} and a message
 * naming the 0-based position, what was expected and what was found.
 */
final class TraceFilterParser {
  private static final String EQUALITY = "=, !=";
  private static final String COMPARISON = "=, !=, <, <=, >, >=";
  private static final Set<String> OPERATOR_KEYWORDS =
      Set.of("LIKE", "ILIKE", "RLIKE", "IN", "NOT", "IS");
  private static final Set<String> STATES = Set.of("OK", "ERROR", "IN_PROGRESS");
  private static final Set<String> NOT_YET_ENTITIES =
      Set.of("span", "spans", "feedback", "expectation", "assessment", "prompt");
  private static final Set<String> NOT_YET_ATTRIBUTES = Set.of("request_id", "trace_id",
      "client_request_id", "end_time", "end_time_ms", "text");

  private final String filter;
  private final List<FilterToken> tokens;
  private int next;

  private TraceFilterParser(String filter) {
    this.filter = filter;
    this.tokens = FilterTokenizer.tokenize(filter);
  }

  /** Parses {@code filter}; a blank filter has no comparisons. */
  static TraceFilter parse(String filter) {
    return new TraceFilterParser(filter).filter();
  }

  private TraceFilter filter() {
    List<TraceFilter.Comparison> comparisons = new ArrayList<>();
    if (peek().type() == Type.END) {
      return TraceFilter.NONE;
    }
    comparisons.add(comparison());
    while (peek().isKeyword("AND")) {
      next++;
      comparisons.add(comparison());
    }
    FilterToken t = peek();
    if (t.isKeyword("OR")) {
      throw error(t, "OR is not supported; comparisons can only be joined by AND");
    }
    if (t.type() != Type.END) {
      throw error(t, "expected AND or the end of the filter, found " + t.describe());
    }
    return new TraceFilter(comparisons);
  }

  private TraceFilter.Comparison comparison() {
    FilterToken name = take();
    if (name.type() != Type.IDENTIFIER) {
      throw error(name, "expected a field such as trace.status, tag.<key> or metadata.<key>,"
          + " found " + name.describe());
    }
    TraceFilter.Field field = field(name);
    boolean numeric = field instanceof TraceFilter.Attribute
        && ((TraceFilter.Attribute) field).isNumeric();
    String allowed = numeric ? COMPARISON : EQUALITY;
    FilterToken opToken = take();
    if (opToken.type() == Type.KEYWORD && OPERATOR_KEYWORDS.contains(opToken.value())) {
      throw error(opToken, "operator " + opToken.value() + " is not supported yet for "
          + field.display() + "; expected one of " + allowed);
    }
    TraceFilter.Operator op = opToken.type() == Type.OPERATOR
        ? TraceFilter.Operator.of(opToken.value()).orElse(null) : null;
    if (op == null) {
      throw error(opToken, "expected a comparison operator (" + allowed + ") after '"
          + name.raw() + "', found " + opToken.describe());
    }
    if (!numeric && op != TraceFilter.Operator.EQ && op != TraceFilter.Operator.NE) {
      throw error(opToken, "operator " + op.symbol + " does not apply to " + field.display()
          + "; expected one of " + allowed);
    }
    FilterToken value = take();
    return new TraceFilter.Comparison(field, op, numeric ? number(field, value)
        : text(field, value));
  }

  private TraceFilter.Field field(FilterToken name) {
    List<String> parts = name.parts();
    if (parts.size() == 1) {
      return attribute(name, parts.get(0));
    }
    String entity = parts.get(0).toLowerCase(Locale.ROOT);
    String key = String.join(".", parts.subList(1, parts.size()));
    switch (entity) {
      case "trace":
      case "attribute":
      case "attributes":
        return attribute(name, key);
      case "tag":
      case "tags":
        return new TraceFilter.Tag(key);
      case "metadata":
      case "request_metadata":
        return new TraceFilter.Metadata(key);
      default:
        if (NOT_YET_ENTITIES.contains(entity)) {
          throw error(name, "filtering on " + parts.get(0) + ".* is not supported yet");
        }
        throw error(name, "unknown field " + name.describe()
            + "; expected trace.<attribute>, tag.<key> or metadata.<key>");
    }
  }

  private TraceFilter.Field attribute(FilterToken name, String attribute) {
    switch (attribute.toLowerCase(Locale.ROOT)) {
      case "status":
        return TraceFilter.Attribute.STATUS;
      case "timestamp":
      case "timestamp_ms":
        return TraceFilter.Attribute.TIMESTAMP_MS;
      case "execution_time":
      case "execution_time_ms":
        return TraceFilter.Attribute.EXECUTION_TIME_MS;
      case "name":
        return new TraceFilter.Tag(TraceInfo.TRACE_NAME);
      case "run_id": // MLflow's alias: the run a trace was linked to
        return new TraceFilter.Metadata(SqlTraceLinks.SOURCE_RUN);
      default:
        if (NOT_YET_ATTRIBUTES.contains(attribute.toLowerCase(Locale.ROOT))) {
          throw error(name, "filtering on trace attribute '" + attribute
              + "' is not supported yet");
        }
        throw error(name, "unknown trace attribute '" + attribute + "'; expected status,"
            + " timestamp_ms, execution_time_ms, name or run_id");
    }
  }

  private Long number(TraceFilter.Field field, FilterToken value) {
    if (value.type() == Type.NUMBER) {
      try {
        return Long.parseLong(value.value());
      } catch (NumberFormatException e) {
        // falls through to the message below
      }
    }
    throw error(value, "expected an integer for " + field.display() + ", found "
        + value.describe());
  }

  private String text(TraceFilter.Field field, FilterToken value) {
    if (value.type() != Type.STRING) {
      throw error(value, "expected a quoted string for " + field.display() + ", found "
          + value.describe());
    }
    if (field != TraceFilter.Attribute.STATUS) {
      return value.value();
    }
    String state = value.value().toUpperCase(Locale.ROOT);
    if (!STATES.contains(state)) {
      throw error(value, "invalid status " + value.raw()
          + "; expected one of OK, ERROR, IN_PROGRESS");
    }
    return state;
  }

  private FilterToken peek() {
    return tokens.get(next);
  }

  private FilterToken take() {
    FilterToken t = tokens.get(next);
    if (t.type() != Type.END) {
      next++;
    }
    return t;
  }

  private StoreException error(FilterToken at, String problem) {
    return syntaxError(filter, at.position(), problem);
  }

  /** The error for a problem at a 0-based position of the filter. */
  static StoreException syntaxError(String filter, int position, String problem) {
    return StoreException.invalid(
        "Invalid filter \"" + filter + "\": at position " + position + ", " + problem);
  }
}

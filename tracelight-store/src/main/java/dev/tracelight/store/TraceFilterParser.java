package dev.tracelight.store;

import dev.tracelight.store.FilterToken.Type;
import dev.tracelight.store.TraceFilter.Attribute;
import dev.tracelight.store.TraceFilter.Operator;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Parses MLflow's trace search grammar (MLFLOW_WIRE.md §5): comparisons joined by {@code AND}
 * (never {@code OR}) on
 *
 * <ul>
 *   <li>{@code trace.status} ({@code = != IN NOT IN}; OK, ERROR, IN_PROGRESS);
 *   <li>{@code trace.timestamp_ms}, {@code trace.execution_time_ms}, {@code trace.end_time_ms}
 *       ({@code = != < <= > >=}, integers);
 *   <li>{@code trace.request_id}, {@code trace.client_request_id}, {@code trace.name} (tag {@code
 *       mlflow.traceName}), {@code tag.<key>}, {@code metadata.<key>}, {@code span.name}, {@code
 *       span.type}, {@code span.attributes.<key>}, {@code feedback.<name>}, {@code
 *       expectation.<name>} ({@code = != LIKE ILIKE RLIKE IN NOT IN});
 *   <li>{@code trace.run_id} (metadata {@code mlflow.sourceRun}; {@code = != IN NOT IN});
 *   <li>{@code trace.text} ({@code LIKE ILIKE} over span names, inputs and outputs);
 *   <li>{@code prompt} ({@code = 'name/version'}).
 * </ul>
 *
 * <p>Keys may be back-ticked or double-quoted; entities have MLflow's aliases ({@code
 * attribute(s).}, {@code tags.}, {@code request_metadata.}, a bare attribute name) and keywords
 * any case. A malformed filter fails with {@link StoreException.Reason#INVALID_ARGUMENT} and a
 * message naming the 0-based position, what was expected and what was found.
 */
final class TraceFilterParser {
  private static final Set<Operator> NUMERIC = EnumSet.of(
      Operator.EQ, Operator.NE, Operator.LT, Operator.LE, Operator.GT, Operator.GE);
  private static final Set<Operator> TEXT = EnumSet.of(Operator.EQ, Operator.NE, Operator.LIKE,
      Operator.ILIKE, Operator.RLIKE, Operator.IN, Operator.NOT_IN);
  private static final Set<Operator> EXACT =
      EnumSet.of(Operator.EQ, Operator.NE, Operator.IN, Operator.NOT_IN);
  private static final Set<Operator> FULL_TEXT = EnumSet.of(Operator.LIKE, Operator.ILIKE);
  private static final Set<Operator> EQUALS = EnumSet.of(Operator.EQ);
  private static final Set<String> STATES = Set.of("OK", "ERROR", "IN_PROGRESS");

  private final FilterCursor cursor;

  /** A field and what may be compared with it. */
  private record Target(TraceFilter.Field field, Set<Operator> operators, boolean numeric) {}

  private TraceFilterParser(String filter) {
    this.cursor = new FilterCursor(filter);
  }

  /** Parses {@code filter}; a blank filter has no comparisons. */
  static TraceFilter parse(String filter) {
    return new TraceFilterParser(filter).filter();
  }

  private TraceFilter filter() {
    List<TraceFilter.Comparison> comparisons = cursor.conjunction(this::comparison);
    return comparisons.isEmpty() ? TraceFilter.NONE : new TraceFilter(comparisons);
  }


  private TraceFilter.Comparison comparison() {
    FilterToken name = cursor.take();
    if (name.type() != Type.IDENTIFIER) {
      throw cursor.error(name, "expected a field such as trace.status, tag.<key> or metadata.<key>,"
          + " found " + name.describe());
    }
    Target target = target(name);
    FilterToken opToken = cursor.take();
    Operator op = operator(name, target, opToken);
    if (!target.operators().contains(op)) {
      throw cursor.error(opToken, "operator " + op.symbol + " does not apply to "
          + target.field().display() + "; expected one of " + list(target.operators()));
    }
    FilterToken value = cursor.take();
    Object parsed;
    if (op.isList()) {
      parsed = textList(target, value);
    } else if (target.numeric()) {
      parsed = number(target.field(), value);
    } else {
      parsed = text(target.field(), op, value);
    }
    return new TraceFilter.Comparison(target.field(), op, parsed);
  }

  private Operator operator(FilterToken name, Target target, FilterToken t) {
    if (t.type() == Type.OPERATOR) {
      return Operator.of(t.value()).orElseThrow();
    }
    if (t.type() == Type.KEYWORD) {
      switch (t.value()) {
        case "LIKE":
        case "ILIKE":
        case "RLIKE":
        case "IN":
          return Operator.of(t.value()).orElseThrow();
        case "NOT":
          FilterToken afterNot = cursor.take();
          if (!afterNot.isKeyword("IN")) {
            throw cursor.error(afterNot, "expected IN after NOT (NOT "
                + afterNot.raw().toUpperCase(Locale.ROOT) + " is not supported), found "
                + afterNot.describe());
          }
          return Operator.NOT_IN;
        case "IS":
          throw cursor.error(t, "IS [NOT] NULL is not supported; expected one of "
              + list(target.operators()));
        default:
          break;
      }
    }
    throw cursor.error(t, "expected a comparison operator (" + list(target.operators()) + ") after '"
        + name.raw() + "', found " + t.describe());
  }

  private Target target(FilterToken name) {
    List<String> parts = name.parts();
    if (parts.size() == 1) {
      if (parts.get(0).equalsIgnoreCase("prompt")) {
        return new Target(TraceFilter.Prompt.LINKED, EQUALS, false);
      }
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
        return new Target(new TraceFilter.Tag(key), TEXT, false);
      case "metadata":
      case "request_metadata":
        return new Target(new TraceFilter.Metadata(key), TEXT, false);
      case "span":
      case "spans":
        return span(name, parts);
      case "feedback":
        return new Target(
            new TraceFilter.AssessmentField(AssessmentValue.Kind.FEEDBACK, key), TEXT, false);
      case "expectation":
        return new Target(
            new TraceFilter.AssessmentField(AssessmentValue.Kind.EXPECTATION, key), TEXT, false);
      default:
        throw cursor.error(name, "unknown field " + name.describe() + "; expected trace.<attribute>,"
            + " tag.<key>, metadata.<key>, span.<name|type|attributes.key>, feedback.<name>,"
            + " expectation.<name> or prompt");
    }
  }

  private Target span(FilterToken name, List<String> parts) {
    String field = parts.get(1).toLowerCase(Locale.ROOT);
    switch (field) {
      case "name":
        return new Target(TraceFilter.SpanField.NAME, TEXT, false);
      case "type":
        return new Target(TraceFilter.SpanField.TYPE, TEXT, false);
      case "attribute":
      case "attributes":
        if (parts.size() < 3) {
          throw cursor.error(name, "expected a key after '" + name.raw() + ".'");
        }
        return new Target(new TraceFilter.SpanAttribute(
            String.join(".", parts.subList(2, parts.size()))), TEXT, false);
      default:
        if (parts.size() == 2) {
          throw cursor.error(name, "unknown span field '" + parts.get(1)
              + "'; expected span.name, span.type or span.attributes.<key>");
        }
        throw cursor.error(name, "unknown field " + name.describe()
            + "; expected span.name, span.type or span.attributes.<key>");
    }
  }

  private Target attribute(FilterToken name, String attribute) {
    switch (attribute.toLowerCase(Locale.ROOT)) {
      case "status":
        return new Target(Attribute.STATUS, EXACT, false);
      case "timestamp":
      case "timestamp_ms":
        return new Target(Attribute.TIMESTAMP_MS, NUMERIC, true);
      case "execution_time":
      case "execution_time_ms":
        return new Target(Attribute.EXECUTION_TIME_MS, NUMERIC, true);
      case "end_time":
      case "end_time_ms":
        return new Target(Attribute.END_TIME_MS, NUMERIC, true);
      case "request_id":
      case "trace_id":
        return new Target(Attribute.REQUEST_ID, TEXT, false);
      case "client_request_id":
        return new Target(Attribute.CLIENT_REQUEST_ID, TEXT, false);
      case "text":
        return new Target(Attribute.TEXT, FULL_TEXT, false);
      case "name":
        return new Target(new TraceFilter.Tag(TraceInfo.TRACE_NAME), TEXT, false);
      case "run_id":
        return new Target(new TraceFilter.Metadata(SqlTraceLinks.SOURCE_RUN), EXACT, false);
      default:
        throw cursor.error(name, "unknown trace attribute '" + attribute + "'; expected status,"
            + " timestamp_ms, execution_time_ms, end_time_ms, request_id, client_request_id,"
            + " name, run_id or text");
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
    throw cursor.error(value, "expected an integer for " + field.display() + ", found "
        + value.describe());
  }

  private List<String> textList(Target target, FilterToken open) {
    if (open.type() != Type.LEFT_PAREN) {
      throw cursor.error(open, "expected '(' and a list of quoted strings for " + target.field().display()
          + ", found " + open.describe());
    }
    List<String> values = new ArrayList<>();
    while (true) {
      values.add(text(target.field(), Operator.EQ, cursor.take()));
      FilterToken t = cursor.take();
      if (t.type() == Type.RIGHT_PAREN) {
        return List.copyOf(values);
      }
      if (t.type() != Type.COMMA) {
        throw cursor.error(t, "expected ',' or ')' in the list, found " + t.describe());
      }
    }
  }

  private String text(TraceFilter.Field field, Operator op, FilterToken value) {
    if (value.type() != Type.STRING) {
      throw cursor.error(value, "expected a quoted string for " + field.display() + ", found "
          + value.describe());
    }
    String text = value.value();
    if (field == Attribute.STATUS) {
      String state = text.toUpperCase(Locale.ROOT);
      if (!STATES.contains(state)) {
        throw cursor.error(value, "invalid status " + value.raw()
            + "; expected one of OK, ERROR, IN_PROGRESS");
      }
      return state;
    }
    if (field == TraceFilter.Prompt.LINKED) {
      int slash = text.lastIndexOf('/');
      if (slash <= 0 || slash == text.length() - 1) {
        throw cursor.error(value, "expected a prompt as 'name/version', found " + value.describe());
      }
    }
    if (op == Operator.LIKE || op == Operator.ILIKE) {
      if (LikePattern.endsWithEscape(text)) {
        throw cursor.error(value, "LIKE pattern " + value.raw()
            + " ends with the escape character '\\'; write '\\\\' for a backslash");
      }
    } else if (op == Operator.RLIKE) {
      try {
        Pattern.compile(text);
      } catch (PatternSyntaxException e) {
        throw cursor.error(value, "invalid regular expression " + value.raw() + ": "
            + e.getDescription());
      }
    }
    return text;
  }

  private static String list(Set<Operator> operators) {
    return operators.stream().map(o -> o.symbol).collect(Collectors.joining(", "));
  }
}

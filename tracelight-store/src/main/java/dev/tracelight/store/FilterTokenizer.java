package dev.tracelight.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits an MLflow search filter into tokens. Identifiers are dotted paths whose parts after a
 * dot may be back-ticked or double-quoted ({@code tags.`mlflow.traceName`}); a double-quoted
 * text anywhere else is a string literal, like a single-quoted one. A quote inside a literal is
 * written twice ({@code 'it''s'}).
 */
final class FilterTokenizer {
  /** Words that are never field names; some are grammar not supported yet, named in errors. */
  private static final Set<String> KEYWORDS =
      Set.of("AND", "OR", "NOT", "IN", "LIKE", "ILIKE", "RLIKE", "IS", "NULL");

  private final String filter;
  private int pos;

  private FilterTokenizer(String filter) {
    this.filter = filter;
  }

  static List<FilterToken> tokenize(String filter) {
    return new FilterTokenizer(filter).run();
  }

  private List<FilterToken> run() {
    List<FilterToken> tokens = new ArrayList<>();
    while (true) {
      while (pos < filter.length() && Character.isWhitespace(filter.charAt(pos))) {
        pos++;
      }
      if (pos >= filter.length()) {
        tokens.add(FilterToken.of(FilterToken.Type.END, "", "", pos));
        return tokens;
      }
      tokens.add(next());
    }
  }

  private FilterToken next() {
    int start = pos;
    char ch = filter.charAt(pos);
    if (ch == '\'' || ch == '"') {
      String value = quoted(ch);
      return FilterToken.of(FilterToken.Type.STRING, filter.substring(start, pos), value, start);
    }
    if (isWordStart(ch) || ch == '`') {
      return identifierOrKeyword(start);
    }
    if (Character.isDigit(ch) || (ch == '-' && pos + 1 < filter.length()
        && Character.isDigit(filter.charAt(pos + 1)))) {
      pos++;
      while (pos < filter.length()
          && (Character.isDigit(filter.charAt(pos)) || filter.charAt(pos) == '.')) {
        pos++;
      }
      String digits = filter.substring(start, pos);
      return FilterToken.of(FilterToken.Type.NUMBER, digits, digits, start);
    }
    for (String op : new String[] {"!=", ">=", "<=", "=", ">", "<"}) {
      if (filter.startsWith(op, pos)) {
        pos += op.length();
        return FilterToken.of(FilterToken.Type.OPERATOR, op, op, start);
      }
    }
    pos++;
    switch (ch) {
      case '(':
        return FilterToken.of(FilterToken.Type.LEFT_PAREN, "(", "(", start);
      case ')':
        return FilterToken.of(FilterToken.Type.RIGHT_PAREN, ")", ")", start);
      case ',':
        return FilterToken.of(FilterToken.Type.COMMA, ",", ",", start);
      default:
        throw FilterCursor.syntaxError(filter, start, "unexpected character '" + ch + "'");
    }
  }

  private FilterToken identifierOrKeyword(int start) {
    List<String> parts = new ArrayList<>();
    boolean quoted = filter.charAt(pos) == '`';
    parts.add(quoted ? quoted('`') : word());
    while (pos < filter.length() && filter.charAt(pos) == '.') {
      pos++;
      char ch = pos < filter.length() ? filter.charAt(pos) : 0;
      if (ch == '`' || ch == '"') {
        parts.add(quoted(ch));
      } else if (isWordStart(ch) || Character.isDigit(ch)) {
        parts.add(word());
      } else {
        throw FilterCursor.syntaxError(filter, pos,
            "expected a key after '" + filter.substring(start, pos) + "'");
      }
    }
    String raw = filter.substring(start, pos);
    String upper = raw.toUpperCase(Locale.ROOT);
    if (!quoted && parts.size() == 1 && KEYWORDS.contains(upper)) {
      return FilterToken.of(FilterToken.Type.KEYWORD, raw, upper, start);
    }
    return new FilterToken(FilterToken.Type.IDENTIFIER, raw, raw, List.copyOf(parts), start);
  }

  private String word() {
    int start = pos;
    while (pos < filter.length() && isWordPart(filter.charAt(pos))) {
      pos++;
    }
    return filter.substring(start, pos);
  }

  /** Reads a text between {@code quote}s at {@code pos}; a doubled quote stands for one. */
  private String quoted(char quote) {
    int start = pos;
    StringBuilder text = new StringBuilder();
    pos++;
    while (pos < filter.length()) {
      char ch = filter.charAt(pos++);
      if (ch != quote) {
        text.append(ch);
      } else if (pos < filter.length() && filter.charAt(pos) == quote) {
        text.append(quote);
        pos++;
      } else {
        return text.toString();
      }
    }
    throw FilterCursor.syntaxError(filter, start,
        "unterminated " + quote + "-quoted text; expected a closing " + quote);
  }

  private static boolean isWordStart(char ch) {
    return Character.isLetter(ch) || ch == '_';
  }

  private static boolean isWordPart(char ch) {
    return Character.isLetterOrDigit(ch) || ch == '_' || ch == '-';
  }
}

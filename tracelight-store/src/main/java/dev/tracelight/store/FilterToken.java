package dev.tracelight.store;

import java.util.List;

/**
 * One token of a search filter.
 *
 * @param type what kind of token
 * @param raw the token as written, for error messages
 * @param value the decoded value: a string literal without quotes, an upper-case keyword, an
 *     operator, a number's digits, an identifier's raw text
 * @param parts an identifier's dot-separated parts, quotes removed; empty for other tokens
 * @param position 0-based character offset in the filter
 */
record FilterToken(Type type, String raw, String value, List<String> parts, int position) {

  enum Type {
    IDENTIFIER,
    STRING,
    NUMBER,
    OPERATOR,
    KEYWORD,
    LEFT_PAREN,
    RIGHT_PAREN,
    COMMA,
    END
  }

  static FilterToken of(Type type, String raw, String value, int position) {
    return new FilterToken(type, raw, value, List.of(), position);
  }

  boolean isKeyword(String keyword) {
    return type == Type.KEYWORD && value.equals(keyword);
  }

  /** How an error message shows this token, e.g. {@code string 'OK'} or {@code 'AND'}. */
  String describe() {
    switch (type) {
      case END:
        return "end of filter";
      case STRING:
        return "string " + raw;
      case NUMBER:
        return "number " + raw;
      default:
        return "'" + raw + "'";
    }
  }
}

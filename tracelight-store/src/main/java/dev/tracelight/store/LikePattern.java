package dev.tracelight.store;

import java.util.Locale;

/**
 * LIKE patterns with one meaning on every backend: {@code %} matches any run of characters,
 * {@code _} one character, {@code \} makes the next character literal (PostgreSQL's default
 * escape), and matching is case-sensitive. PostgreSQL takes such a pattern as it is; SQLite, whose
 * LIKE ignores ASCII case and knows no escape by default, gets the same pattern as a GLOB, which
 * is case-sensitive.
 */
final class LikePattern {
  private LikePattern() {}

  /** True if the pattern ends with a lone escape, which PostgreSQL refuses. */
  static boolean endsWithEscape(String pattern) {
    int backslashes = 0;
    for (int i = pattern.length() - 1; i >= 0 && pattern.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    return backslashes % 2 == 1;
  }

  /** The GLOB pattern matching what the LIKE pattern matches. */
  static String toGlob(String like) {
    StringBuilder glob = new StringBuilder(like.length() + 8);
    for (int i = 0; i < like.length(); i++) {
      char ch = like.charAt(i);
      if (ch == '\\' && i + 1 < like.length()) {
        literal(glob, like.charAt(++i));
      } else if (ch == '%') {
        glob.append('*');
      } else if (ch == '_') {
        glob.append('?');
      } else {
        literal(glob, ch);
      }
    }
    return glob.toString();
  }

  private static void literal(StringBuilder glob, char ch) {
    if (ch == '*' || ch == '?' || ch == '[') {
      glob.append('[').append(ch).append(']');
    } else {
      glob.append(ch);
    }
  }

  /** The lower case ILIKE compares in on SQLite, where {@code tl_lower} applies it to values. */
  static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}

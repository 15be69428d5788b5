package dev.tracelight.tracing;

/** The cap on one attribute value, applied with a marker a reader can see. */
final class AttributeLimits {
  static final String TRUNCATION_MARKER = "...[truncated by Tracelight: ";

  private AttributeLimits() {}

  static String cap(String json, int maxChars) {
    if (json.length() <= maxChars) {
      return json;
    }
    return json.substring(0, maxChars) + TRUNCATION_MARKER + (json.length() - maxChars) + " more chars]";
  }
}

package dev.tracelight.server;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Protobuf's JSON forms of Timestamp and Duration, at MLflow's millisecond precision. */
final class MlflowTime {
  private static final DateTimeFormatter RFC3339_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private MlflowTime() {}

  /** {@code 2025-06-15T14:07:41.282Z}: always with milliseconds, always UTC. */
  static String formatTimestamp(long epochMillis) {
    return RFC3339_MILLIS.format(Instant.ofEpochMilli(epochMillis));
  }

  /** Parses an RFC 3339 timestamp with any offset and fraction to epoch milliseconds. */
  static long parseTimestamp(String text) {
    try {
      return OffsetDateTime.parse(text.trim()).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not an RFC 3339 timestamp: " + text, e);
    }
  }

  /** {@code 1.532s}, {@code 2s}: seconds with the milliseconds as a fraction when there are any. */
  static String formatDuration(long millis) {
    if (millis % 1000 == 0) {
      return millis / 1000 + "s";
    }
    return BigDecimal.valueOf(millis, 3).toPlainString() + "s";
  }

  /** Parses {@code "1.532s"} (or {@code "1.5"}) to milliseconds, rounding half up. */
  static long parseDuration(String text) {
    String t = text.trim();
    if (t.endsWith("s")) {
      t = t.substring(0, t.length() - 1);
    }
    try {
      BigDecimal seconds = new BigDecimal(t);
      if (seconds.signum() < 0) {
        throw new IllegalArgumentException("negative duration: " + text);
      }
      return seconds.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("not a duration like \"1.5s\": " + text, e);
    }
  }
}

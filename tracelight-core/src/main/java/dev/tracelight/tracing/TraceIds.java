package dev.tracelight.tracing;

import java.util.Base64;
import java.util.HexFormat;

/** Conversions between MLflow trace ids, OpenTelemetry hex ids and the base64 ids of OTLP JSON. */
final class TraceIds {
  static final String PREFIX = "tr-";
  private static final HexFormat HEX = HexFormat.of();

  private TraceIds() {}

  static String mlflowTraceId(String otelTraceIdHex) {
    return PREFIX + otelTraceIdHex;
  }

  /** The OpenTelemetry hex id of an MLflow trace id, or null when it is not a {@code tr-} id. */
  @Nullable
  static String otelTraceId(String mlflowTraceId) {
    if (!mlflowTraceId.startsWith(PREFIX) || mlflowTraceId.length() != PREFIX.length() + 32) {
      return null;
    }
    String hex = mlflowTraceId.substring(PREFIX.length());
    return isHex(hex) ? hex : null;
  }

  static byte[] hexToBytes(String hex) {
    return HEX.parseHex(hex);
  }

  static String base64ToHex(String base64) {
    return base64.isEmpty() ? "" : HEX.formatHex(Base64.getDecoder().decode(base64));
  }

  private static boolean isHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}

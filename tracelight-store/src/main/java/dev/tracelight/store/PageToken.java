package dev.tracelight.store;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque keyset page tokens: the sort key of the last row of a page, base64url-encoded, so the
 * next page is a range scan from there, never an OFFSET.
 */
final class PageToken {
  private static final String TRACES = "t1:";
  private static final String EXPERIMENTS = "e1:";

  /** Sort key of the last trace on a page. */
  static final class TraceKey {
    final long requestTime;
    final String traceId;

    TraceKey(long requestTime, String traceId) {
      this.requestTime = requestTime;
      this.traceId = traceId;
    }
  }

  private PageToken() {}

  static String encodeTraceKey(long requestTime, String traceId) {
    return encode(TRACES + requestTime + ":" + traceId);
  }

  static TraceKey decodeTraceKey(String token) {
    String raw = decode(token, TRACES);
    int colon = raw.indexOf(':');
    try {
      return new TraceKey(Long.parseLong(raw.substring(0, colon)), raw.substring(colon + 1));
    } catch (RuntimeException e) {
      throw invalid(token);
    }
  }

  static String encodeExperimentId(long experimentId) {
    return encode(EXPERIMENTS + experimentId);
  }

  static long decodeExperimentId(String token) {
    try {
      return Long.parseLong(decode(token, EXPERIMENTS));
    } catch (NumberFormatException e) {
      throw invalid(token);
    }
  }

  private static String encode(String raw) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String token, String kind) {
    String raw;
    try {
      raw = new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid(token);
    }
    if (!raw.startsWith(kind)) {
      throw invalid(token);
    }
    return raw.substring(kind.length());
  }

  private static StoreException invalid(String token) {
    return StoreException.invalid("Invalid page token: " + token);
  }
}

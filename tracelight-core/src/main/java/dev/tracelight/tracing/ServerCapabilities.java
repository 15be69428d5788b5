package dev.tracelight.tracing;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * What a tracking server accepts, learned once per server: OTLP span ingest when {@code GET /version}
 * reports MLflow 3.4 or later (as MLflow's own clients decide), until an OTLP request is refused.
 */
final class ServerCapabilities {
  private static final Logger logger = Logger.getLogger(ServerCapabilities.class.getName());

  private final Map<String, Boolean> otlpByServer = new ConcurrentHashMap<>();

  /** Whether to send spans by OTLP; asks the server on first use. */
  boolean acceptsOtlp(MlflowRestClient client) throws IOException, InterruptedException {
    Boolean known = otlpByServer.get(client.baseUri());
    if (known != null) {
      return known;
    }
    boolean otlp;
    try {
      String version = client.getText("/version");
      otlp = atLeast(version, 3, 4);
      if (!otlp) {
        logger.info("Tracking server " + client.baseUri() + " reports MLflow " + version
            + ": spans are uploaded as traces.json artifacts");
      }
    } catch (MlflowRestException e) {
      if (!e.isNotFound()) {
        throw e;
      }
      otlp = false;
    }
    otlpByServer.put(client.baseUri(), otlp);
    return otlp;
  }

  /** The server refused an OTLP request: use artifact uploads from now on. */
  void otlpRefused(MlflowRestClient client, MlflowRestException e) {
    if (otlpByServer.put(client.baseUri(), false) != Boolean.FALSE) {
      logger.info("Tracking server " + client.baseUri() + " refused OTLP (" + e.getMessage()
          + "); uploading spans as traces.json artifacts instead");
    }
  }

  /** Whether a version string such as {@code 3.5.0}, {@code 3.10.1rc1} is at least major.minor. */
  static boolean atLeast(String version, int major, int minor) {
    String[] parts = version.trim().replaceFirst("^[vV]", "").split("\\.");
    try {
      int ma = Integer.parseInt(leadingDigits(parts[0]));
      int mi = parts.length > 1 ? Integer.parseInt(leadingDigits(parts[1])) : 0;
      return ma > major || (ma == major && mi >= minor);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String leadingDigits(String s) {
    int i = 0;
    while (i < s.length() && Character.isDigit(s.charAt(i))) {
      i++;
    }
    return s.substring(0, i);
  }
}

package dev.tracelight.testkit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a {@link FakeMlflowServer} was built to be: its version and which features it has. */
final class ServerConfig {

  static final String ARTIFACT_LOCATION_TAG = "mlflow.artifactLocation";
  static final String SPANS_LOCATION_TAG = "mlflow.trace.spansLocation";
  static final String TRACKING_STORE = "TRACKING_STORE";

  private static final Pattern MAJOR_MINOR = Pattern.compile("^(\\d+)\\.(\\d+)");

  private final String version;
  private final boolean otlpEnabled;
  private final boolean spansInTrackingStore;
  private final Authenticator authenticator;

  ServerConfig(
      String version,
      boolean otlpEnabled,
      boolean spansInTrackingStore,
      Authenticator authenticator) {
    this.version = version;
    this.otlpEnabled = otlpEnabled;
    this.spansInTrackingStore = spansInTrackingStore;
    this.authenticator = authenticator;
  }

  String version() {
    return version;
  }

  boolean otlpEnabled() {
    return otlpEnabled;
  }

  /** GetTrace ({@code GET /api/3.0/mlflow/traces/get}) exists from MLflow 3.5 on. */
  boolean hasGetTrace() {
    return atLeast(version, 3, 5);
  }

  Authenticator authenticator() {
    return authenticator;
  }

  /**
   * The tags a stock server adds to a trace: where its artifacts go, and, when it keeps spans in
   * its own tables, that the client need not upload {@code traces.json}.
   */
  Map<String, String> serverTags(String experimentId, String traceId) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(
        ARTIFACT_LOCATION_TAG,
        ExperimentRegistry.artifactLocation(experimentId) + "/traces/" + traceId + "/artifacts");
    if (spansInTrackingStore) {
      tags.put(SPANS_LOCATION_TAG, TRACKING_STORE);
    }
    return tags;
  }

  /**
   * Whether a version string such as {@code 3.5.0} or {@code 3.10.1.dev0} is at least major.minor.
   */
  static boolean atLeast(String version, int major, int minor) {
    Matcher m = MAJOR_MINOR.matcher(version);
    if (!m.find()) {
      return false;
    }
    int actualMajor = Integer.parseInt(m.group(1));
    int actualMinor = Integer.parseInt(m.group(2));
    return actualMajor > major || (actualMajor == major && actualMinor >= minor);
  }

  /** Whether a version string starts with major.minor digits, as {@code GET /version} answers. */
  static boolean isVersion(String version) {
    return MAJOR_MINOR.matcher(version).find();
  }
}

package dev.tracelight.tracing;

import java.util.LinkedHashMap;
import java.util.Map;

/** Where traces come from: the environment metadata MLflow records with every trace. */
final class Environment {
  private static final Map<String, String> METADATA = detect();

  private Environment() {}

  static Map<String, String> metadata() {
    return METADATA;
  }

  private static Map<String, String> detect() {
    Map<String, String> m = new LinkedHashMap<>();
    String user = System.getProperty("user.name");
    if (user != null) {
      m.put(TraceMetadataKey.USER, user);
    }
    // The launched main class or jar: the Java counterpart of the Python entry script.
    String command = System.getProperty("sun.java.command");
    if (command != null && !command.isBlank()) {
      m.put(TraceMetadataKey.SOURCE_NAME, command.split(" ", 2)[0]);
    }
    m.put(TraceMetadataKey.SOURCE_TYPE, "LOCAL");
    return Map.copyOf(m);
  }
}

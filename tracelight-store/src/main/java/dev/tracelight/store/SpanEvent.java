package dev.tracelight.store;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A timestamped event on a span, such as {@code exception}. Attribute values are plain JSON-able
 * values (String, Boolean, Long, Double, List, Map), not JSON-encoded text.
 */
public final class SpanEvent {
  private final String name;
  private final long timeUnixNano;
  private final Map<String, Object> attributes;

  private SpanEvent(String name, long timeUnixNano, Map<String, Object> attributes) {
    this.name = requireNonNull(name, "name");
    this.timeUnixNano = timeUnixNano;
    this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  public static SpanEvent create(String name, long timeUnixNano, Map<String, Object> attributes) {
    return new SpanEvent(name, timeUnixNano, requireNonNull(attributes, "attributes"));
  }

  public String name() {
    return name;
  }

  public long timeUnixNano() {
    return timeUnixNano;
  }

  public Map<String, Object> attributes() {
    return attributes;
  }
}

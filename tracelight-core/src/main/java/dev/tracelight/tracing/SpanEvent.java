package dev.tracelight.tracing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Something that happened at a point in a span's life, such as an {@code exception}. */
public final class SpanEvent {
  private final String name;
  private final long timeUnixNano;
  private final Map<String, Object> attributes;

  private SpanEvent(String name, long timeUnixNano, Map<String, Object> attributes) {
    this.name = name;
    this.timeUnixNano = timeUnixNano;
    this.attributes = attributes;
  }

  /** An event; attribute values are plain (strings, numbers, booleans, lists), not JSON-encoded. */
  public static SpanEvent create(String name, long timeUnixNano, Map<String, ?> attributes) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(attributes, "attributes");
    return new SpanEvent(
        name, timeUnixNano, Collections.unmodifiableMap(new LinkedHashMap<>(attributes)));
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

  @Override
  public String toString() {
    return "SpanEvent{" + name + ", " + attributes + "}";
  }
}

package dev.tracelight.testkit;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * One server-sent event as the Messages API writes it: {@code event: <type>}, then
 * {@code data: <json>} on one line, then a blank line. The event name is the data's {@code type}.
 * Immutable.
 */
final class SseEvent {

  private static final SseEvent PING = of(Json.object().put("type", "ping"));

  private final String name;
  private final byte[] wire;

  private SseEvent(String name, byte[] wire) {
    this.name = name;
    this.wire = wire;
  }

  /** The event whose data is {@code data}, named after its {@code type}. */
  static SseEvent of(ObjectNode data) {
    requireNonNull(data, "data");
    String name = data.path("type").asText("");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("an event's data needs a \"type\": " + data);
    }
    String wire = "event: " + name + "\ndata: " + Json.text(data) + "\n\n";
    return new SseEvent(name, wire.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code event: ping}, which the API interleaves and the SDK's SSE handler drops. */
  static SseEvent ping() {
    return PING;
  }

  String name() {
    return name;
  }

  /** Whether the SDK drops this event instead of handing it to the caller. */
  boolean isPing() {
    return name.equals("ping");
  }

  byte[] wire() {
    return wire.clone();
  }

  @Override
  public String toString() {
    return new String(wire, StandardCharsets.UTF_8).trim();
  }
}

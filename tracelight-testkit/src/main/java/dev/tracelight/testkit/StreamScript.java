package dev.tracelight.testkit;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * How a streamed reply misbehaves: a pause before each event, and optionally a failure after a
 * number of events, either an SSE {@code error} event or a connection cut. Failures count only the
 * events the SDK hands to the caller, i.e. not {@code ping}s. Immutable.
 */
final class StreamScript {

  static final StreamScript NONE = new StreamScript(Duration.ZERO, -1, null, null);

  private final Duration eventDelay;
  private final int failAfter;
  @Nullable private final String errorType;
  @Nullable private final String errorMessage;

  private StreamScript(
      Duration eventDelay,
      int failAfter,
      @Nullable String errorType,
      @Nullable String errorMessage) {
    this.eventDelay = eventDelay;
    this.failAfter = failAfter;
    this.errorType = errorType;
    this.errorMessage = errorMessage;
  }

  StreamScript withEventDelay(Duration delay) {
    requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative: " + delay);
    }
    return new StreamScript(delay, failAfter, errorType, errorMessage);
  }

  StreamScript withError(int afterEvents, String type, String message) {
    requireNonNull(type, "errorType");
    requireNonNull(message, "message");
    return new StreamScript(eventDelay, checkCount(afterEvents), type, message);
  }

  StreamScript withCut(int afterEvents) {
    return new StreamScript(eventDelay, checkCount(afterEvents), null, null);
  }

  Duration eventDelay() {
    return eventDelay;
  }

  boolean fails() {
    return failAfter >= 0;
  }

  /** Whether the failure is due once {@code delivered} events have been written. */
  boolean failsAfter(int delivered) {
    return failAfter >= 0 && delivered >= failAfter;
  }

  /** True for a connection cut, false for an {@code error} event. */
  boolean cuts() {
    return fails() && errorType == null;
  }

  /** The {@code error} event, as the API sends it mid-stream. */
  SseEvent errorEvent() {
    ObjectNode data = Json.object().put("type", "error");
    data.set("error", Json.object().put("type", errorType).put("message", errorMessage));
    return SseEvent.of(data);
  }

  private static int checkCount(int afterEvents) {
    if (afterEvents < 0) {
      throw new IllegalArgumentException("afterEvents must not be negative: " + afterEvents);
    }
    return afterEvents;
  }

  @Override
  public String toString() {
    String failure = "";
    if (fails()) {
      failure = ", " + (cuts() ? "cut" : errorType) + " after " + failAfter + " events";
    }
    return "stream{eventDelay=" + eventDelay + failure + "}";
  }
}

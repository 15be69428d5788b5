package dev.tracelight.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The body of a streamed reply: writes each event as its own chunk, pausing before each as
 * scripted, and fails where the {@link StreamScript} says, with an {@code error} event (then ends
 * the stream as the API does) or by dropping the connection. A failure scripted after more events
 * than the stream has comes after the last one.
 */
final class EventStream implements HttpReply.Body {

  private final List<SseEvent> events;
  private final StreamScript script;

  EventStream(List<SseEvent> events, StreamScript script) {
    this.events = List.copyOf(events);
    this.script = script;
  }

  @Override
  public long length() {
    return 0; // chunked
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    int delivered = 0;
    for (SseEvent event : events) {
      if (!event.isPing() && script.failsAfter(delivered)) {
        fail(out);
        return;
      }
      send(out, event);
      if (!event.isPing()) {
        delivered++;
      }
    }
    if (script.fails()) {
      fail(out);
    }
  }

  private void fail(OutputStream out) throws IOException {
    if (script.cuts()) {
      throw new HttpReply.ConnectionCut("scripted: " + script);
    }
    send(out, script.errorEvent());
  }

  private void send(OutputStream out, SseEvent event) throws IOException {
    pause();
    out.write(event.wire());
    out.flush();
  }

  private void pause() {
    if (script.eventDelay().isZero()) {
      return;
    }
    try {
      Thread.sleep(script.eventDelay().toMillis());
    } catch (InterruptedException e) {
      // The fake is closing: drop the connection, as a server going away would.
      Thread.currentThread().interrupt();
      throw new HttpReply.ConnectionCut("the fake Anthropic API is closing");
    }
  }
}

package dev.tracelight.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.AnthropicIoException;
import com.anthropic.errors.InternalServerException;
import com.anthropic.errors.RateLimitException;
import com.anthropic.errors.SseException;
import com.anthropic.models.ErrorType;
import com.anthropic.models.messages.RawMessageStreamEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Streams that fail, pause or are abandoned, seen through the real SDK. */
class StreamFailureSdkTest extends FakeApiTest {

  @Test
  void streamError_afterThreeEvents_throwsSseExceptionWithTheErrorBody() {
    fake.enqueue(FakeReply.streamError(3, "overloaded_error", "Overloaded"));
    List<RawMessageStreamEvent> received = new ArrayList<>();

    Throwable failure;
    try (StreamResponse<RawMessageStreamEvent> stream =
        client.messages().createStreaming(SdkClients.hello())) {
      failure = catchThrowable(() -> stream.stream().forEach(received::add));
    }

    assertThat(received).hasSize(3);
    assertThat(received.get(0).isMessageStart()).isTrue();
    assertThat(failure).isInstanceOf(SseException.class);
    SseException error = (SseException) failure;
    assertThat(error.statusCode()).isEqualTo(200);
    assertThat(error.type()).contains(ErrorType.OVERLOADED_ERROR);
    assertThat(error.apiMessage()).contains("Overloaded");
    assertThat(error.requestId()).hasValueSatisfying(id -> assertThat(id).startsWith("req_01"));
  }

  @Test
  void streamError_onScriptedMessage_failsAfterTheGivenEvents() {
    fake.enqueue(
        FakeReply.message(StreamFixtures.everyBlockType())
            .withStreamError(1, "api_error", "Internal server error"));

    Throwable failure =
        catchThrowable(
            () -> client.messages().createStreaming(SdkClients.hello()).stream().count());

    assertThat(failure).isInstanceOf(SseException.class);
    assertThat(((SseException) failure).type()).contains(ErrorType.API_ERROR);
  }

  @Test
  void streamCut_afterTwoEvents_failsIterationWithIoException() {
    fake.enqueue(FakeReply.defaultReply().withStreamCutAfter(2));
    List<RawMessageStreamEvent> received = new ArrayList<>();

    Throwable failure;
    try (StreamResponse<RawMessageStreamEvent> stream =
        client.messages().createStreaming(SdkClients.hello())) {
      failure = catchThrowable(() -> stream.stream().forEach(received::add));
    }

    assertThat(received).hasSize(2);
    assertThat(failure).isInstanceOf(AnthropicIoException.class).hasMessage("Stream failed");
  }

  @Test
  void closedAfterTwoEvents_closesCleanlyAndTheFakeKeepsServing() {
    fake.enqueue(FakeReply.defaultReply().withEventDelay(Duration.ofMillis(100)));

    List<RawMessageStreamEvent> received = new ArrayList<>();
    long closing;
    StreamResponse<RawMessageStreamEvent> stream =
        client.messages().createStreaming(SdkClients.hello());
    Iterator<RawMessageStreamEvent> events = stream.stream().iterator();
    received.add(events.next());
    received.add(events.next());
    closing = System.nanoTime();
    stream.close();
    Duration closeTime = Duration.ofNanos(System.nanoTime() - closing);

    assertThat(received.get(0).isMessageStart()).isTrue();
    assertThat(received.get(1).isContentBlockStart()).isTrue();
    assertThat(closeTime).isLessThan(Duration.ofSeconds(1));
    assertThat(client.messages().create(SdkClients.hello()).content()).hasSize(1);
  }

  @Test
  void eventDelay_delaysTheFirstToken() {
    Duration delay = Duration.ofMillis(60);
    fake.enqueue(FakeReply.text("slow and steady").withEventDelay(delay));

    long started = System.nanoTime();
    try (StreamResponse<RawMessageStreamEvent> stream =
        client.messages().createStreaming(SdkClients.hello())) {
      stream.stream().filter(RawMessageStreamEvent::isContentBlockDelta).findFirst().orElseThrow();
    }
    Duration firstToken = Duration.ofNanos(System.nanoTime() - started);

    // message_start, ping and content_block_start come first, each after one pause.
    assertThat(firstToken).isGreaterThanOrEqualTo(delay.multipliedBy(4));
  }

  @Test
  void httpError_forStreamedRequest_isThrownBeforeAnyEvent() {
    fake.enqueue(FakeReply.rateLimited().withRetryAfter(Duration.ofSeconds(30)));

    Throwable failure =
        catchThrowable(() -> client.messages().createStreaming(SdkClients.hello()));

    assertThat(failure).isInstanceOf(RateLimitException.class);
    assertThat(((RateLimitException) failure).headers().values("retry-after"))
        .containsExactly("30");
  }

  @Test
  void streamScript_forRequestThatDoesNotStream_failsLoudly() {
    fake.enqueue(FakeReply.streamError(1, "overloaded_error", "Overloaded"));

    Throwable failure = catchThrowable(() -> client.messages().create(SdkClients.hello()));

    assertThat(failure)
        .isInstanceOf(InternalServerException.class)
        .hasMessageContaining("\\\"stream\\\": true");
  }
}

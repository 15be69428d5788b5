package dev.tracelight.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.anthropic.client.AnthropicClientAsync;
import com.anthropic.core.http.AsyncStreamResponse;
import com.anthropic.errors.SseException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.RawMessageStreamEvent;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The async client's streams: subscribe, onCompleteFuture, mid-stream errors. */
class AsyncStreamingSdkTest {

  private FakeAnthropicApi fake;
  private AnthropicClientAsync client;

  @BeforeEach
  void start() {
    fake = FakeAnthropicApi.start();
    client = SdkClients.async(fake);
  }

  @AfterEach
  void stop() {
    client.close();
    fake.close();
  }

  @Test
  void subscribe_accumulatesTheNonStreamedMessage() throws Exception {
    FakeMessage scripted = StreamFixtures.everyBlockType();
    fake.enqueue(FakeReply.message(scripted), FakeReply.message(scripted));
    Message created = client.messages().create(SdkClients.hello()).get(10, TimeUnit.SECONDS);
    MessageAccumulator accumulator = MessageAccumulator.create();
    CompletableFuture<Optional<Throwable>> completed = new CompletableFuture<>();

    AsyncStreamResponse<RawMessageStreamEvent> stream =
        client.messages().createStreaming(SdkClients.hello());
    stream.subscribe(
        new AsyncStreamResponse.Handler<RawMessageStreamEvent>() {
          @Override
          public void onNext(RawMessageStreamEvent event) {
            accumulator.accumulate(event);
          }

          @Override
          public void onComplete(Optional<Throwable> error) {
            completed.complete(error);
          }
        });
    stream.onCompleteFuture().get(10, TimeUnit.SECONDS);

    assertThat(completed.getNow(null)).isEmpty();
    assertThat(StreamingSdkTest.json(accumulator.message()))
        .isEqualTo(StreamingSdkTest.json(created));
  }

  @Test
  void streamError_completesTheFutureExceptionallyWithSseException() {
    fake.enqueue(
        FakeReply.streamError(2, "overloaded_error", "Overloaded")
            .withEventDelay(Duration.ofMillis(5)));
    CompletableFuture<Optional<Throwable>> completed = new CompletableFuture<>();

    AsyncStreamResponse<RawMessageStreamEvent> stream =
        client.messages().createStreaming(SdkClients.hello());
    stream.subscribe(
        new AsyncStreamResponse.Handler<RawMessageStreamEvent>() {
          @Override
          public void onNext(RawMessageStreamEvent event) {}

          @Override
          public void onComplete(Optional<Throwable> error) {
            completed.complete(error);
          }
        });
    Throwable failure = catchThrowable(() -> stream.onCompleteFuture().join());

    assertThat(failure).isInstanceOf(CompletionException.class);
    assertThat(failure.getCause()).isInstanceOf(SseException.class);
    assertThat(completed.join()).containsInstanceOf(SseException.class);
  }
}

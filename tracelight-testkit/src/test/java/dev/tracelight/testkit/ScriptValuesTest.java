package dev.tracelight.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Stream and batch scripts reject bad input when built; routing and chunking edge cases. */
class ScriptValuesTest {

  @Test
  void streamOptions_onlyOnMessageOrDefaultReplies() {
    assertThatThrownBy(() -> FakeReply.overloaded().withStreamCutAfter(1))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> FakeReply.tokenCount(3).withEventDelay(Duration.ofMillis(1)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(FakeReply.text("x").withStreamCutAfter(0).stream().cuts()).isTrue();
  }

  @Test
  void streamOptions_negativeValues_areRejected() {
    assertThatThrownBy(() -> FakeReply.streamError(-1, "api_error", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FakeReply.text("x").withEventDelay(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void streamOptions_combineAndLeaveTheOriginalUnchanged() {
    FakeReply original = FakeReply.text("x");

    FakeReply scripted =
        original.withEventDelay(Duration.ofMillis(5)).withStreamError(2, "api_error", "boom");

    assertThat(original.stream()).isSameAs(StreamScript.NONE);
    assertThat(scripted.stream().eventDelay()).isEqualTo(Duration.ofMillis(5));
    assertThat(scripted.stream().failsAfter(1)).isFalse();
    assertThat(scripted.stream().failsAfter(2)).isTrue();
    assertThat(scripted.stream().errorEvent().toString())
        .isEqualTo(
            "event: error\ndata: {\"type\":\"error\","
                + "\"error\":{\"type\":\"api_error\",\"message\":\"boom\"}}");
  }

  @Test
  void retryAfter_roundsSecondsUpAndKeepsMillis() {
    FakeReply reply = FakeReply.rateLimited().withRetryAfter(Duration.ofMillis(1001));

    assertThat(reply.headers()).containsEntry("retry-after", "2");
    assertThat(reply.headers()).containsEntry("retry-after-ms", "1001");
    assertThatThrownBy(() -> reply.withRetryAfter(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void batch_rejectsResultsThatAreNotMessagesOrErrors() {
    FakeBatch.Builder builder = FakeBatch.builder();

    assertThatThrownBy(() -> builder.addResult(FakeReply.tokenCount(1)))
        .isInstanceOf(IllegalArgumentException.class);
    FakeReply delayed = FakeReply.text("x").delayedBy(Duration.ofSeconds(1));
    assertThatThrownBy(() -> builder.addResult(delayed))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.setRetrievesBeforeEnded(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void batch_requestsBeyondTheScriptSucceedWithTheDefault() {
    FakeBatch batch = FakeBatch.builder().addExpired().build();

    assertThat(batch.outcome(0)).isEqualTo(FakeBatch.Outcome.EXPIRED);
    assertThat(batch.outcome(1)).isEqualTo(FakeBatch.Outcome.SUCCEEDED);
    assertThat(batch.reply(1)).isSameAs(FakeReply.defaultReply());
    assertThat(batch.scriptedResults()).isEqualTo(1);
  }

  @Test
  void chunks_keepSurrogatePairsTogether() {
    String text = "\uD83C\uDF24".repeat(MessageStream.CHUNK + 1);

    assertThat(MessageStream.chunks(text))
        .containsExactly("\uD83C\uDF24".repeat(MessageStream.CHUNK), "\uD83C\uDF24");
    assertThat(MessageStream.chunks("")).isEmpty();
  }

  @Test
  void endpoints_matchByPathThenMethod() {
    assertThat(Endpoint.forPath("/v1/messages/batches/msgbatch_1/results"))
        .containsExactly(Endpoint.BATCH_RESULTS);
    assertThat(Endpoint.BATCH_RESULTS.id("/v1/messages/batches/msgbatch_1/results"))
        .contains("msgbatch_1");
    assertThat(Endpoint.forPath("/v1/messages/batches/"))
        .containsExactly(Endpoint.BATCH_CREATE, Endpoint.BATCH_LIST);
    assertThat(Endpoint.forPath("/v1/messages/batches/x"))
        .containsExactly(Endpoint.BATCH_RETRIEVE, Endpoint.BATCH_DELETE);
    assertThat(Endpoint.forPath("/v1/messages/batches//cancel")).isEmpty();
    assertThat(Endpoint.forPath("/v1/messages/batches/x/y")).isEmpty();
  }
}

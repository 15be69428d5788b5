package dev.tracelight.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.models.messages.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Many clients at once: every call is answered and recorded exactly once. */
class ConcurrencyTest {

  private static final int CALLS = 50;

  @Test
  void fiftyConcurrentCalls_allSucceedAndAreRecorded() throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(16);
    try (FakeAnthropicApi fake = FakeAnthropicApi.start()) {
      fake.enqueue(FakeReply.text("scripted 1"), FakeReply.text("scripted 2"));
      AnthropicClient client = SdkClients.blocking(fake);
      try {
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
          String question = "question " + i;
          calls.add(() -> text(client.messages().create(SdkClients.ask(question))));
        }
        List<String> answers = new ArrayList<>();
        for (Future<String> answer : callers.invokeAll(calls)) {
          answers.add(answer.get());
        }

        assertThat(answers).hasSize(CALLS).contains("scripted 1", "scripted 2");
        assertThat(answers.stream().filter(a -> a.startsWith("Hello! You said: question ")))
            .hasSize(CALLS - 2);
        Set<String> recorded =
            fake.requests().stream()
                .map(request -> request.json().at("/messages/0/content").asText())
                .collect(Collectors.toSet());
        assertThat(recorded).hasSize(CALLS);
        assertThat(fake.pendingReplies()).isZero();
      } finally {
        client.close();
      }
    } finally {
      callers.shutdownNow();
    }
  }

  private static String text(Message message) {
    return message.content().get(0).asText().text();
  }
}

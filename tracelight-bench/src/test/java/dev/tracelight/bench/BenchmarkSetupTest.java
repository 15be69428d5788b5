package dev.tracelight.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Smoke check of the benchmarks' own checks, without JMH's forks: each mode's setup, one call and
 * teardown pass (a traced mode that records no span, or any export, would throw). Modes run in
 * the order JMH gives them separate JVMs for, autolog last, since it cannot be unloaded here.
 */
class BenchmarkSetupTest {
  private static final String[] MODES = {"baseline", "wrap", "autolog"};
  private static final Blackhole BLACKHOLE = new Blackhole(
      "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

  @Test
  void everyModeSetsUpCallsAndTearsDown() {
    for (String mode : MODES) {
      MessagesCreateBenchmark create = new MessagesCreateBenchmark();
      create.mode = mode;
      create.setUp();
      assertThat(create.create().id()).isEqualTo(CannedExchange.MESSAGE_ID);
      create.tearDown();

      MessagesStreamBenchmark stream = new MessagesStreamBenchmark();
      stream.mode = mode;
      stream.setUp();
      assertThat(stream.createStreaming(BLACKHOLE)).isEqualTo(MessagesStreamBenchmark.EVENTS);
      stream.tearDown();
    }
  }
}

package dev.tracelight.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelight.testkit.FakeAnthropicApi;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -javaagent:<tracelight-anthropic jar>} traces an application that never calls autolog,
 * in a JVM without {@code jdk.attach}, where a run-time attach would be impossible.
 */
class AnthropicJavaAgentIT {
  private static final String WITHOUT_ATTACH =
      "java.base,java.logging,java.instrument,java.net.http,java.sql,jdk.unsupported,java.naming,"
          + "java.management,java.desktop";

  @TempDir Path dir;

  @Test
  void javaagent_turnsAutologOnBeforeMain() throws Exception {
    String agentJar = System.getProperty("tracelight.anthropicAgentJar");
    assertThat(new File(agentJar)).as("the packaged tracelight-anthropic jar").isFile();
    try (FakeAnthropicApi api = FakeAnthropicApi.start()) {
      Path out = dir.resolve("out.txt");
      Path err = dir.resolve("err.txt");
      Process process = new ProcessBuilder(List.of(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-javaagent:" + agentJar,
              "--limit-modules", WITHOUT_ATTACH,
              "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
              AgentMain.class.getName(),
              api.baseUrl()))
          .redirectOutput(out.toFile())
          .redirectError(err.toFile())
          .start();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as(Files.readString(err)).isZero();

      assertThat(Files.readAllLines(out)).contains("autolog=true", "spans=Messages.create");
      assertThat(api.requestCount()).isEqualTo(1);
    }
  }
}

package dev.tracelight.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelight.server.TracelightServer;
import dev.tracelight.server.TracelightServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Traces still queued when a program ends are delivered by the JVM shutdown hook. */
class ShutdownFlushIT {
  @TempDir Path dir;

  @Test
  void programThatExitsWithoutFlush_stillDeliversItsTraces() throws Exception {
    try (TracelightServer server = TracelightServer.start(TracelightServerConfig.builder()
        .setPort(0).setBackendStoreUri("sqlite:///" + dir.resolve("flush.db")).build())) {
      Path out = dir.resolve("out.txt");
      ProcessBuilder builder = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
          ShutdownFlushMain.class.getName())
          .redirectOutput(out.toFile())
          .redirectError(dir.resolve("err.txt").toFile());
      builder.environment().put("MLFLOW_TRACKING_URI", server.url());
      Process process = builder.start();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as(Files.readString(dir.resolve("err.txt"))).isZero();

      List<String> traceIds = Files.readAllLines(out).stream()
          .filter(l -> l.startsWith("trace=")).map(l -> l.substring(6)).toList();
      assertThat(traceIds).hasSize(5);
      TracelightRuntime reader = new TracelightRuntime(Map.of("MLFLOW_TRACKING_URI", server.url()));
      for (String traceId : traceIds) {
        assertThat(reader.getTrace(traceId)).as(traceId).isPresent();
      }
    }
  }
}

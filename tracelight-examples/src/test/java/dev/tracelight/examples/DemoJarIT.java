package dev.tracelight.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracelight.server.TracelightServer;
import dev.tracelight.server.TracelightServerConfig;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code ./tracelight demo} really runs: the packaged jar, in its own JVM, against a server.
 * Catches what an in-process run cannot, such as {@code @Traced} having no effect in the jar.
 */
class DemoJarIT {
  @TempDir static Path dir;
  private static TracelightServer server;
  private static ServerRest rest;

  @BeforeAll
  static void start() {
    server = TracelightServer.start(TracelightServerConfig.builder()
        .setPort(0).setBackendStoreUri("sqlite:///" + dir.resolve("t.db")).build());
    rest = new ServerRest(server.url());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void jar_runsTheDemo_withTheAgentTracedAsAgentSpans() throws Exception {
    ProcessBuilder command = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", demoJar().toString(), server.url())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("demo.log").toFile());
    command.environment().remove("ANTHROPIC_API_KEY");
    command.environment().remove("MLFLOW_TRACKING_URI");
    Process demo = command.start();
    assertThat(demo.waitFor(120, TimeUnit.SECONDS)).as("the demo finished").isTrue();
    String output = Files.readString(dir.resolve("demo.log"), StandardCharsets.UTF_8);

    assertThat(demo.exitValue()).as(output).isZero();
    Matcher tokyo = Pattern.compile("-> Tokyo: .*/#/traces/(tr-[0-9a-f]{32})").matcher(output);
    assertThat(tokyo.find()).as(output).isTrue();
    JsonNode trace = rest.traceWithSpans(tokyo.group(1));
    assertThat(trace.path("trace_info").path("tags").path("mlflow.traceName").asText())
        .isEqualTo("runToolAgent");
    assertThat(trace.path("spans")).hasSize(4);
    assertThat(output).contains("Done: 8 traces");
  }

  private static Path demoJar() throws IOException {
    Path target = Path.of(System.getProperty("basedir", "."), "target");
    try (Stream<Path> files = Files.list(target)) {
      List<Path> jars = files.filter(p -> p.getFileName().toString().endsWith("-all.jar")).toList();
      assertThat(jars).as("the shaded jar in " + target + File.separator).hasSize(1);
      return jars.get(0);
    }
  }
}

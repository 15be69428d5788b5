package dev.tracelight.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracelight.server.TracelightServer;
import dev.tracelight.server.TracelightServerConfig;
import dev.tracelight.testkit.FakeMlflowServer;
import dev.tracelight.tracing.Tracelight;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./tracelight demo} in process: {@code Demo.main} with the tracking URI as its argument
 * runs every example against the server and links traces that are really there; it exits 1 with a
 * clear message when there is no server or export fails.
 */
class DemoIT {
  private static final Pattern TRACE_LINK = Pattern.compile("/#/traces/(tr-[0-9a-f]{32})");
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
    Tracelight.autolog(false);
    server.close();
  }

  @Test
  void main_runsEveryExample_andLinksTracesThatAreOnTheServer() throws Exception {
    String output = mainOutput(server.url());

    assertThat(output).containsSubsequence(
        "simulated at http://127.0.0.1:",
        "== 1. Getting Started", "Claude: Hello! You said: Hello, Claude",
        "== 2. Async client", "span AsyncMessages.create (CHAT_MODEL)",
        "== 3. Tool-calling agent", "Tokyo: The weather in Tokyo is sunny today.",
        "Paris: The weather in Paris is rainy today.", "Sydney: I couldn't find",
        "== 4. Token usage", "Input tokens: ", "Output tokens: ", "Total tokens: ",
        "== 5. Disable auto-tracing", "no new trace recorded", "no new trace recorded",
        "== 6. Streaming", "Span Messages.createStreaming output: ",
        "Done: 8 traces, all in " + server.url() + "/#/experiments/");

    List<String> traceIds = new ArrayList<>();
    Matcher link = TRACE_LINK.matcher(output);
    while (link.find()) {
      traceIds.add(link.group(1));
    }
    assertThat(traceIds).hasSize(8).doesNotHaveDuplicates();
    assertThat(output).contains("-> trace: " + server.url() + "/#/traces/" + traceIds.get(0));

    String experimentId = rest.experimentId("Anthropic");
    assertThat(output).contains("Traces: experiment \"Anthropic\" at " + server.url()
        + "/#/experiments/" + experimentId);
    assertThat(rest.traceCount(experimentId)).isEqualTo(8);
    List<String> names = new ArrayList<>();
    for (String traceId : traceIds) {
      JsonNode info = rest.traceInfo(traceId);
      assertThat(ServerRest.experimentOf(info)).isEqualTo(experimentId);
      names.add(info.path("tags").path("mlflow.traceName").asText());
    }
    assertThat(names).containsExactly("Messages.create", "AsyncMessages.create",
        "runToolAgent", "runToolAgent", "runToolAgent", "Messages.create", "Messages.create",
        "Messages.createStreaming");
    // The demo's simulated Claude is gone, and fromEnv() clients point where they did before.
    assertThat(System.getProperty("anthropic.baseUrl")).isNull();
  }

  @Test
  void noServer_exits1_sayingHowToStartOne() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Printed out = new Printed();
    Printed err = new Printed();

    int status = Demo.run(new String[] {"http://127.0.0.1:" + closedPort}, out, err);

    assertThat(status).isEqualTo(1);
    assertThat(out.text()).isEmpty();
    assertThat(err.text())
        .contains("no tracking server at http://127.0.0.1:" + closedPort + " (connection refused)")
        .contains("./tracelight server");
  }

  @Test
  void notAnHttpUri_exits1() {
    Printed err = new Printed();

    assertThat(Demo.run(new String[] {"file:///tmp/mlruns"}, new Printed(), err)).isEqualTo(1);
    assertThat(err.text()).contains("not an http(s) URI");
  }

  @Test
  void exportRefused_exits1_namingTheServer() {
    try (FakeMlflowServer mlflow = FakeMlflowServer.start()) {
      mlflow.enqueueFailure("/api/3.0/mlflow/traces", 400);
      Printed out = new Printed();
      Printed err = new Printed();

      int status = Demo.run(new String[] {mlflow.url()}, out, err);

      assertThat(status).isEqualTo(1);
      assertThat(out.text()).contains("== 1. Getting Started").doesNotContain("== 2.");
      assertThat(err.text())
          .contains("traces could not be exported to " + mlflow.url() + " (1 failed)");
    }
  }

  /** Runs {@code Demo.main} as the launcher does, and returns what it printed. */
  private static String mainOutput(String trackingUri) {
    PrintStream original = System.out;
    Printed out = new Printed();
    System.setOut(out);
    try {
      Demo.main(new String[] {trackingUri});
    } finally {
      System.setOut(original);
    }
    original.print(out.text());
    return out.text();
  }
}

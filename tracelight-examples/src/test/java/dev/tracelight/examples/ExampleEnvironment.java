package dev.tracelight.examples;

import dev.tracelight.anthropic.AnthropicTracing;
import dev.tracelight.server.TracelightServer;
import dev.tracelight.server.TracelightServerConfig;
import dev.tracelight.testkit.FakeAnthropicApi;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What each example runs against in a test: a real Tracelight server on a free port with a SQLite
 * file, and the fake Anthropic API playing {@link SimulatedClaude}, which the examples'
 * {@code fromEnv()} clients reach through the {@code anthropic.baseUrl} and
 * {@code anthropic.apiKey} system properties.
 */
final class ExampleEnvironment implements AutoCloseable {
  static final Duration FLUSH = Duration.ofSeconds(20);

  final TracelightServer server;
  final FakeAnthropicApi api;
  final ServerRest rest;

  private ExampleEnvironment(TracelightServer server, FakeAnthropicApi api) {
    this.server = server;
    this.api = api;
    this.rest = new ServerRest(server.url());
  }

  static ExampleEnvironment start(Path dir) {
    TracelightServer server = TracelightServer.start(TracelightServerConfig.builder()
        .setPort(0).setBackendStoreUri("sqlite:///" + dir.resolve("t.db")).build());
    FakeAnthropicApi api = FakeAnthropicApi.start().responder(new SimulatedClaude());
    System.setProperty("anthropic.baseUrl", api.baseUrl());
    System.setProperty("anthropic.apiKey", "sk-ant-examples-SECRET");
    return new ExampleEnvironment(server, api);
  }

  String url() {
    return server.url();
  }

  /** The id of the experiment every example writes to. */
  String anthropicExperimentId() throws IOException, InterruptedException {
    return rest.experimentId("Anthropic");
  }

  @Override
  public void close() {
    AnthropicTracing.disable();
    System.clearProperty("anthropic.baseUrl");
    System.clearProperty("anthropic.apiKey");
    api.close();
    server.close();
  }
}

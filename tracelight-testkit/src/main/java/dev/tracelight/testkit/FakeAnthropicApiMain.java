package dev.tracelight.testkit;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the {@link FakeAnthropicApi} until the process is stopped, for manual runs and demos.
 *
 * <pre>
 * java -cp ... dev.tracelight.testkit.FakeAnthropicApiMain [--port 8089]
 * </pre>
 *
 * <p>Prints the base URL as the only line on standard output, so scripts can capture it; the
 * hint for pointing the SDK at it goes to standard error.
 */
public final class FakeAnthropicApiMain {

  private static final String USAGE = "usage: FakeAnthropicApiMain [--port <0..65535>]";

  private FakeAnthropicApiMain() {}

  public static void main(String[] args) throws InterruptedException {
    int port;
    try {
      port = parsePort(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    FakeAnthropicApi fake = FakeAnthropicApi.start(port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runnable shutdown =
        () -> {
          fake.close();
          stopped.countDown();
        };
    Runtime.getRuntime().addShutdownHook(new Thread(shutdown, "fake-anthropic-api-shutdown"));
    announce(fake, System.out, System.err);
    stopped.await();
  }

  /** The port from {@code --port N} or {@code --port=N}; 0 (a free port) when absent. */
  static int parsePort(String[] args) {
    int port = 0;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String value;
      if (arg.equals("--port") && i + 1 < args.length) {
        value = args[++i];
      } else if (arg.startsWith("--port=")) {
        value = arg.substring("--port=".length());
      } else {
        throw new IllegalArgumentException("unknown argument: " + arg);
      }
      try {
        port = Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a port number: " + value, e);
      }
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535, got " + port);
      }
    }
    return port;
  }

  static void announce(FakeAnthropicApi fake, PrintStream out, PrintStream err) {
    out.println(fake.baseUrl());
    out.flush();
    err.println("Fake Anthropic API listening; point the SDK at it with:");
    err.println("  export ANTHROPIC_BASE_URL=" + fake.baseUrl() + " ANTHROPIC_API_KEY=sk-fake");
  }
}

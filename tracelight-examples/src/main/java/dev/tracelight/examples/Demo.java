package dev.tracelight.examples;

import dev.tracelight.testkit.FakeAnthropicApi;
import dev.tracelight.tracing.ExportStats;
import dev.tracelight.tracing.Nullable;
import dev.tracelight.tracing.Tracelight;
import dev.tracelight.tracing.TracelightException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code ./tracelight demo [tracking URI]}: runs the examples of MLflow's Anthropic tracing guide,
 * in order, against a tracking server (the argument, else {@code MLFLOW_TRACKING_URI}, else
 * {@code http://localhost:5000}), all in the experiment {@code Anthropic}, and prints where to see
 * each trace in the UI. Without {@code ANTHROPIC_API_KEY} Claude is {@link SimulatedClaude} on the
 * testkit's fake Anthropic API; with it, the real API.
 *
 * <p>Exits with status 1, saying why, when the server cannot be reached or a trace could not be
 * exported.
 */
public final class Demo {
  static final String DEFAULT_TRACKING_URI = "http://localhost:5000";
  static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(30);
  private static final String EXPERIMENT = "Anthropic";

  /** One example of the guide: its title, and how to run it, giving its traces by label. */
  private record Example(String title, Function<String, Map<String, String>> run) {}

  private final String trackingUri;
  private final PrintStream out;
  private final PrintStream err;
  private long failedBefore = Tracelight.exportStats().failed();

  private Demo(String trackingUri, PrintStream out, PrintStream err) {
    this.trackingUri = trackingUri;
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs the demo; returns the exit status, 0 when every trace reached the server. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    String trackingUri = args.length > 0
        ? args[0]
        : System.getenv().getOrDefault("MLFLOW_TRACKING_URI", DEFAULT_TRACKING_URI);
    return new Demo(trackingUri.replaceAll("/+$", ""), out, err).run();
  }

  private int run() {
    String problem = unreachable(trackingUri);
    if (problem != null) {
      err.println("tracelight demo: no tracking server at " + trackingUri + " (" + problem + ").");
      err.println("Is it running? Start one with `./tracelight server`,"
          + " or pass its URI: ./tracelight demo <tracking URI>");
      return 1;
    }
    String baseUrl = System.getProperty("anthropic.baseUrl");
    String apiKey = System.getProperty("anthropic.apiKey");
    FakeAnthropicApi fake = null;
    try {
      if (System.getenv("ANTHROPIC_API_KEY") == null) {
        fake = FakeAnthropicApi.start().responder(new SimulatedClaude());
        // AnthropicOkHttpClient.fromEnv() reads these properties before the environment.
        System.setProperty("anthropic.baseUrl", fake.baseUrl());
        System.setProperty("anthropic.apiKey", "sk-ant-demo");
      }
      Tracelight.setTrackingUri(trackingUri);
      Tracelight.setExperiment(EXPERIMENT);
      String experimentLink = trackingUri + "/#/experiments/" + Tracelight.currentExperimentId();
      out.println("Tracelight demo: MLflow's Anthropic tracing guide in Java");
      out.println("Claude: " + (fake == null
          ? "the Anthropic API (ANTHROPIC_API_KEY is set)"
          : "simulated at " + fake.baseUrl() + " (no ANTHROPIC_API_KEY)"));
      out.println("Traces: experiment \"" + EXPERIMENT + "\" at " + experimentLink);
      int traces = 0;
      for (Example example : examples()) {
        out.println();
        out.println("== " + example.title());
        Map<String, String> traceIds;
        try {
          traceIds = example.run().apply(trackingUri);
        } catch (RuntimeException e) {
          err.println("tracelight demo: the example failed: " + e);
          return 1;
        }
        if (!exported()) {
          return 1;
        }
        traceIds.forEach((label, traceId) ->
            out.println("-> " + label + ": " + trackingUri + "/#/traces/" + traceId));
        traces += traceIds.size();
      }
      out.println();
      out.println("Done: " + traces + " traces, all in " + experimentLink);
      return 0;
    } catch (TracelightException e) {
      err.println("tracelight demo: the tracking server at " + trackingUri + " refused: "
          + e.getMessage());
      return 1;
    } finally {
      if (fake != null) {
        fake.close();
      }
      restore("anthropic.baseUrl", baseUrl);
      restore("anthropic.apiKey", apiKey);
    }
  }

  private List<Example> examples() {
    return List.of(
        new Example("1. Getting Started: autolog, one call", uri ->
            Map.of("trace", GettingStarted.run(uri, out))),
        new Example("2. Async client: a CompletableFuture", uri ->
            Map.of("trace", AsyncExample.run(uri, out))),
        new Example("3. Tool-calling agent: @Traced tool and agent, three questions at once",
            uri -> agentTraces(ToolCallingAgent.run(uri, out))),
        new Example("4. Token usage", uri -> Map.of("trace", TokenUsageExample.run(uri, out))),
        new Example("5. Disable auto-tracing", uri ->
            Map.of("trace after re-enabling", DisableExample.run(uri, out).reenabledTraceId())),
        new Example("6. Streaming", uri -> Map.of("trace", StreamingExample.run(uri, out))));
  }

  /** Each city's trace; each run must have been traced by {@code @Traced} as an AGENT span. */
  private static Map<String, String> agentTraces(List<ToolCallingAgent.Run> runs) {
    Map<String, String> traces = new LinkedHashMap<>();
    for (ToolCallingAgent.Run run : runs) {
      if (run.traceId().isEmpty()) {
        throw new IllegalStateException("runToolAgent was not traced: @Traced had no effect"
            + " (it needs the Java agent; see the log above)");
      }
      traces.put(run.city(), run.traceId());
    }
    return traces;
  }

  /** Waits for the traces so far to reach the server; false, after saying why, if they did not. */
  private boolean exported() {
    boolean flushed = Tracelight.flush(FLUSH_TIMEOUT);
    ExportStats stats = Tracelight.exportStats();
    if (flushed && stats.failed() == failedBefore) {
      return true;
    }
    String what = flushed
        ? (stats.failed() - failedBefore) + " failed"
        : "still queued after " + FLUSH_TIMEOUT.toSeconds() + " s";
    err.println("tracelight demo: traces could not be exported to " + trackingUri + " (" + what
        + "); is the server still running? The log above says why.");
    failedBefore = stats.failed();
    return false;
  }

  /** Why the tracking server cannot be reached, or null when it answers. */
  @Nullable
  private static String unreachable(String trackingUri) {
    URI health;
    try {
      health = URI.create(trackingUri + "/health");
    } catch (IllegalArgumentException e) {
      return "not a valid URI";
    }
    String scheme = health.getScheme();
    if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
      return "not an http(s) URI";
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    try {
      http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.discarding());
      return null; // any answer will do: the export reports real refusals
    } catch (IOException e) {
      return e instanceof java.net.ConnectException ? "connection refused" : e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  private static void restore(String property, @Nullable String value) {
    if (value == null) {
      System.clearProperty(property);
    } else {
      System.setProperty(property, value);
    }
  }
}

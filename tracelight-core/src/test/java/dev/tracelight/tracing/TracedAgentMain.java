package dev.tracelight.tracing;

import java.util.stream.Collectors;

/**
 * The application {@link TracedJavaAgentIT} runs in a JVM of its own: it installs the agent twice,
 * calls a {@code @Traced} method and prints what it saw, one {@code key=value} per line.
 */
final class TracedAgentMain {
  private TracedAgentMain() {}

  public static void main(String[] args) {
    boolean startedWithAgent = TracelightAgent.instrumentation().isPresent();
    long start = System.nanoTime();
    boolean first = TracelightAgent.install();
    long firstMicros = (System.nanoTime() - start) / 1_000;
    start = System.nanoTime();
    boolean second = TracelightAgent.install();
    long secondMicros = (System.nanoTime() - start) / 1_000;

    String result = plan("Oslo");

    String spans =
        Tracelight.lastActiveTraceId()
            .flatMap(Tracelight::getTrace)
            .map(t -> t.data().spans().stream()
                .map(s -> s.name() + ":" + s.spanType())
                .collect(Collectors.joining(",")))
            .orElse("none");
    System.out.println("startedWithAgent=" + startedWithAgent);
    System.out.println("install=" + first + "," + second);
    System.out.println("installMicros=" + firstMicros + "," + secondMicros);
    System.out.println("result=" + result);
    System.out.println("spans=" + spans);
  }

  @Traced(name = "trip_planner", spanType = "AGENT")
  static String plan(String city) {
    return "pack for " + weather(city);
  }

  @Traced(spanType = "TOOL")
  private static String weather(String city) {
    return "rain in " + city;
  }
}

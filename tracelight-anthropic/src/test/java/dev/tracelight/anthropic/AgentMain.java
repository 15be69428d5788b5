package dev.tracelight.anthropic;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import dev.tracelight.tracing.Span;
import dev.tracelight.tracing.Trace;
import dev.tracelight.tracing.Tracelight;
import java.util.stream.Collectors;

/**
 * An application that never calls autolog: run by {@link AnthropicJavaAgentIT} in a JVM started
 * with {@code -javaagent:<tracelight-anthropic jar>}. Prints key=value lines.
 */
public final class AgentMain {
  private AgentMain() {}

  public static void main(String[] args) {
    AnthropicClient client = AnthropicOkHttpClient.builder()
        .baseUrl(args[0]).apiKey("sk-ant-agent-test").maxRetries(0).build();
    client.messages().create(AnthropicFixtures.hello());
    System.out.println("autolog=" + AnthropicTracing.isAutologEnabled());
    String spans = Tracelight.lastActiveTraceId().flatMap(Tracelight::getTrace).map(Trace::data)
        .map(d -> d.spans().stream().map(Span::name).collect(Collectors.joining(",")))
        .orElse("none");
    System.out.println("spans=" + spans);
  }
}

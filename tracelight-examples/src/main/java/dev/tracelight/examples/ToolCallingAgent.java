package dev.tracelight.examples;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlock;
import dev.tracelight.tracing.Traced;
import dev.tracelight.tracing.Tracelight;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The guide's tool-calling agent, in Java: {@code @Traced} on the tool and on the agent, Anthropic
 * autolog for the model calls, three questions asked at once. Each question is one trace: an
 * {@code AGENT} span ({@code runToolAgent}) with {@code CHAT_MODEL}, {@code TOOL}
 * ({@code getWeather}) and {@code CHAT_MODEL} children.
 */
public final class ToolCallingAgent {
  static final String MODEL = "claude-sonnet-4-5-20250929";

  /** The cities the guide asks about, at once. */
  public static final List<String> CITIES = List.of("Tokyo", "Paris", "Sydney");

  static final Tool GET_WEATHER_TOOL =
      Tool.builder()
          .name("get_weather")
          .description("Returns the weather condition of a given city.")
          .inputSchema(Tool.InputSchema.builder()
              .properties(JsonValue.from(Map.of("city", Map.of("type", "string"))))
              .addRequired("city")
              .build())
          .build();

  /** One question: the city asked about, Claude's final answer and the trace of the run. */
  public record Run(String city, String answer, String traceId) {}

  private final AnthropicClient client;
  /** The trace of the last run on each thread, so the demo can link each city's trace. */
  private final ThreadLocal<String> lastTraceId = new ThreadLocal<>();

  ToolCallingAgent(AnthropicClient client) {
    this.client = client;
  }

  @Traced(spanType = "TOOL")
  String getWeather(String city) {
    switch (city) {
      case "Tokyo":
        return "sunny";
      case "Paris":
        return "rainy";
      default:
        return "unknown";
    }
  }

  @Traced(spanType = "AGENT")
  String runToolAgent(String question) {
    lastTraceId.set(Tracelight.currentSpan().traceId());
    MessageCreateParams first =
        MessageCreateParams.builder()
            .model(MODEL)
            .maxTokens(2048)
            .addTool(GET_WEATHER_TOOL)
            .addUserMessage(question)
            .build();
    Message aiMsg = client.messages().create(first);

    // Run each tool Claude asked for; all results go back in one user message.
    List<ContentBlockParam> toolResults = new ArrayList<>();
    for (ContentBlock block : aiMsg.content()) {
      if (block.isToolUse()) {
        ToolUseBlock call = block.asToolUse();
        if (!call.name().equals("get_weather")) {
          throw new IllegalStateException("An invalid tool is returned from the assistant!");
        }
        String city = String.valueOf(call._input().convert(Map.class).get("city"));
        toolResults.add(ContentBlockParam.ofToolResult(
            ToolResultBlockParam.builder().toolUseId(call.id()).content(getWeather(city)).build()));
      }
    }
    if (toolResults.isEmpty()) {
      return lastText(aiMsg); // answered without the tool
    }
    Message response =
        client.messages().create(first.toBuilder()
            .addMessage(aiMsg)
            .addUserMessageOfContentBlockParams(toolResults)
            .build());
    return lastText(response);
  }

  private static String lastText(Message message) {
    return message.content().get(message.content().size() - 1).asText().text();
  }

  /** Asks the agent about the weather in {@code city}. */
  Run ask(String city) {
    String answer = runToolAgent("What's the weather like in " + city + " today?");
    return new Run(city, answer, lastTraceId.get());
  }

  /**
   * Runs the agent for {@link #CITIES}, three questions at once, printing {@code <city>: <answer>};
   * returns the runs in the order of {@link #CITIES}.
   */
  public static List<Run> run(String trackingUri, PrintStream out) {
    Tracelight.autolog(); // Anthropic autolog and @Traced (installs the Java agent once)
    Tracelight.setTrackingUri(trackingUri);
    Tracelight.setExperiment("Anthropic");

    AnthropicClient client = AnthropicOkHttpClient.fromEnv();
    ToolCallingAgent agent = new ToolCallingAgent(client);
    ExecutorService pool = Executors.newFixedThreadPool(CITIES.size());
    try {
      List<Future<Run>> pending = new ArrayList<>();
      for (String city : CITIES) {
        pending.add(pool.submit(() -> agent.ask(city)));
      }
      List<Run> runs = new ArrayList<>();
      for (Future<Run> run : pending) {
        runs.add(run.get());
      }
      for (Run run : runs) {
        out.println(run.city() + ": " + run.answer());
      }
      return runs;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the agents ran", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("an agent run failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdown();
      client.close();
    }
  }
}

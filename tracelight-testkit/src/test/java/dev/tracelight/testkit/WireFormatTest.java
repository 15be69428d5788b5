package dev.tracelight.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.models.messages.CacheCreation;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.OutputTokensDetails;
import com.anthropic.models.messages.ServerToolUsage;
import com.anthropic.models.messages.TextBlock;
import com.anthropic.models.messages.ThinkingBlock;
import com.anthropic.models.messages.ToolUseBlock;
import com.anthropic.models.messages.Usage;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Method;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fake writes exactly the fields the SDK's model classes declare. Read from the SDK by
 * reflection, so an SDK upgrade that adds a field fails here instead of in a tracer test.
 */
class WireFormatTest {

  private static final String REQUEST =
      "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,"
          + "\"messages\":[{\"role\":\"user\",\"content\":\"Hello, Claude\"}]}";

  private FakeAnthropicApi fake;

  @BeforeEach
  void start() {
    fake = FakeAnthropicApi.start();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void defaultMessage_hasEveryFieldOfTheSdkModels() throws Exception {
    JsonNode message = post();

    assertThat(fieldNames(message)).isEqualTo(sdkFields(Message.class));
    assertThat(fieldNames(message.get("usage"))).isEqualTo(sdkFields(Usage.class));
    assertThat(fieldNames(message.at("/usage/cache_creation")))
        .isEqualTo(sdkFields(CacheCreation.class));
    assertThat(fieldNames(message.at("/usage/output_tokens_details")))
        .isEqualTo(sdkFields(OutputTokensDetails.class));
    assertThat(fieldNames(message.at("/usage/server_tool_use")))
        .isEqualTo(sdkFields(ServerToolUsage.class));
    assertThat(fieldNames(message.at("/content/0"))).isEqualTo(sdkFields(TextBlock.class));
  }

  @Test
  void scriptedBlocks_haveEveryFieldOfTheSdkModels() throws Exception {
    fake.enqueue(
        FakeReply.message(
            FakeMessage.builder()
                .addThinking("hmm", "sig")
                .addToolUse("toolu_01", "lookup", Map.of("q", "x"))
                .build()));

    JsonNode content = post().get("content");

    assertThat(fieldNames(content.get(0))).isEqualTo(sdkFields(ThinkingBlock.class));
    assertThat(fieldNames(content.get(1))).isEqualTo(sdkFields(ToolUseBlock.class));
  }

  @Test
  void defaultMessage_headersAndValues() throws Exception {
    HttpResponse<String> response = RawHttp.post(fake, "/v1/messages", REQUEST);
    JsonNode message = RawHttp.json(response);

    assertThat(response.headers().firstValue("content-type")).contains("application/json");
    assertThat(response.headers().firstValue("request-id").orElseThrow()).startsWith("req_01");
    assertThat(message.get("type").asText()).isEqualTo("message");
    assertThat(message.get("role").asText()).isEqualTo("assistant");
    assertThat(message.get("stop_sequence").isNull()).isTrue();
    assertThat(message.get("container").isNull()).isTrue();
    assertThat(message.at("/usage/input_tokens").asLong()).isEqualTo(4);
  }

  private JsonNode post() throws Exception {
    HttpResponse<String> response = RawHttp.post(fake, "/v1/messages", REQUEST);
    assertThat(response.statusCode()).isEqualTo(200);
    return RawHttp.json(response);
  }

  static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** The wire names of a Stainless model: its {@code _x()} accessors carry @JsonProperty("x"). */
  static Set<String> sdkFields(Class<?> model) {
    Set<String> names = new TreeSet<>();
    for (Method method : model.getMethods()) {
      JsonProperty property = method.getAnnotation(JsonProperty.class);
      if (property != null) {
        names.add(property.value());
      }
    }
    return names;
  }
}

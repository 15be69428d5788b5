package dev.tracelight.testkit;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One content block of a scripted assistant {@link FakeMessage}, in the Messages API wire format.
 *
 * <p>Each factory writes every field the Anthropic Java SDK declares for that block type (for
 * example {@code citations: null} on text; {@code caller: {"type":"direct"}} and
 * {@code toolset_name: null} on tool_use), so the SDK's typed accessors and {@code validate()}
 * succeed. Instances are immutable.
 */
public final class FakeContentBlock {

  private final ObjectNode json;

  private FakeContentBlock(ObjectNode json) {
    this.json = json;
  }

  /** A {@code text} block. */
  public static FakeContentBlock text(String text) {
    requireNonNull(text, "text");
    ObjectNode json = Json.object().put("type", "text").put("text", text);
    json.putNull("citations");
    return new FakeContentBlock(json);
  }

  /**
   * A {@code tool_use} block.
   *
   * @param id the tool-use id the client echoes in its {@code tool_result}, e.g. {@code toolu_01A}
   * @param input the tool's arguments: a {@code Map}, a Jackson {@code ObjectNode} or any value
   *     Jackson turns into a JSON object
   */
  public static FakeContentBlock toolUse(String id, String name, Object input) {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    JsonNode arguments = Json.tree(requireNonNull(input, "input"));
    if (!arguments.isObject()) {
      throw new IllegalArgumentException("tool_use input must be a JSON object, got: " + arguments);
    }
    ObjectNode json = Json.object().put("type", "tool_use").put("id", id).put("name", name);
    json.set("input", arguments);
    json.set("caller", Json.object().put("type", "direct"));
    json.putNull("toolset_name");
    return new FakeContentBlock(json);
  }

  /** A {@code tool_use} block with a fresh random {@code toolu_...} id. */
  public static FakeContentBlock toolUse(String name, Object input) {
    return toolUse(Ids.toolUse(), name, input);
  }

  /** An extended-thinking {@code thinking} block. */
  public static FakeContentBlock thinking(String thinking, String signature) {
    requireNonNull(thinking, "thinking");
    requireNonNull(signature, "signature");
    ObjectNode json = Json.object().put("type", "thinking").put("thinking", thinking);
    return new FakeContentBlock(json.put("signature", signature));
  }

  /** A {@code redacted_thinking} block carrying opaque encrypted data. */
  public static FakeContentBlock redactedThinking(String data) {
    requireNonNull(data, "data");
    return new FakeContentBlock(Json.object().put("type", "redacted_thinking").put("data", data));
  }

  /**
   * Any block given as raw JSON, for block types without a factory (server tool results, ...).
   *
   * @throws IllegalArgumentException if {@code json} is not a JSON object with a string "type"
   */
  public static FakeContentBlock ofJson(String json) {
    requireNonNull(json, "json");
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("content block is not valid JSON: " + json, e);
    }
    if (node == null || !node.isObject() || !node.path("type").isTextual()) {
      throw new IllegalArgumentException("content block needs a string \"type\": " + json);
    }
    return new FakeContentBlock((ObjectNode) node);
  }

  /** The wire {@code type}, e.g. {@code text} or {@code tool_use}. */
  public String type() {
    return json.get("type").asText();
  }

  /** The block as wire JSON. */
  public String toJson() {
    return Json.text(json);
  }

  /** A copy of the wire JSON, safe to put into a reply tree. */
  ObjectNode json() {
    return json.deepCopy();
  }

  /** The text the model "generated" for this block, which is what its output tokens count. */
  String generatedText() {
    switch (type()) {
      case "text":
        return json.get("text").asText();
      case "thinking":
        return json.get("thinking").asText();
      case "tool_use":
        return Json.text(json.get("input"));
      default:
        return "";
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FakeContentBlock && json.equals(((FakeContentBlock) other).json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  @Override
  public String toString() {
    return "FakeContentBlock" + toJson();
  }
}

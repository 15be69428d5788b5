package dev.tracelight.testkit;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A scripted assistant message: what the fake answers to {@code POST /v1/messages}.
 *
 * <p>Whatever is left unset is filled in per request: the id becomes {@code msg_01...} (random),
 * the model echoes the request's {@code model}, and the usage is estimated from the request and
 * the content, the same way as the default reply (see {@link FakeAnthropicApi}). The stop reason
 * defaults to {@code tool_use} when the content has a tool_use block, otherwise {@code end_turn}.
 *
 * <pre>{@code
 * FakeMessage.builder()
 *     .addThinking("The user wants the weather.", "sig_1")
 *     .addToolUse("toolu_01", "get_weather", Map.of("city", "Paris"))
 *     .setUsage(FakeUsage.builder().setInputTokens(12).setOutputTokens(34).build())
 *     .build();
 * }</pre>
 */
public final class FakeMessage {

  @Nullable private final String id;
  @Nullable private final String model;
  private final List<FakeContentBlock> content;
  private final String stopReason;
  @Nullable private final String stopSequence;
  @Nullable private final FakeUsage usage;

  private FakeMessage(Builder builder, String stopReason) {
    this.id = builder.id;
    this.model = builder.model;
    this.content = List.copyOf(builder.content);
    this.stopReason = stopReason;
    this.stopSequence = builder.stopSequence;
    this.usage = builder.usage;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A message with one text block. */
  public static FakeMessage text(String text) {
    return builder().addText(text).build();
  }

  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  public Optional<String> model() {
    return Optional.ofNullable(model);
  }

  public List<FakeContentBlock> content() {
    return content;
  }

  /** The wire stop reason, e.g. {@code end_turn}, {@code tool_use}, {@code max_tokens}. */
  public String stopReason() {
    return stopReason;
  }

  public Optional<String> stopSequence() {
    return Optional.ofNullable(stopSequence);
  }

  public Optional<FakeUsage> usage() {
    return Optional.ofNullable(usage);
  }

  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.id = id;
    builder.model = model;
    builder.content.addAll(content);
    builder.stopReason = stopReason;
    builder.stopSequence = stopSequence;
    builder.usage = usage;
    return builder;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof FakeMessage)) {
      return false;
    }
    FakeMessage that = (FakeMessage) other;
    return Objects.equals(id, that.id)
        && Objects.equals(model, that.model)
        && content.equals(that.content)
        && stopReason.equals(that.stopReason)
        && Objects.equals(stopSequence, that.stopSequence)
        && Objects.equals(usage, that.usage);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, model, content, stopReason, stopSequence, usage);
  }

  @Override
  public String toString() {
    return "FakeMessage{id=" + id + ", model=" + model + ", content=" + content
        + ", stopReason=" + stopReason + ", stopSequence=" + stopSequence
        + ", usage=" + usage + "}";
  }

  /** Builds a {@link FakeMessage}. */
  public static final class Builder {

    @Nullable private String id;
    @Nullable private String model;
    private final List<FakeContentBlock> content = new ArrayList<>();
    @Nullable private String stopReason;
    @Nullable private String stopSequence;
    @Nullable private FakeUsage usage;

    private Builder() {}

    /** A fixed message id; without it every reply gets a fresh {@code msg_01...}. */
    public Builder setId(String id) {
      this.id = requireNonNull(id, "id");
      return this;
    }

    /** A fixed model; without it the reply echoes the request's {@code model}. */
    public Builder setModel(String model) {
      this.model = requireNonNull(model, "model");
      return this;
    }

    public Builder addContent(FakeContentBlock block) {
      content.add(requireNonNull(block, "block"));
      return this;
    }

    public Builder addText(String text) {
      return addContent(FakeContentBlock.text(text));
    }

    /** See {@link FakeContentBlock#toolUse(String, String, Object)}. */
    public Builder addToolUse(String id, String name, Object input) {
      return addContent(FakeContentBlock.toolUse(id, name, input));
    }

    public Builder addThinking(String thinking, String signature) {
      return addContent(FakeContentBlock.thinking(thinking, signature));
    }

    public Builder addRedactedThinking(String data) {
      return addContent(FakeContentBlock.redactedThinking(data));
    }

    /** Any wire stop reason; the SDK maps unknown ones to an open enum value. */
    public Builder setStopReason(String stopReason) {
      this.stopReason = requireNonNull(stopReason, "stopReason");
      return this;
    }

    /** The custom stop sequence that ended the turn; also sets the stop reason to match. */
    public Builder setStopSequence(String stopSequence) {
      this.stopSequence = requireNonNull(stopSequence, "stopSequence");
      this.stopReason = "stop_sequence";
      return this;
    }

    /** Fixed usage; without it usage is estimated from the request and the content. */
    public Builder setUsage(FakeUsage usage) {
      this.usage = requireNonNull(usage, "usage");
      return this;
    }

    public FakeMessage build() {
      return new FakeMessage(this, stopReason != null ? stopReason : defaultStopReason());
    }

    private String defaultStopReason() {
      boolean usesTool = content.stream().anyMatch(block -> block.type().equals("tool_use"));
      return usesTool ? "tool_use" : "end_turn";
    }
  }
}

package dev.tracelight.tracing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Changes to the trace in progress, applied with {@link Tracelight#updateCurrentTrace(TraceUpdate)}:
 * the counterpart of MLflow's {@code mlflow.update_current_trace}.
 *
 * <pre>{@code
 * Tracelight.updateCurrentTrace(TraceUpdate.builder()
 *     .setUser("alice").setSession("chat-42").putTag("env", "prod").build());
 * }</pre>
 */
public final class TraceUpdate {
  /** Metadata key of the end user a trace served, as MLflow records it. */
  public static final String USER_METADATA_KEY = "mlflow.trace.user";
  /** Metadata key of the conversation or session a trace belongs to. */
  public static final String SESSION_METADATA_KEY = "mlflow.trace.session";

  private final Map<String, String> tags;
  private final Map<String, String> metadata;
  @Nullable private final String clientRequestId;

  private TraceUpdate(Builder b) {
    this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(b.tags));
    this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata));
    this.clientRequestId = b.clientRequestId;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Map<String, String> tags() {
    return tags;
  }

  public Map<String, String> metadata() {
    return metadata;
  }

  @Nullable
  public String clientRequestId() {
    return clientRequestId;
  }

  /** Builds a {@link TraceUpdate}. */
  public static final class Builder {
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    @Nullable private String clientRequestId;

    private Builder() {}

    /** @throws IllegalArgumentException for a key over 250 characters or a value over 4096 */
    public Builder putTag(String key, String value) {
      check(key, value, 4096);
      tags.put(key, value);
      return this;
    }

    /** Adds metadata (immutable once the trace is logged, as in MLflow). */
    public Builder putMetadata(String key, String value) {
      check(key, value, 8000);
      metadata.put(key, value);
      return this;
    }

    /** The end user the trace served ({@code mlflow.trace.user}). */
    public Builder setUser(String user) {
      return putMetadata(USER_METADATA_KEY, user);
    }

    /** The session or conversation the trace belongs to ({@code mlflow.trace.session}). */
    public Builder setSession(String session) {
      return putMetadata(SESSION_METADATA_KEY, session);
    }

    /** The caller's own id for the request, to find the trace by it later. */
    public Builder setClientRequestId(String clientRequestId) {
      this.clientRequestId = Objects.requireNonNull(clientRequestId, "clientRequestId");
      return this;
    }

    public TraceUpdate build() {
      return new TraceUpdate(this);
    }

    private static void check(String key, String value, int maxValueChars) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      if (key.isEmpty() || key.length() > 250) {
        throw new IllegalArgumentException("key must be 1 to 250 characters: " + key);
      }
      if (value.length() > maxValueChars) {
        throw new IllegalArgumentException(
            "value of '" + key + "' is over " + maxValueChars + " characters");
      }
    }
  }
}

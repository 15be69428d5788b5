package dev.tracelight.anthropic;

import com.anthropic.core.http.AsyncStreamResponse;
import com.anthropic.core.http.HttpResponseFor;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.AnthropicServiceException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tracelight.tracing.LiveSpan;
import dev.tracelight.tracing.SpanAttributeKey;
import dev.tracelight.tracing.Tracelight;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns the Anthropic SDK's calls into spans. Both entry points, {@code autolog()} and
 * {@code wrap()}, record through this one class, so a call is traced the same way whichever way it
 * was intercepted. Nothing here throws: tracing never changes what the call returns or throws.
 */
final class AnthropicSpanRecorder {
  private static final Logger logger = Logger.getLogger(AnthropicSpanRecorder.class.getName());

  /** Set while a traced call runs on this thread, so a call is not traced twice (wrap + autolog). */
  private static final ThreadLocal<Boolean> RECORDING = ThreadLocal.withInitial(() -> false);

  private AnthropicSpanRecorder() {}

  static boolean isRecording() {
    return RECORDING.get();
  }

  static void setRecording(boolean recording) {
    RECORDING.set(recording);
  }

  /** Starts the span of an operation, not yet current; never throws. */
  static LiveSpan start(Operation operation, Object params) {
    LiveSpan span = Tracelight.startDetachedSpan(operation.spanName(), operation.spanType());
    try {
      span.setAttributeJson(SpanAttributeKey.MESSAGE_FORMAT, "\"anthropic\"");
      span.setAttribute(SpanAttributeKey.MODEL_PROVIDER, "anthropic");
      if (operation.beta()) {
        span.setAttribute("anthropic.beta", true);
      }
      ChatRequests.record(span, params, Json.mapper());
    } catch (RuntimeException | LinkageError e) {
      logger.log(Level.FINE, "Could not record an Anthropic request", e);
    }
    return span;
  }

  /**
   * What the call hands back: values are recorded and the span ended; streams and raw responses
   * come back wrapped so the span ends when they are consumed. Never throws.
   */
  static Object onResult(Operation operation, LiveSpan span, Object result) {
    try {
      if (result instanceof HttpResponseFor) {
        return TracedResponses.wrap((HttpResponseFor<?>) result, operation, span);
      }
      if (result instanceof StreamResponse) {
        return new TracedStreamResponse<>((StreamResponse<?>) result, span, observer(operation));
      }
      if (result instanceof AsyncStreamResponse) {
        return new TracedAsyncStreamResponse<>((AsyncStreamResponse<?>) result, span, observer(operation));
      }
    } catch (RuntimeException | LinkageError e) {
      logger.log(Level.FINE, "Could not trace an Anthropic stream", e);
      span.end();
      return result;
    }
    finish(span, result);
    return result;
  }

  private static StreamObserver observer(Operation operation) {
    return operation.kind() == Operation.Kind.BATCH_RESULTS
        ? new BatchResultsObserver(Json.mapper())
        : new MessageStreamObserver(Json.mapper());
  }

  /** Records a call's value and ends the span; never throws. */
  static void finish(LiveSpan span, Object value) {
    try {
      JsonMapper mapper = Json.mapper();
      if (value != null && !ChatResponses.record(span, value, mapper)
          && !BatchRecorder.record(span, value, mapper)) {
        span.setOutputsJson(Json.write(mapper, value));
      }
    } catch (RuntimeException | LinkageError e) {
      logger.log(Level.FINE, "Could not record an Anthropic response", e);
    } finally {
      span.end();
    }
  }

  /** Records a failure and ends the span; never throws. */
  static void fail(LiveSpan span, Throwable error) {
    try {
      Throwable cause = unwrap(error);
      span.recordException(cause);
      if (cause instanceof AnthropicServiceException) {
        AnthropicServiceException api = (AnthropicServiceException) cause;
        span.setAttribute("http.response.status_code", api.statusCode());
        api.requestId().ifPresent(id -> span.setAttribute("anthropic.request_id", id));
        api.type().ifPresent(t -> span.setAttribute("error.type", t.asString()));
      }
    } catch (RuntimeException | LinkageError e) {
      logger.log(Level.FINE, "Could not record an Anthropic failure", e);
    } finally {
      span.end();
    }
  }

  /** The exception the SDK reported, without the wrappers futures put around it. */
  static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}

package dev.tracelight.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/** Turns the chosen {@link FakeReply} into the HTTP response for the endpoint that was called. */
final class ReplyRenderer {

  // Script mistakes must fail the test at once, not be retried into a different reply.
  private static final Map<String, String> NO_RETRY = Map.of("x-should-retry", "false");

  private ReplyRenderer() {}

  static HttpReply render(
      FakeReply reply, Endpoint endpoint, RecordedRequest request, BatchRoutes batches) {
    if (reply.kind() == FakeReply.Kind.ERROR) {
      return error(reply.error(), reply.headers(), reply.delay());
    }
    if (endpoint.isBatch()) {
      return batches.render(reply, endpoint, request);
    }
    JsonNode body = request.jsonView();
    switch (endpoint) {
      case MESSAGES:
        return renderMessage(reply, body, isBeta(request));
      case COUNT_TOKENS:
        return renderTokenCount(reply, body, isBeta(request));
      default:
        throw new IllegalStateException("no renderer for " + endpoint);
    }
  }

  static HttpReply error(ApiError error) {
    return error(error, Map.of(), Duration.ZERO);
  }

  private static HttpReply error(ApiError error, Map<String, String> headers, Duration delay) {
    String requestId = Ids.request();
    return HttpReply.json(error.status(), error.toJson(requestId), requestId, headers, delay);
  }

  private static HttpReply renderMessage(FakeReply reply, JsonNode request, boolean beta) {
    boolean streamed = request.path("stream").asBoolean(false);
    if (!streamed && reply.stream().fails()) {
      return testkitFailure(
          "a stream error or cut was scripted for a request without \"stream\": true: " + reply);
    }
    FakeMessage message;
    if (reply.kind() == FakeReply.Kind.DEFAULT) {
      message = MessageReplies.echo(request);
    } else if (reply.kind() == FakeReply.Kind.MESSAGE) {
      message = reply.message();
    } else {
      return misfit(reply, Endpoint.MESSAGES);
    }
    ObjectNode json = MessageJson.render(MessageReplies.complete(message, request), beta);
    if (streamed) {
      EventStream stream = new EventStream(MessageStream.events(json, beta), reply.stream());
      return HttpReply.eventStream(stream, Ids.request(), reply.headers(), reply.delay());
    }
    return ok(json, reply);
  }

  private static HttpReply renderTokenCount(FakeReply reply, JsonNode request, boolean beta) {
    long inputTokens;
    if (reply.kind() == FakeReply.Kind.DEFAULT) {
      inputTokens = TokenEstimator.inputTokens(request);
    } else if (reply.kind() == FakeReply.Kind.TOKEN_COUNT) {
      inputTokens = reply.inputTokens();
    } else {
      return misfit(reply, Endpoint.COUNT_TOKENS);
    }
    ObjectNode count = Json.object().put("input_tokens", inputTokens);
    if (beta) {
      count.putNull("context_management");
    }
    return ok(count, reply);
  }

  /**
   * The Java SDK's beta services call the same paths as GA, so only an {@code anthropic-beta}
   * header tells them apart; some other SDKs mark beta calls with {@code ?beta=true}.
   */
  static boolean isBeta(RecordedRequest request) {
    return request.header("anthropic-beta").isPresent()
        || Arrays.asList(request.query().split("&")).contains("beta=true");
  }

  private static HttpReply ok(JsonNode body, FakeReply reply) {
    return HttpReply.json(200, body, Ids.request(), reply.headers(), reply.delay());
  }

  // A script that does not fit the call is a bug in the test: answer loudly, not plausibly.
  static HttpReply misfit(FakeReply reply, Endpoint endpoint) {
    return testkitFailure("the scripted reply does not fit " + endpoint + ": " + reply);
  }

  /** A 500 that names a mistake in the test's script or responder, and is never retried. */
  static HttpReply testkitFailure(String problem) {
    ApiError error = ApiError.create(500, "api_error", "tracelight-testkit: " + problem);
    return error(error, NO_RETRY, Duration.ZERO);
  }
}

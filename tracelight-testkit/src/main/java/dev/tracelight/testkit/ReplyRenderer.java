package dev.tracelight.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/** Turns the chosen {@link FakeReply} into the HTTP response for the endpoint that was called. */
final class ReplyRenderer {

  // Script mistakes must fail the test at once, not be retried into a different reply.
  private static final Map<String, String> NO_RETRY = Map.of("x-should-retry", "false");

  private ReplyRenderer() {}

  static HttpReply render(FakeReply reply, Endpoint endpoint, RecordedRequest request) {
    if (reply.kind() == FakeReply.Kind.ERROR) {
      return error(reply.error(), reply.headers(), reply.delay());
    }
    JsonNode body = request.jsonView();
    switch (endpoint) {
      case MESSAGES:
        return renderMessage(reply, body, isBeta(request));
      case COUNT_TOKENS:
        return renderTokenCount(reply, body);
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
    if (request.path("stream").asBoolean(false)) {
      ApiError unsupported =
          ApiError.invalidRequest("tracelight-testkit does not stream yet (\"stream\": true)");
      return error(unsupported, NO_RETRY, Duration.ZERO);
    }
    FakeMessage message;
    if (reply.kind() == FakeReply.Kind.DEFAULT) {
      message = MessageReplies.echo(request);
    } else if (reply.kind() == FakeReply.Kind.MESSAGE) {
      message = reply.message();
    } else {
      return misfit(reply, Endpoint.MESSAGES);
    }
    JsonNode json = MessageJson.render(MessageReplies.complete(message, request), beta);
    return ok(json, reply);
  }

  private static HttpReply renderTokenCount(FakeReply reply, JsonNode request) {
    long inputTokens;
    if (reply.kind() == FakeReply.Kind.DEFAULT) {
      inputTokens = TokenEstimator.inputTokens(request);
    } else if (reply.kind() == FakeReply.Kind.TOKEN_COUNT) {
      inputTokens = reply.inputTokens();
    } else {
      return misfit(reply, Endpoint.COUNT_TOKENS);
    }
    return ok(Json.object().put("input_tokens", inputTokens), reply);
  }

  /**
   * The Java SDK's beta services call the same paths as GA, so only an {@code anthropic-beta}
   * header tells them apart; some other SDKs mark beta calls with {@code ?beta=true}.
   */
  private static boolean isBeta(RecordedRequest request) {
    return request.header("anthropic-beta").isPresent()
        || Arrays.asList(request.query().split("&")).contains("beta=true");
  }

  private static HttpReply ok(JsonNode body, FakeReply reply) {
    return HttpReply.json(200, body, Ids.request(), reply.headers(), reply.delay());
  }

  // A script that does not fit the call is a bug in the test: answer loudly, not plausibly.
  private static HttpReply misfit(FakeReply reply, Endpoint endpoint) {
    return testkitFailure("the scripted reply does not fit POST " + endpoint.path() + ": " + reply);
  }

  /** A 500 that names a mistake in the test's script or responder, and is never retried. */
  static HttpReply testkitFailure(String problem) {
    ApiError error = ApiError.create(500, "api_error", "tracelight-testkit: " + problem);
    return error(error, NO_RETRY, Duration.ZERO);
  }
}

package dev.tracelight.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The single HTTP handler: record the request, pick the reply (route, validation, script), write
 * it. Runs on the server's worker threads, several at a time.
 */
final class ApiHandler implements HttpHandler {

  private static final Logger logger = Logger.getLogger(ApiHandler.class.getName());

  private final RequestLog log;
  private final ReplyScript script;
  private final BatchRoutes batches;

  ApiHandler(RequestLog log, ReplyScript script, BatchRoutes batches) {
    this.log = log;
    this.script = script;
    this.batches = batches;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      RecordedRequest request = read(exchange);
      log.record(request);
      reply(request).write(exchange);
    } catch (HttpReply.ConnectionCut cut) {
      // Left open on purpose: the server then drops the connection without ending the body.
      throw cut;
    } catch (IOException | RuntimeException e) {
      // Usually the client hung up (a timeout test); the exchange is closed either way.
      logger.log(Level.FINE, "fake Anthropic API could not complete a reply", e);
    }
    exchange.close();
  }

  private HttpReply reply(RecordedRequest request) {
    List<Endpoint> routes = Endpoint.forPath(request.path());
    if (routes.isEmpty()) {
      return ReplyRenderer.error(ApiError.create(404, "not_found_error", "Not Found"));
    }
    Optional<Endpoint> endpoint =
        routes.stream().filter(route -> route.method().equals(request.method())).findFirst();
    if (endpoint.isEmpty()) {
      return ReplyRenderer.error(
          ApiError.create(405, "invalid_request_error", "Method Not Allowed"));
    }
    Optional<ApiError> invalid = RequestValidator.check(request, endpoint.get());
    if (invalid.isPresent()) {
      return ReplyRenderer.error(invalid.get());
    }
    FakeReply reply;
    try {
      reply = script.next(request);
    } catch (RuntimeException e) {
      logger.log(Level.WARNING, "the fake Anthropic API's responder failed", e);
      return ReplyRenderer.testkitFailure("the responder failed: " + e);
    }
    return ReplyRenderer.render(reply, endpoint.get(), request, batches);
  }

  private static RecordedRequest read(HttpExchange exchange) throws IOException {
    URI uri = exchange.getRequestURI();
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
    return RecordedRequest.create(
        exchange.getRequestMethod(), uri.getPath(), query, exchange.getRequestHeaders(), body);
  }
}

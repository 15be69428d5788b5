package dev.tracelight.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The fake MLflow server's one HTTP handler: record the request, hold it while the server plays
 * unresponsive, then answer with a scripted failure, a 401, or the route's reply. Runs on the
 * server's worker threads, several at a time; every route is listed here, top to bottom.
 */
final class MlflowHandler implements HttpHandler {

  private static final Logger logger = Logger.getLogger(MlflowHandler.class.getName());

  private final ServerState state;
  private final ServerConfig config;
  private final ExperimentRoutes experiments;
  private final TraceRoutes traces;
  private final AssessmentRoutes assessments;
  private final OtlpIngest otlp;

  MlflowHandler(ServerState state, ServerConfig config) {
    this.state = state;
    this.config = config;
    this.experiments = new ExperimentRoutes(state.experiments());
    this.traces = new TraceRoutes(state.traces(), state.experiments(), config);
    this.assessments = new AssessmentRoutes(state.traces());
    this.otlp = new OtlpIngest(state.traces(), state.experiments(), config);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      RecordedRequest request = read(exchange);
      MlflowRoute.Match match = MlflowRoute.match(request.method(), request.path());
      state.log().record(request);
      count(state.counts(), match.route());
      if (!state.gate().awaitOpen()) {
        return; // the server stopped while holding this request: it goes unanswered
      }
      reply(request, match).write(exchange);
    } catch (IOException | RuntimeException e) {
      // Usually the client hung up (a timeout test); the exchange is closed either way.
      logger.log(Level.FINE, "fake MLflow server could not complete a reply", e);
    }
  }

  private MlflowReply reply(RecordedRequest request, MlflowRoute.Match match) {
    Optional<MlflowReply> failure = state.failures().take(request.path());
    if (failure.isPresent()) {
      return failure.get();
    }
    Optional<MlflowReply> denied = config.authenticator().check(request, match.route());
    if (denied.isPresent()) {
      return denied.get();
    }
    try {
      return route(request, match);
    } catch (MlflowError e) {
      return MlflowReply.error(e);
    } catch (RuntimeException e) {
      logger.log(Level.WARNING, "fake MLflow server failed on " + request, e);
      return MlflowReply.error(MlflowError.create("INTERNAL_ERROR", "fake server bug: " + e));
    }
  }

  private MlflowReply route(RecordedRequest request, MlflowRoute.Match match) {
    switch (match.route()) {
      case VERSION:
        return MlflowReply.text(200, config.version());
      case HEALTH:
        return MlflowReply.text(200, "OK");
      case CREATE_EXPERIMENT:
        return experiments.create(request);
      case GET_EXPERIMENT:
        return experiments.get(request);
      case GET_EXPERIMENT_BY_NAME:
        return experiments.getByName(request);
      case SEARCH_EXPERIMENTS:
        return experiments.search(request);
      case START_TRACE_V3:
        return traces.start(request);
      case GET_TRACE:
        if (!config.hasGetTrace()) {
          break; // added in MLflow 3.5: older servers do not know the route
        }
        return traces.getTrace(request);
      case SEARCH_TRACES_V3:
        return traces.search(request);
      case DELETE_TRACES:
        return traces.delete(request);
      case GET_TRACE_INFO_V3:
        return traces.getInfo(match);
      case SET_TRACE_TAG:
        return traces.setTag(request, match);
      case DELETE_TRACE_TAG:
        return traces.deleteTag(request, match);
      case CREATE_ASSESSMENT:
        return assessments.create(request, match);
      case GET_ASSESSMENT:
        return assessments.get(match);
      case UPLOAD_ARTIFACT:
        return state.artifacts().upload(request, match);
      case DOWNLOAD_ARTIFACT:
        return state.artifacts().download(match);
      case OTLP_TRACES:
        if (!config.otlpEnabled()) {
          break;
        }
        return otlp.export(request);
      default:
        break;
    }
    throw MlflowError.endpointNotFound(request.method(), request.path());
  }

  private static void count(Map<MlflowRoute, AtomicInteger> counts, MlflowRoute route) {
    counts.get(route).incrementAndGet();
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

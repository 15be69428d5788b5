package dev.tracelight.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The routes {@link FakeMlflowServer} serves, for counting requests per route ({@link
 * FakeMlflowServer#requestCount(MlflowRoute)}). Each also answers under {@code /ajax-api}, as a
 * stock server does for its UI.
 */
public enum MlflowRoute {
  /** {@code GET /version}: the server version as plain text. */
  VERSION("GET", "/version"),
  /** {@code GET /health}: {@code OK}, without authentication. */
  HEALTH("GET", "/health"),
  CREATE_EXPERIMENT("POST", "/api/2.0/mlflow/experiments/create"),
  GET_EXPERIMENT("GET", "/api/2.0/mlflow/experiments/get"),
  GET_EXPERIMENT_BY_NAME("GET", "/api/2.0/mlflow/experiments/get-by-name"),
  SEARCH_EXPERIMENTS("GET|POST", "/api/2.0/mlflow/experiments/search"),
  START_TRACE_V3("POST", "/api/3.0/mlflow/traces"),
  /** GetTrace, spans included; only on servers of version 3.5 and later. */
  GET_TRACE("GET", "/api/3.0/mlflow/traces/get"),
  SEARCH_TRACES_V3("POST", "/api/3.0/mlflow/traces/search"),
  /** DeleteTraces (V2) and DeleteTracesV3: the same handler on both paths. */
  DELETE_TRACES("POST", "/api/2.0|3.0/mlflow/traces/delete-traces"),
  GET_TRACE_INFO_V3("GET", "/api/3.0/mlflow/traces/*"),
  SET_TRACE_TAG("PATCH", "/api/2.0|3.0/mlflow/traces/*/tags"),
  DELETE_TRACE_TAG("DELETE", "/api/2.0|3.0/mlflow/traces/*/tags"),
  CREATE_ASSESSMENT("POST", "/api/3.0/mlflow/traces/*/assessments"),
  GET_ASSESSMENT("GET", "/api/3.0/mlflow/traces/*/assessments/*"),
  UPLOAD_ARTIFACT("PUT", "/api/2.0/mlflow-artifacts/artifacts/**"),
  DOWNLOAD_ARTIFACT("GET", "/api/2.0/mlflow-artifacts/artifacts/**"),
  /** OTLP span export, protobuf only; absent when OTLP is disabled. */
  OTLP_TRACES("POST", "/v1/traces"),
  /** Any request no other route serves; answered 404 {@code ENDPOINT_NOT_FOUND}. */
  UNKNOWN("", "");

  private static final String AJAX_PREFIX = "/ajax-api/";

  private final List<String> methods;
  private final String[] template;

  MlflowRoute(String methods, String template) {
    this.methods = List.of(methods.split("\\|"));
    this.template = template.split("/", -1);
  }

  /**
   * The route serving {@code method} and {@code path}, with the path's variable parts in order;
   * literal routes are listed first, so {@code traces/get} is GetTrace, not a trace id.
   */
  static Match match(String method, String path) {
    String normalized =
        path.startsWith(AJAX_PREFIX) ? "/api/" + path.substring(AJAX_PREFIX.length()) : path;
    String[] segments = normalized.split("/", -1);
    for (MlflowRoute route : values()) {
      if (route != UNKNOWN && route.methods.contains(method)) {
        Optional<List<String>> captures = route.capture(segments);
        if (captures.isPresent()) {
          return new Match(route, captures.get());
        }
      }
    }
    return new Match(UNKNOWN, List.of());
  }

  private Optional<List<String>> capture(String[] segments) {
    List<String> captures = new ArrayList<>();
    for (int i = 0; i < template.length; i++) {
      String expected = template[i];
      if (expected.equals("**")) {
        String rest =
            String.join(
                "/", List.of(segments).subList(Math.min(i, segments.length), segments.length));
        if (rest.isEmpty()) {
          return Optional.empty();
        }
        captures.add(rest);
        return Optional.of(captures);
      }
      if (i >= segments.length) {
        return Optional.empty();
      }
      String actual = segments[i];
      if (expected.equals("*")) {
        if (actual.isEmpty()) {
          return Optional.empty();
        }
        captures.add(actual);
      } else if (!List.of(expected.split("\\|")).contains(actual)) {
        return Optional.empty();
      }
    }
    return segments.length == template.length ? Optional.of(captures) : Optional.empty();
  }

  /** A matched route and the values of its {@code *} and {@code **} parts. */
  static final class Match {
    private final MlflowRoute route;
    private final List<String> captures;

    private Match(MlflowRoute route, List<String> captures) {
      this.route = route;
      this.captures = List.copyOf(captures);
    }

    MlflowRoute route() {
      return route;
    }

    /** The {@code index}-th variable part, e.g. the trace id. */
    String capture(int index) {
      return captures.get(index);
    }
  }
}

package dev.tracelight.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The API routes the fake serves: method, path pattern (with at most one {@code {id}} segment) and
 * the body fields the real API requires. A new route is added here and rendered in
 * {@link ReplyRenderer} or {@link BatchRoutes}.
 */
enum Endpoint {
  MESSAGES("POST", "/v1/messages", List.of("model", "max_tokens", "messages")),
  COUNT_TOKENS("POST", "/v1/messages/count_tokens", List.of("model", "messages")),
  BATCH_CREATE("POST", "/v1/messages/batches", List.of("requests")),
  BATCH_LIST("GET", "/v1/messages/batches", List.of()),
  BATCH_RETRIEVE("GET", "/v1/messages/batches/{id}", List.of()),
  BATCH_DELETE("DELETE", "/v1/messages/batches/{id}", List.of()),
  BATCH_CANCEL("POST", "/v1/messages/batches/{id}/cancel", List.of()),
  BATCH_RESULTS("GET", "/v1/messages/batches/{id}/results", List.of());

  private static final String ID = "{id}";

  private final String method;
  private final String path;
  private final List<String> requiredFields;

  Endpoint(String method, String path, List<String> requiredFields) {
    this.method = method;
    this.path = path;
    this.requiredFields = requiredFields;
  }

  /**
   * The routes for a path, one per method; empty when no route has that path. A trailing slash
   * is tolerated, as by the real API's router.
   */
  static List<Endpoint> forPath(String path) {
    List<Endpoint> matches = new ArrayList<>();
    for (Endpoint endpoint : values()) {
      if (endpoint.id(path).isPresent() || endpoint.path.equals(normalize(path))) {
        matches.add(endpoint);
      }
    }
    return matches;
  }

  /** The {@code {id}} segment of {@code path}, if this route has one and the path matches. */
  Optional<String> id(String path) {
    String[] pattern = this.path.split("/");
    String[] actual = normalize(path).split("/");
    if (!this.path.contains(ID) || pattern.length != actual.length) {
      return Optional.empty();
    }
    String id = null;
    for (int i = 0; i < pattern.length; i++) {
      if (pattern[i].equals(ID) && !actual[i].isEmpty()) {
        id = actual[i];
      } else if (!pattern[i].equals(actual[i])) {
        return Optional.empty();
      }
    }
    return Optional.ofNullable(id);
  }

  String method() {
    return method;
  }

  String path() {
    return path;
  }

  /** Whether the route takes a JSON body, which then must be an object. */
  boolean takesBody() {
    return !requiredFields.isEmpty();
  }

  List<String> requiredFields() {
    return requiredFields;
  }

  boolean isBatch() {
    return name().startsWith("BATCH_");
  }

  @Override
  public String toString() {
    return method + " " + path;
  }

  private static String normalize(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}

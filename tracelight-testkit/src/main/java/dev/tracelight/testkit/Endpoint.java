package dev.tracelight.testkit;

import java.util.List;
import java.util.Optional;

/**
 * The API routes the fake serves, each with the body fields the real API requires. New routes
 * (message batches, models, ...) are added here and rendered in {@link ReplyRenderer}.
 */
enum Endpoint {
  MESSAGES("/v1/messages", List.of("model", "max_tokens", "messages")),
  COUNT_TOKENS("/v1/messages/count_tokens", List.of("model", "messages"));

  private final String path;
  private final List<String> requiredFields;

  Endpoint(String path, List<String> requiredFields) {
    this.path = path;
    this.requiredFields = requiredFields;
  }

  /** The route for a path; a trailing slash is tolerated, as by the real API's router. */
  static Optional<Endpoint> match(String path) {
    String normalized =
        path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    for (Endpoint endpoint : values()) {
      if (endpoint.path.equals(normalized)) {
        return Optional.of(endpoint);
      }
    }
    return Optional.empty();
  }

  String path() {
    return path;
  }

  /** Every route of the Messages API takes a JSON body by POST. */
  String method() {
    return "POST";
  }

  List<String> requiredFields() {
    return requiredFields;
  }
}

package dev.tracelight.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Knows which experiment traces go to: an experiment set by name (created on the server when
 * missing, as MLflow's {@code set_experiment} does), else an explicit id, else MLflow's default
 * experiment {@code "0"}. A name is resolved to an id once and remembered.
 */
final class ExperimentResolver {
  static final String DEFAULT_EXPERIMENT_ID = "0";

  @Nullable private volatile String name;
  @Nullable private volatile String explicitId;
  @Nullable private volatile String resolvedId;

  ExperimentResolver(@Nullable String name, @Nullable String explicitId) {
    this.name = blankToNull(name);
    this.explicitId = blankToNull(explicitId);
  }

  synchronized void setName(String name) {
    this.name = name;
    this.resolvedId = null;
  }

  /** Forgets a resolved id, e.g. when the tracking server changes. */
  synchronized void reset() {
    this.resolvedId = null;
  }

  @Nullable
  String name() {
    return name;
  }

  /** The experiment id if known without asking the server, else null. */
  @Nullable
  String knownId() {
    if (name == null) {
      return explicitId != null ? explicitId : DEFAULT_EXPERIMENT_ID;
    }
    return resolvedId;
  }

  /** The experiment id, asking the server (and creating the experiment) when needed. */
  synchronized String resolve(MlflowRestClient client) throws IOException, InterruptedException {
    String known = knownId();
    if (known != null) {
      return known;
    }
    String experimentName = name;
    String id = findByName(client, experimentName);
    if (id == null) {
      id = create(client, experimentName);
    }
    if (experimentName.equals(name)) {
      resolvedId = id;
    }
    return id;
  }

  @Nullable
  private static String findByName(MlflowRestClient client, String name)
      throws IOException, InterruptedException {
    try {
      JsonNode response =
          client.get(
              "/api/2.0/mlflow/experiments/get-by-name", Map.of("experiment_name", List.of(name)));
      return response.path("experiment").path("experiment_id").asText(null);
    } catch (MlflowRestException e) {
      if ("RESOURCE_DOES_NOT_EXIST".equals(e.errorCode())) {
        return null;
      }
      throw e;
    }
  }

  private static String create(MlflowRestClient client, String name)
      throws IOException, InterruptedException {
    ObjectNode body = TraceJson.MAPPER.createObjectNode().put("name", name);
    try {
      return client.postJson("/api/2.0/mlflow/experiments/create", body)
          .path("experiment_id")
          .asText();
    } catch (MlflowRestException e) {
      if ("RESOURCE_ALREADY_EXISTS".equals(e.errorCode())) {
        // another process created it between our lookup and our create
        String id = findByName(client, name);
        if (id != null) {
          return id;
        }
      }
      throw e;
    }
  }

  @Nullable
  private static String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s;
  }
}

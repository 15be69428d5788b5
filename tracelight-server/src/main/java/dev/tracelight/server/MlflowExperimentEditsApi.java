package dev.tracelight.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracelight.store.ExperimentStore;
import io.javalin.http.Context;

/**
 * MLflow's experiment edits, each a POST answering {@code {}}: update (rename), delete and
 * restore (the lifecycle stage; traces stay), set-experiment-tag and delete-experiment-tag.
 * Parse, call the store, write.
 */
final class MlflowExperimentEditsApi {
  private final ExperimentStore store;
  private final RequestBodies bodies;

  MlflowExperimentEditsApi(ExperimentStore store, RequestBodies bodies) {
    this.store = store;
    this.bodies = bodies;
  }

  void register(MlflowRoutes routes) {
    routes.post("/mlflow/experiments/update", this::update)
        .post("/mlflow/experiments/delete", this::delete)
        .post("/mlflow/experiments/restore", this::restore)
        .post("/mlflow/experiments/set-experiment-tag", this::setTag)
        .post("/mlflow/experiments/delete-experiment-tag", this::deleteTag);
  }

  /** Renames when {@code new_name} is given; without it there is nothing to change, as MLflow. */
  private void update(Context ctx) {
    JsonNode body = MlflowJson.parseObject(bodies.read(ctx));
    String id = experimentId(body);
    String newName = MlflowJson.string(body, "new_name");
    if (newName == null || newName.isEmpty()) {
      store.experiment(id).orElseThrow(() -> notFound(id));
    } else {
      store.renameExperiment(id, newName);
    }
    empty(ctx);
  }

  private void delete(Context ctx) {
    store.deleteExperiment(experimentId(MlflowJson.parseObject(bodies.read(ctx))));
    empty(ctx);
  }

  private void restore(Context ctx) {
    store.restoreExperiment(experimentId(MlflowJson.parseObject(bodies.read(ctx))));
    empty(ctx);
  }

  private void setTag(Context ctx) {
    JsonNode body = MlflowJson.parseObject(bodies.read(ctx));
    String id = experimentId(body);
    String key = MlflowJson.requiredString(body, "key", "key");
    String value = MlflowJson.string(body, "value");
    if (value == null) {
      throw ApiException.invalid("Missing value for required parameter 'value'");
    }
    store.setExperimentTag(id, key, value);
    empty(ctx);
  }

  private void deleteTag(Context ctx) {
    JsonNode body = MlflowJson.parseObject(bodies.read(ctx));
    store.deleteExperimentTag(experimentId(body), MlflowJson.requiredString(body, "key", "key"));
    empty(ctx);
  }

  private static String experimentId(JsonNode body) {
    return MlflowJson.requiredString(body, "experiment_id", "experiment_id");
  }

  private static ApiException notFound(String id) {
    return ApiException.notFound("Could not find experiment with ID " + id);
  }

  private static void empty(Context ctx) {
    MlflowJson.write(ctx, MlflowJson.MAPPER.createObjectNode());
  }
}

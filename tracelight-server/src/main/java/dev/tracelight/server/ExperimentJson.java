package dev.tracelight.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelight.store.Experiment;

/** MLflow's {@code Experiment} message in JSON. */
final class ExperimentJson {
  private ExperimentJson() {}

  static ObjectNode write(Experiment e) {
    ObjectNode n = MlflowJson.MAPPER.createObjectNode();
    n.put("experiment_id", e.experimentId());
    n.put("name", e.name());
    n.put("artifact_location", e.artifactLocation());
    n.put("lifecycle_stage", e.lifecycleStage());
    n.put("last_update_time", e.lastUpdateTime());
    n.put("creation_time", e.creationTime());
    ArrayNode tags = n.putArray("tags");
    e.tags().forEach((k, v) -> tags.addObject().put("key", k).put("value", v));
    return n;
  }
}

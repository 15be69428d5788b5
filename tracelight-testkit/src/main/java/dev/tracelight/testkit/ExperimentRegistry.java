package dev.tracelight.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The experiments of the fake server, rendered as a stock server's {@code Experiment} JSON. Holds
 * the default experiment {@code "0"} from the start, as every tracking server does. Thread-safe;
 * every answer is a copy.
 */
final class ExperimentRegistry {

  static final String DEFAULT_ID = "0";
  static final String DEFAULT_NAME = "Default";

  private final Map<String, ObjectNode> byId = new LinkedHashMap<>();
  private long nextId = 1;

  ExperimentRegistry() {
    add(DEFAULT_ID, DEFAULT_NAME, Json.MAPPER.createArrayNode());
  }

  /**
   * Creates an experiment and answers its id.
   *
   * @throws MlflowError {@code RESOURCE_ALREADY_EXISTS} if the name is taken
   */
  synchronized String create(String name, JsonNode tags) {
    if (findByName(name).isPresent()) {
      throw MlflowError.create(
          "RESOURCE_ALREADY_EXISTS", "Experiment(name=" + name + ") already exists.");
    }
    String id = Long.toString(nextId++);
    add(id, name, tagList(tags));
    return id;
  }

  synchronized Optional<ObjectNode> byId(String id) {
    return Optional.ofNullable(byId.get(id)).map(ObjectNode::deepCopy);
  }

  synchronized Optional<ObjectNode> byName(String name) {
    return findByName(name).map(ObjectNode::deepCopy);
  }

  synchronized boolean exists(String id) {
    return byId.containsKey(id);
  }

  /** Newest first, as a stock server orders a search without {@code order_by}. */
  synchronized List<ObjectNode> all() {
    List<ObjectNode> all = new ArrayList<>();
    byId.values().forEach(experiment -> all.add(experiment.deepCopy()));
    Collections.reverse(all);
    return all;
  }

  /**
   * The experiment's artifact root, {@code mlflow-artifacts:/<id>} as on a server with proxied
   * artifacts.
   */
  static String artifactLocation(String experimentId) {
    return "mlflow-artifacts:/" + experimentId;
  }

  private void add(String id, String name, ArrayNode tags) {
    long now = System.currentTimeMillis();
    ObjectNode experiment = Json.object();
    experiment.put("experiment_id", id);
    experiment.put("name", name);
    experiment.put("artifact_location", artifactLocation(id));
    experiment.put("lifecycle_stage", "active");
    experiment.put("last_update_time", now);
    experiment.put("creation_time", now);
    if (!tags.isEmpty()) {
      experiment.set("tags", tags); // proto JSON leaves an empty repeated field out
    }
    byId.put(id, experiment);
  }

  private Optional<ObjectNode> findByName(String name) {
    return byId.values().stream()
        .filter(experiment -> experiment.path("name").asText().equals(name))
        .findFirst();
  }

  /** Tags as the proto's {@code [{"key","value"}]}; the TS SDK sends a map, also accepted. */
  private static ArrayNode tagList(JsonNode tags) {
    ArrayNode list = Json.MAPPER.createArrayNode();
    if (tags.isArray()) {
      tags.forEach(
          tag ->
              list.addObject()
                  .put("key", tag.path("key").asText())
                  .put("value", tag.path("value").asText()));
    } else if (tags.isObject()) {
      tags.fields()
          .forEachRemaining(
              tag ->
                  list.addObject().put("key", tag.getKey()).put("value", tag.getValue().asText()));
    }
    return list;
  }
}

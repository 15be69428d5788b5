package dev.tracelight.store;

import java.util.Map;
import java.util.Optional;

/**
 * Creates, reads and edits experiments. Deleting an experiment only marks it {@link
 * Experiment#DELETED}, as MLflow does: it keeps its name, id, tags and traces, stays readable by
 * id and name, and can be restored. Later additions are default methods that a backend without
 * them leaves unsupported.
 */
public interface ExperimentStore {
  /** Longest experiment tag key MLflow accepts. */
  int MAX_TAG_KEY_CHARS = 250;
  /** Longest experiment tag value MLflow accepts ({@code MAX_EXPERIMENT_TAG_VAL_LENGTH}). */
  int MAX_TAG_VALUE_CHARS = 5000;

  /**
   * Creates an experiment and returns its id.
   *
   * @param artifactLocation null for the default {@code mlflow-artifacts:/<id>}
   * @throws StoreException {@link StoreException.Reason#ALREADY_EXISTS} if the name is taken,
   *     also by a deleted experiment
   */
  String createExperiment(String name, String artifactLocation, Map<String, String> tags);

  /** The experiment with this id, deleted or not. */
  Optional<Experiment> experiment(String experimentId);

  /** The experiment with this name, deleted or not. */
  Optional<Experiment> experimentByName(String name);

  /**
   * Experiments matching the query, one page at a time.
   *
   * @throws StoreException {@link StoreException.Reason#INVALID_ARGUMENT} for a malformed or
   *     unsupported filter or order, or a bad page token
   */
  Page<Experiment> searchExperiments(ExperimentQuery query);

  /**
   * Renames an active experiment and updates its last update time.
   *
   * @throws StoreException {@link StoreException.Reason#NOT_FOUND} if there is no such
   *     experiment, {@link StoreException.Reason#ALREADY_EXISTS} if another experiment has the
   *     name, {@link StoreException.Reason#INVALID_ARGUMENT} for an empty name or a deleted
   *     experiment
   */
  default void renameExperiment(String experimentId, String newName) {
    throw new UnsupportedOperationException("renaming experiments is not supported by " + this);
  }

  /**
   * Marks an active experiment deleted. Its traces stay.
   *
   * @throws StoreException {@link StoreException.Reason#NOT_FOUND} if there is no active
   *     experiment with this id, {@link StoreException.Reason#INVALID_ARGUMENT} for the default
   *     experiment {@code 0}
   */
  default void deleteExperiment(String experimentId) {
    throw new UnsupportedOperationException("deleting experiments is not supported by " + this);
  }

  /**
   * Makes a deleted experiment active again.
   *
   * @throws StoreException {@link StoreException.Reason#NOT_FOUND} if there is no deleted
   *     experiment with this id
   */
  default void restoreExperiment(String experimentId) {
    throw new UnsupportedOperationException("restoring experiments is not supported by " + this);
  }

  /**
   * Sets a tag on an active experiment, replacing a value under the same key. Keys hold at most
   * {@value #MAX_TAG_KEY_CHARS} characters, values {@value #MAX_TAG_VALUE_CHARS}.
   *
   * @throws StoreException {@link StoreException.Reason#NOT_FOUND} if there is no such
   *     experiment, {@link StoreException.Reason#INVALID_ARGUMENT} for an empty or too long key or
   *     value, or a deleted experiment
   */
  default void setExperimentTag(String experimentId, String key, String value) {
    throw new UnsupportedOperationException("experiment tags are not supported by " + this);
  }

  /**
   * Removes a tag from an active experiment.
   *
   * @throws StoreException {@link StoreException.Reason#NOT_FOUND} if there is no such
   *     experiment or it has no tag with this key, {@link StoreException.Reason#INVALID_ARGUMENT}
   *     for a deleted experiment
   */
  default void deleteExperimentTag(String experimentId, String key) {
    throw new UnsupportedOperationException("experiment tags are not supported by " + this);
  }
}

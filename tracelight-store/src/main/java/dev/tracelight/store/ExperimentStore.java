package dev.tracelight.store;

import java.util.Map;
import java.util.Optional;

/** Creates and reads experiments. */
public interface ExperimentStore {

  /**
   * Creates an experiment and returns its id.
   *
   * @param artifactLocation null for the default {@code mlflow-artifacts:/<id>}
   * @throws StoreException {@link StoreException.Reason#ALREADY_EXISTS} if the name is taken
   */
  String createExperiment(String name, String artifactLocation, Map<String, String> tags);

  Optional<Experiment> experiment(String experimentId);

  Optional<Experiment> experimentByName(String name);

  /** Experiments, newest first. */
  Page<Experiment> searchExperiments(ExperimentQuery query);
}

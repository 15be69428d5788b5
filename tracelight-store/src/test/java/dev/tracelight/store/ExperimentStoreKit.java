package dev.tracelight.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every backend must do with experiments. Backends run it as a {@code @Nested} class. */
abstract class ExperimentStoreKit {

  abstract Storage storage();

  ExperimentStore experiments() {
    return storage().experiments();
  }

  static String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  @Test
  void defaultExperiment_existsAfterMigration() {
    Experiment byId = experiments().experiment("0").orElseThrow();
    assertThat(byId.name()).isEqualTo("Default");
    assertThat(byId.artifactLocation()).isEqualTo("mlflow-artifacts:/0");
    assertThat(byId.lifecycleStage()).isEqualTo("active");
    assertThat(experiments().experimentByName("Default")).get()
        .extracting(Experiment::experimentId).isEqualTo("0");
  }

  @Test
  void create_thenGetByIdAndByName() {
    String name = uniqueName("agent");
    long before = System.currentTimeMillis();
    String id = experiments().createExperiment(name, null, Map.of("team", "search"));

    assertThat(Long.parseLong(id)).isPositive();
    Experiment e = experiments().experiment(id).orElseThrow();
    assertThat(e.name()).isEqualTo(name);
    assertThat(e.artifactLocation()).isEqualTo("mlflow-artifacts:/" + id);
    assertThat(e.tags()).containsExactly(Map.entry("team", "search"));
    assertThat(e.creationTime()).isBetween(before, System.currentTimeMillis());
    assertThat(experiments().experimentByName(name)).get()
        .extracting(Experiment::experimentId).isEqualTo(id);
  }

  @Test
  void create_withArtifactLocation_keepsIt() {
    String id = experiments().createExperiment(uniqueName("loc"), "s3://bucket/x", Map.of());
    assertThat(experiments().experiment(id).orElseThrow().artifactLocation())
        .isEqualTo("s3://bucket/x");
  }

  @Test
  void create_duplicateName_alreadyExists() {
    String name = uniqueName("dup");
    experiments().createExperiment(name, null, Map.of());
    assertThatThrownBy(() -> experiments().createExperiment(name, null, Map.of()))
        .isInstanceOfSatisfying(StoreException.class,
            e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.ALREADY_EXISTS))
        .hasMessageContaining(name);
  }

  @Test
  void missingExperiment_isEmpty() {
    assertThat(experiments().experiment("987654321")).isEmpty();
    assertThat(experiments().experiment("not-a-number")).isEmpty();
    assertThat(experiments().experimentByName(uniqueName("missing"))).isEmpty();
  }

  @Test
  void search_newestFirst_pagesThroughAll() {
    String marker = uniqueName("paged");
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(experiments().createExperiment(marker + "-" + i, null, Map.of()));
    }
    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      Page<Experiment> page = experiments().searchExperiments(
          ExperimentQuery.builder().setMaxResults(2).setNameContains(marker).setPageToken(token)
              .build());
      page.items().forEach(e -> seen.add(e.experimentId()));
      token = page.nextPageToken().orElse(null);
      pages++;
    } while (token != null);

    assertThat(pages).isEqualTo(3);
    List<String> newestFirst = new ArrayList<>(created);
    java.util.Collections.reverse(newestFirst);
    assertThat(seen).containsExactlyElementsOf(newestFirst);
  }

  @Test
  void search_withoutFilter_includesDefault() {
    Page<Experiment> page = experiments().searchExperiments(ExperimentQuery.builder().build());
    assertThat(page.items()).extracting(Experiment::name).contains("Default");
  }
}

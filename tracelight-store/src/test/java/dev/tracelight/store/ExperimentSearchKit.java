package dev.tracelight.store;

import static dev.tracelight.store.ExperimentStoreKit.uniqueName;
import static dev.tracelight.store.TraceKitSupport.assertStoreError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelight.store.StoreException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Searching experiments with MLflow's filter, order_by and view_type, paged by keyset tokens.
 * Names share a fresh prefix per test and differ only at the end, so every collation orders
 * them alike.
 */
abstract class ExperimentSearchKit {

  abstract Storage storage();

  String prefix;

  @BeforeEach
  void newPrefix() {
    prefix = uniqueName("search");
  }

  String create(String suffix, Map<String, String> tags) {
    return storage().experiments().createExperiment(prefix + "-" + suffix, null, tags);
  }

  List<String> names(String filter, String... orderBy) {
    return search(ExperimentQuery.builder().setFilter(filter), orderBy);
  }

  List<String> search(ExperimentQuery.Builder query, String... orderBy) {
    for (String o : orderBy) {
      query.addOrderBy(o);
    }
    List<String> names = new ArrayList<>();
    storage().experiments().searchExperiments(query.build()).items()
        .forEach(e -> names.add(e.name().substring(prefix.length() + 1)));
    return names;
  }

  @Test
  void nameFilters_likeIsCaseSensitive_ilikeIsNot_backslashEscapes() {
    for (String suffix : List.of("Alpha", "beta", "gamma_1", "gammaX1", "50%")) {
      create(suffix, Map.of());
    }
    String p = prefix + "-";

    assertThat(names("name = '" + p + "beta'")).containsExactly("beta");
    assertThat(names("name LIKE '" + p + "%a'", "name")).containsExactly("Alpha", "beta");
    assertThat(names("name LIKE '" + p + "alpha'")).isEmpty();
    assertThat(names("attributes.name ILIKE '" + p + "ALPHA'")).containsExactly("Alpha");
    assertThat(names("name LIKE '" + p + "gamma_1'"))
        .containsExactlyInAnyOrder("gammaX1", "gamma_1");
    assertThat(names("name LIKE '" + p + "gamma\\_1'")).containsExactly("gamma_1");
    assertThat(names("name ILIKE '" + p + "50\\%'")).containsExactly("50%");
    assertThat(names("name LIKE '" + p + "%' AND name != '" + p + "beta'"))
        .containsExactlyInAnyOrder("Alpha", "gamma_1", "gammaX1", "50%");
  }

  @Test
  void tagAndTimeFilters() {
    long before = System.currentTimeMillis();
    create("prod", Map.of("env", "prod", "mlflow.note.content", "Ready for Review"));
    create("dev", Map.of("env", "dev"));
    create("untagged", Map.of());
    String mine = "name LIKE '" + prefix + "-%' AND ";

    assertThat(names(mine + "tags.env = 'prod'")).containsExactly("prod");
    assertThat(names(mine + "tag.env != 'prod'")).containsExactly("dev");
    assertThat(names(mine + "tags.`mlflow.note.content` LIKE '%Review'")).containsExactly("prod");
    assertThat(names(mine + "tags.\"mlflow.note.content\" ILIKE '%review%'"))
        .containsExactly("prod");
    assertThat(names(mine + "creation_time >= " + before, "name")).hasSize(3);
    assertThat(names(mine + "last_update_time < " + before)).isEmpty();
  }

  @Test
  void orderBy_andKeysetPages_neitherSkipNorRepeat() {
    for (String suffix : List.of("c", "a", "e", "b", "d")) {
      create(suffix, Map.of());
    }
    String filter = "name LIKE '" + prefix + "-%'";
    assertThat(pages(filter, "name")).containsExactly("a", "b", "c", "d", "e");
    assertThat(pages(filter, "attribute.name DESC")).containsExactly("e", "d", "c", "b", "a");
    assertThat(pages(filter, "experiment_id ASC")).containsExactly("c", "a", "e", "b", "d");
    assertThat(pages(filter)).containsExactly("d", "b", "e", "a", "c"); // newest first
    assertThat(pages(filter, "creation_time", "experiment_id")).containsExactly(
        "c", "a", "e", "b", "d");
    assertThat(pages(filter, "last_update_time DESC")).containsExactly("d", "b", "e", "a", "c");
  }

  List<String> pages(String filter, String... orderBy) {
    List<String> seen = new ArrayList<>();
    String token = null;
    do {
      ExperimentQuery.Builder query = ExperimentQuery.builder().setFilter(filter)
          .setMaxResults(2).setPageToken(token);
      for (String o : orderBy) {
        query.addOrderBy(o);
      }
      Page<Experiment> page = storage().experiments().searchExperiments(query.build());
      page.items().forEach(e -> seen.add(e.name().substring(prefix.length() + 1)));
      token = page.nextPageToken().orElse(null);
      assertThat(seen.size()).isLessThanOrEqualTo(5);
    } while (token != null);
    return seen;
  }

  @Test
  void viewType_activeByDefault_deletedOnly_all() {
    create("kept", Map.of());
    storage().experiments().deleteExperiment(create("gone", Map.of()));
    String filter = "name LIKE '" + prefix + "-%'";

    assertThat(names(filter)).containsExactly("kept");
    assertThat(search(ExperimentQuery.builder().setFilter(filter)
        .setViewType(ViewType.DELETED_ONLY))).containsExactly("gone");
    assertThat(search(ExperimentQuery.builder().setFilter(filter).setViewType(ViewType.ALL),
        "name")).containsExactly("gone", "kept");
  }

  @Test
  void mistakes_invalidArgumentNamingTheProblem() {
    ExperimentStore store = storage().experiments();
    assertStoreError(() -> names("name > 'a'"), Reason.INVALID_ARGUMENT,
        "operator > does not apply to name; expected one of =, !=, LIKE, ILIKE");
    assertStoreError(() -> names("creation_time LIKE '1%'"), Reason.INVALID_ARGUMENT,
        "operator LIKE does not apply to creation_time");
    assertStoreError(() -> names("creation_time = 'x'"), Reason.INVALID_ARGUMENT,
        "expected an integer of epoch milliseconds for creation_time");
    assertStoreError(() -> names("owner = 'x'"), Reason.INVALID_ARGUMENT,
        "unknown experiment attribute 'owner'");
    assertStoreError(() -> names("params.x = 'y'"), Reason.INVALID_ARGUMENT, "unknown field");
    assertStoreError(() -> names("name = 'a' OR name = 'b'"), Reason.INVALID_ARGUMENT,
        "OR is not supported");
    assertStoreError(() -> names("name LIKE 'a\\'"), Reason.INVALID_ARGUMENT,
        "ends with the escape character");
    assertStoreError(() -> names(null, "bogus"), Reason.INVALID_ARGUMENT,
        "Invalid order_by 'bogus'");
    assertStoreError(() -> names(null, "name UP"), Reason.INVALID_ARGUMENT,
        "expected '<field> [ASC|DESC]'");
    create("a", Map.of());
    create("b", Map.of());
    String byName = store.searchExperiments(ExperimentQuery.builder().setMaxResults(1)
        .setFilter("name LIKE '" + prefix + "-%'").addOrderBy("name").build())
        .nextPageToken().orElseThrow();
    assertStoreError(() -> store.searchExperiments(
        ExperimentQuery.builder().setPageToken(byName).build()),
        Reason.INVALID_ARGUMENT, "Invalid page token");
    assertStoreError(() -> store.searchExperiments(
        ExperimentQuery.builder().setPageToken("not-a-token").build()),
        Reason.INVALID_ARGUMENT, "Invalid page token");
  }
}

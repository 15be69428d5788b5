package dev.tracelight.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelight.store.Experiment;
import dev.tracelight.store.ExperimentQuery;
import dev.tracelight.store.ExperimentStore;
import dev.tracelight.store.Page;
import dev.tracelight.store.ViewType;
import io.javalin.http.Context;

/**
 * MLflow's experiment RPCs: create, get, get-by-name and search (filter, order_by, view_type,
 * paging; GET with query parameters or POST with a body). Parse, call the store, write.
 */
final class MlflowExperimentsApi {
  private final ExperimentStore store;
  private final RequestBodies bodies;

  MlflowExperimentsApi(ExperimentStore store, RequestBodies bodies) {
    this.store = store;
    this.bodies = bodies;
  }

  void register(MlflowRoutes routes) {
    routes.post("/mlflow/experiments/create", this::create)
        .get("/mlflow/experiments/get", this::get)
        .get("/mlflow/experiments/get-by-name", this::getByName)
        .get("/mlflow/experiments/search", this::searchByQuery)
        .post("/mlflow/experiments/search", this::searchByBody);
  }

  private void create(Context ctx) {
    JsonNode body = MlflowJson.parseObject(bodies.read(ctx));
    String name = MlflowJson.requiredString(body, "name", "name");
    String id = store.createExperiment(
        name, emptyToNull(MlflowJson.string(body, "artifact_location")),
        MlflowJson.stringMap(body, "tags"));
    ObjectNode response = MlflowJson.MAPPER.createObjectNode().put("experiment_id", id);
    MlflowJson.write(ctx, response);
  }

  private void get(Context ctx) {
    String id = requiredQuery(ctx, "experiment_id");
    Experiment e = store.experiment(id).orElseThrow(
        () -> ApiException.notFound("Could not find experiment with ID " + id));
    writeExperiment(ctx, e);
  }

  private void getByName(Context ctx) {
    String name = requiredQuery(ctx, "experiment_name");
    Experiment e = store.experimentByName(name).orElseThrow(
        () -> ApiException.notFound("Experiment '" + name + "' does not exist."));
    writeExperiment(ctx, e);
  }

  private void searchByQuery(Context ctx) {
    ObjectNode params = MlflowJson.MAPPER.createObjectNode();
    for (String field : new String[] {"max_results", "page_token", "filter", "view_type"}) {
      String value = ctx.queryParam(field);
      if (value != null) {
        params.put(field, value);
      }
    }
    ArrayNode orderBy = params.putArray("order_by");
    ctx.queryParams("order_by").forEach(orderBy::add);
    search(ctx, params);
  }

  private void searchByBody(Context ctx) {
    search(ctx, MlflowJson.parseObject(bodies.read(ctx)));
  }

  private void search(Context ctx, JsonNode params) {
    ExperimentQuery.Builder query = ExperimentQuery.builder()
        .setPageToken(MlflowJson.string(params, "page_token"));
    Long maxResults = MlflowJson.int64(params, "max_results");
    if (maxResults != null) {
      if (maxResults < 1 || maxResults > ExperimentQuery.MAX_MAX_RESULTS) {
        throw ApiException.invalid("Invalid value " + maxResults + " for parameter 'max_results'"
            + ": expected 1 to " + ExperimentQuery.MAX_MAX_RESULTS);
      }
      query.setMaxResults(maxResults.intValue());
    }
    query.setFilter(MlflowJson.string(params, "filter"));
    MlflowJson.stringList(params, "order_by").forEach(query::addOrderBy);
    String viewType = MlflowJson.string(params, "view_type");
    if (viewType != null) {
      query.setViewType(ViewType.of(viewType).orElseThrow(() -> ApiException.invalid(
          "Invalid value '" + viewType + "' for parameter 'view_type': expected ACTIVE_ONLY,"
              + " DELETED_ONLY or ALL")));
    }
    Page<Experiment> page = store.searchExperiments(query.build());
    ObjectNode response = MlflowJson.MAPPER.createObjectNode();
    ArrayNode experiments = response.putArray("experiments");
    page.items().forEach(e -> experiments.add(ExperimentJson.write(e)));
    page.nextPageToken().ifPresent(t -> response.put("next_page_token", t));
    MlflowJson.write(ctx, response);
  }

  private static void writeExperiment(Context ctx, Experiment e) {
    ObjectNode response = MlflowJson.MAPPER.createObjectNode();
    response.set("experiment", ExperimentJson.write(e));
    MlflowJson.write(ctx, response);
  }

  static String requiredQuery(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      throw ApiException.invalid("Missing value for required parameter '" + name + "'");
    }
    return value;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}

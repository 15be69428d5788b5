package dev.tracelight.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The experiment endpoints a tracing client needs (MLFLOW_WIRE §1.5): create, get, get-by-name and
 * search. Missing experiments are {@code RESOURCE_DOES_NOT_EXIST}, exactly, because the Python
 * client turns that code (and only that code) into "no such experiment".
 */
final class ExperimentRoutes {

  private static final long SEARCH_DEFAULT_MAX = 1000;
  private static final long SEARCH_LIMIT = 50_000;

  private final ExperimentRegistry experiments;

  ExperimentRoutes(ExperimentRegistry experiments) {
    this.experiments = experiments;
  }

  /** {@code {"name", "artifact_location"?, "tags"?}} to {@code {"experiment_id"}}. */
  MlflowReply create(RecordedRequest request) {
    ObjectNode body = RequestBodies.object(request);
    String name = RequestBodies.requiredText(body, "name");
    String id = experiments.create(name, body.path("tags"));
    return MlflowReply.ok(Json.object().put("experiment_id", id));
  }

  MlflowReply get(RecordedRequest request) {
    String id = QueryParams.parse(request.query()).required("experiment_id");
    ObjectNode experiment =
        experiments
            .byId(id)
            .orElseThrow(() -> MlflowError.notFound("No Experiment with id=" + id + " exists"));
    return wrap(experiment);
  }

  MlflowReply getByName(RecordedRequest request) {
    String name = QueryParams.parse(request.query()).required("experiment_name");
    ObjectNode experiment =
        experiments
            .byName(name)
            .orElseThrow(
                () -> MlflowError.notFound("Could not find experiment with name '" + name + "'"));
    return wrap(experiment);
  }

  /**
   * Search by GET (query parameters) or POST (JSON body). {@code filter}, {@code order_by} and
   * {@code view_type} are accepted and ignored: every experiment is active, newest first.
   */
  MlflowReply search(RecordedRequest request) {
    JsonNode message =
        request.method().equals("GET") ? queryMessage(request) : RequestBodies.object(request);
    long maxResults = RequestBodies.integer(message, "max_results").orElse(SEARCH_DEFAULT_MAX);
    if (maxResults < 1 || maxResults > SEARCH_LIMIT) {
      throw MlflowError.invalidParameter(
          "Invalid value "
              + maxResults
              + " for parameter 'max_results' supplied. It must be "
              + "a positive integer at most "
              + SEARCH_LIMIT);
    }
    Pages<ObjectNode> page =
        Pages.of(experiments.all(), maxResults, RequestBodies.text(message, "page_token"));
    ObjectNode response = Json.object();
    ArrayNode list = response.putArray("experiments");
    page.items().forEach(list::add);
    page.nextToken().ifPresent(token -> response.put("next_page_token", token));
    return MlflowReply.ok(response);
  }

  private static ObjectNode queryMessage(RecordedRequest request) {
    QueryParams query = QueryParams.parse(request.query());
    ObjectNode message = Json.object();
    for (String field : new String[] {"max_results", "page_token", "filter", "view_type"}) {
      Optional<String> value = query.first(field);
      value.ifPresent(v -> message.put(field, v));
    }
    return message;
  }

  private static MlflowReply wrap(ObjectNode experiment) {
    ObjectNode response = Json.object();
    response.set("experiment", experiment);
    return MlflowReply.ok(response);
  }
}

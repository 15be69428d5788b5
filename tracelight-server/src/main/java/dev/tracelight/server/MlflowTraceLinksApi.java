package dev.tracelight.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelight.store.PromptVersionRef;
import dev.tracelight.store.TraceInfo;
import dev.tracelight.store.TraceReader;
import dev.tracelight.store.TraceWriter;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * BatchGetTraceInfos ({@code POST /mlflow/traces/batchGetInfos}), LinkTracesToRun ({@code POST
 * /mlflow/traces/link-to-run}, recorded as metadata {@code mlflow.sourceRun}) and
 * LinkPromptsToTrace ({@code POST /mlflow/traces/link-prompts}, tag {@code
 * mlflow.linkedPrompts}). Parse, call the store, write.
 */
final class MlflowTraceLinksApi {
  private final TraceWriter writer;
  private final TraceReader reader;
  private final RequestBodies bodies;

  MlflowTraceLinksApi(TraceWriter writer, TraceReader reader, RequestBodies bodies) {
    this.writer = writer;
    this.reader = reader;
    this.bodies = bodies;
  }

  void register(MlflowRoutes routes) {
    routes.post("/mlflow/traces/batchGetInfos", this::batchGetInfos)
        .post("/mlflow/traces/link-to-run", this::linkToRun)
        .post("/mlflow/traces/link-prompts", this::linkPrompts);
  }

  /** The infos found, in the order asked; with {@code experiment_ids}, only those of them. */
  private void batchGetInfos(Context ctx) {
    JsonNode body = MlflowJson.parseObject(bodies.read(ctx));
    List<String> ids = nonBlank(MlflowJson.stringList(body, "trace_ids"));
    if (ids.isEmpty()) {
      throw ApiException.invalid("Missing value for required parameter 'trace_ids'");
    }
    Set<String> experiments = new HashSet<>(MlflowJson.stringList(body, "experiment_ids"));
    ObjectNode response = MlflowJson.MAPPER.createObjectNode();
    ArrayNode infos = response.putArray("trace_infos");
    for (TraceInfo info : reader.traceInfos(ids)) {
      if (experiments.isEmpty() || experiments.contains(info.experimentId())) {
        infos.add(TraceInfoJson.write(info));
      }
    }
    MlflowJson.write(ctx, response);
  }

  private void linkToRun(Context ctx) {
    JsonNode body = MlflowJson.parseObject(bodies.read(ctx));
    List<String> ids = nonBlank(MlflowJson.stringList(body, "trace_ids"));
    if (ids.isEmpty()) {
      throw ApiException.invalid("Missing value for required parameter 'trace_ids'");
    }
    writer.linkTracesToRun(ids, MlflowJson.requiredString(body, "run_id", "run_id"));
    MlflowJson.write(ctx, MlflowJson.MAPPER.createObjectNode());
  }

  private void linkPrompts(Context ctx) {
    JsonNode body = MlflowJson.parseObject(bodies.read(ctx));
    String traceId = MlflowJson.requiredString(body, "trace_id", "trace_id");
    JsonNode versions = body.get("prompt_versions");
    if (versions != null && !versions.isNull() && !versions.isArray()) {
      throw MlflowJson.wrongType("prompt_versions", "a list of {\"name\", \"version\"}", versions);
    }
    List<PromptVersionRef> prompts = new ArrayList<>();
    for (int i = 0; versions != null && i < versions.size(); i++) {
      JsonNode v = versions.get(i);
      if (!v.isObject()) {
        throw MlflowJson.wrongType("prompt_versions[" + i + "]", "a {\"name\", \"version\"}", v);
      }
      prompts.add(PromptVersionRef.create(
          MlflowJson.requiredString(v, "name", "prompt_versions[" + i + "].name"),
          MlflowJson.requiredString(v, "version", "prompt_versions[" + i + "].version")));
    }
    writer.linkPromptsToTrace(traceId, prompts);
    MlflowJson.write(ctx, MlflowJson.MAPPER.createObjectNode());
  }

  private static List<String> nonBlank(List<String> values) {
    List<String> result = new ArrayList<>();
    values.stream().filter(v -> !v.isBlank()).forEach(result::add);
    return result;
  }
}

package dev.tracelight.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracelight.store.TraceWriter;
import io.javalin.http.Context;

/**
 * SetTraceTag(V3) and DeleteTraceTag(V3): {@code PATCH} and {@code DELETE} on {@code
 * /mlflow/traces/{trace_id}/tags}, both with a JSON body. MLflow's Python client always calls the
 * {@code /api/2.0} paths; the routes answer under every prefix.
 */
final class MlflowTraceTagsApi {
  private final TraceWriter writer;
  private final RequestBodies bodies;

  MlflowTraceTagsApi(TraceWriter writer, RequestBodies bodies) {
    this.writer = writer;
    this.bodies = bodies;
  }

  void register(MlflowRoutes routes) {
    routes.patch("/mlflow/traces/{trace_id}/tags", this::setTag)
        .delete("/mlflow/traces/{trace_id}/tags", this::deleteTag);
  }

  private void setTag(Context ctx) {
    JsonNode body = MlflowJson.parseObject(bodies.read(ctx));
    String key = MlflowJson.requiredString(body, "key", "key");
    String value = MlflowJson.string(body, "value");
    if (value == null) {
      throw ApiException.invalid("Missing value for required parameter 'value'");
    }
    writer.setTraceTag(ctx.pathParam("trace_id"), key, value);
    MlflowJson.write(ctx, MlflowJson.MAPPER.createObjectNode());
  }

  private void deleteTag(Context ctx) {
    JsonNode body = MlflowJson.parseObject(bodies.read(ctx));
    String key = MlflowJson.string(body, "key");
    if (key == null) {
      key = ctx.queryParam("key"); // some HTTP stacks drop DELETE bodies; accept ?key= too
    }
    if (key == null || key.isEmpty()) {
      throw ApiException.invalid("Missing value for required parameter 'key'");
    }
    writer.deleteTraceTag(ctx.pathParam("trace_id"), key);
    MlflowJson.write(ctx, MlflowJson.MAPPER.createObjectNode());
  }
}

package dev.tracelight.server;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One request of every route family the server has, in an order where each succeeds when
 * authorized: the REST API under both versions and the UI's mirror, OTLP, the trace artifact PUT
 * and GET, {@code /version}, and the UI (page, asset, client-side route).
 */
final class RouteFamilies {
  static final String EXPERIMENT = "0";

  /** One request; {@code api} families answer errors in MLflow's JSON, the UI in text. */
  record Call(String family, String method, String path, byte[] body, String contentType,
      boolean api) {
    HttpRequest request(TestHttp http, String authorization) {
      HttpRequest.Builder b = HttpRequest.newBuilder(http.uri(path));
      if (contentType != null) {
        b.header("Content-Type", contentType);
      }
      if (path.startsWith("/v1/")) {
        b.header(OtlpTraceIngest.EXPERIMENT_HEADER, EXPERIMENT);
      }
      if (authorization != null) {
        b.header("Authorization", authorization);
      }
      return b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    @Override
    public String toString() {
      return family + ": " + method + " " + path;
    }
  }

  private RouteFamilies() {}

  /** Fresh calls for a new trace. */
  static List<Call> all() {
    OtlpTestRequests otlp = new OtlpTestRequests();
    String traceId = otlp.mlflowTraceId();
    String artifact = RequestGuard.ARTIFACTS + EXPERIMENT + "/traces/" + traceId
        + "/artifacts/traces.json";
    List<Call> calls = new ArrayList<>();
    calls.add(api("REST 2.0", "GET", "/api/2.0/mlflow/experiments/search?max_results=10", null));
    calls.add(api("REST 3.0", "POST", "/api/3.0/mlflow/traces/search",
        "{\"locations\": [{\"type\": \"MLFLOW_EXPERIMENT\", \"mlflow_experiment\":"
            + " {\"experiment_id\": \"" + EXPERIMENT + "\"}}]}"));
    calls.add(api("UI's REST mirror", "GET",
        "/ajax-api/2.0/mlflow/experiments/get?experiment_id=" + EXPERIMENT, null));
    calls.add(new Call("OTLP", "POST", OtlpTraceIngest.PATH, otlp.rootAndChild().toByteArray(),
        OtlpTraceIngest.PROTOBUF, true));
    calls.add(api("artifact upload", "PUT", artifact,
        "{\"spans\": [" + rootSpanDict(otlp) + "]}"));
    calls.add(new Call("artifact download", "GET", artifact, null, null, true));
    calls.add(new Call("version", "GET", "/version", null, null, true));
    calls.add(new Call("UI page", "GET", "/", null, null, false));
    calls.add(new Call("UI asset", "GET", "/app.js", null, null, false));
    calls.add(new Call("UI client route", "GET", "/experiments/1", null, null, false));
    return calls;
  }

  private static Call api(String family, String method, String path, String json) {
    return new Call(family, method, path,
        json == null ? null : json.getBytes(StandardCharsets.UTF_8),
        json == null ? null : "application/json", true);
  }

  /** The root span as the TypeScript SDK uploads it in {@code traces.json}. */
  private static String rootSpanDict(OtlpTestRequests otlp) {
    Base64.Encoder b64 = Base64.getEncoder();
    return "{\"trace_id\": \"" + b64.encodeToString(otlp.traceId) + "\", \"span_id\": \""
        + b64.encodeToString(otlp.rootId) + "\", \"parent_span_id\": \"\", \"name\": \"agent\","
        + " \"start_time_unix_nano\": " + OtlpTestRequests.T0 + ", \"end_time_unix_nano\": "
        + (OtlpTestRequests.T0 + 1532 * OtlpTestRequests.MS) + ", \"status\": {\"code\":"
        + " \"STATUS_CODE_OK\", \"message\": \"\"}, \"attributes\": {\"mlflow.spanType\":"
        + " \"AGENT\"}, \"events\": []}";
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static String bearer(String token) {
    return "Bearer " + token;
  }
}

package dev.tracelight.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Reads the tracking server's REST API the way any MLflow client would, over plain HTTP. */
final class ServerRest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;

  ServerRest(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError("GET " + path + " -> " + response.statusCode() + " " + response.body());
    }
    return MAPPER.readTree(response.body());
  }

  JsonNode post(String path, String json) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError("POST " + path + " -> " + response.statusCode() + " " + response.body());
    }
    return MAPPER.readTree(response.body());
  }

  JsonNode traceInfo(String traceId) throws IOException, InterruptedException {
    return get("/api/3.0/mlflow/traces/" + traceId).path("trace").path("trace_info");
  }

  JsonNode traceWithSpans(String traceId) throws IOException, InterruptedException {
    return get("/api/3.0/mlflow/traces/get?trace_id=" + URLEncoder.encode(traceId, StandardCharsets.UTF_8))
        .path("trace");
  }

  int traceCount(String experimentId) throws IOException, InterruptedException {
    String body = "{\"locations\":[{\"type\":\"MLFLOW_EXPERIMENT\",\"mlflow_experiment\":"
        + "{\"experiment_id\":\"" + experimentId + "\"}}],\"max_results\":500}";
    return post("/api/3.0/mlflow/traces/search", body).path("traces").size();
  }

  /** The id of the experiment named {@code name}. */
  String experimentId(String name) throws IOException, InterruptedException {
    String query = "?experiment_name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    return get("/api/2.0/mlflow/experiments/get-by-name" + query)
        .path("experiment").path("experiment_id").asText();
  }

  /** The experiment a trace info (GetTraceInfoV3's {@code trace_info}) belongs to. */
  static String experimentOf(JsonNode traceInfo) {
    return traceInfo.path("trace_location").path("mlflow_experiment").path("experiment_id").asText();
  }

  /** The attribute's JSON text, from the OTLP-style attribute list of a span. */
  static String attribute(JsonNode span, String key) {
    for (JsonNode kv : span.path("attributes")) {
      if (kv.path("key").asText().equals(key)) {
        return kv.path("value").path("string_value").asText();
      }
    }
    throw new AssertionError("no attribute " + key + " in " + span);
  }

  static JsonNode parse(String json) throws IOException {
    return MAPPER.readTree(json);
  }
}

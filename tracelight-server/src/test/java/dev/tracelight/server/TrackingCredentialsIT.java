package dev.tracelight.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracelight.store.Storage;
import dev.tracelight.store.StorageFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tracking client's whole export, in plain {@code java.net.http}, with the Authorization
 * header MLflow's clients (and Tracelight's) build from {@code MLFLOW_TRACKING_USERNAME} /
 * {@code MLFLOW_TRACKING_PASSWORD} (Basic, UTF-8) or {@code MLFLOW_TRACKING_TOKEN} (Bearer).
 */
class TrackingCredentialsIT {
  /** Not ASCII, so the UTF-8 of Basic credentials is exercised. */
  static final String USER = "zoë";
  static final String PASSWORD = "pässwörd with spaces";

  @TempDir static Path dir;
  static TracelightServer server;
  static String token;
  final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    String uri = "sqlite:///" + dir.resolve("client.db");
    try (Storage storage = StorageFactory.open(uri)) {
      storage.users().createUser(USER, PASSWORD.toCharArray());
      token = storage.users().createToken(USER, "tracking client", null).token();
    }
    server = TracelightServer.start(TracelightServerConfig.builder()
        .setPort(0).setBackendStoreUri(uri).setAuth(true).build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** The header a client builds from MLflow's environment variables. */
  static String authorization(Map<String, String> env) {
    if (env.containsKey("MLFLOW_TRACKING_TOKEN")) {
      return "Bearer " + env.get("MLFLOW_TRACKING_TOKEN");
    }
    String credentials = env.get("MLFLOW_TRACKING_USERNAME") + ":"
        + env.get("MLFLOW_TRACKING_PASSWORD");
    return "Basic " + Base64.getEncoder()
        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void usernameAndPassword_basic_exportAndReadBack() throws Exception {
    exportAndReadBack(authorization(
        Map.of("MLFLOW_TRACKING_USERNAME", USER, "MLFLOW_TRACKING_PASSWORD", PASSWORD)));
  }

  @Test
  void token_bearer_exportAndReadBack() throws Exception {
    exportAndReadBack(authorization(Map.of("MLFLOW_TRACKING_TOKEN", token)));
  }

  @Test
  void noVariables_noHeader_refused() throws Exception {
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(
        URI.create(server.url() + "/api/2.0/mlflow/experiments/get-by-name"
            + "?experiment_name=Default")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("\"error_code\":\"UNAUTHENTICATED\"");
  }

  /** What an exporter does: find the experiment, send OTLP spans, StartTraceV3, read back. */
  private void exportAndReadBack(String authorization) throws Exception {
    HttpResponse<String> experiment = send(authorization, HttpRequest.newBuilder(uri(
        "/api/2.0/mlflow/experiments/get-by-name?experiment_name=Default")).GET());
    assertThat(experiment.statusCode()).as(experiment.body()).isEqualTo(200);
    String experimentId = MlflowJson.MAPPER.readTree(experiment.body())
        .at("/experiment/experiment_id").asText();

    OtlpTestRequests otlp = new OtlpTestRequests();
    HttpResponse<String> exported = send(authorization, HttpRequest.newBuilder(
            uri(OtlpTraceIngest.PATH))
        .header("Content-Type", OtlpTraceIngest.PROTOBUF)
        .header(OtlpTraceIngest.EXPERIMENT_HEADER, experimentId)
        .POST(HttpRequest.BodyPublishers.ofByteArray(otlp.rootAndChild().toByteArray())));
    assertThat(exported.statusCode()).as(exported.body()).isEqualTo(200);

    String traceInfo = "{\"trace\": {\"trace_info\": {\"trace_id\": \"" + otlp.mlflowTraceId()
        + "\", \"trace_location\": {\"type\": \"MLFLOW_EXPERIMENT\", \"mlflow_experiment\":"
        + " {\"experiment_id\": \"" + experimentId + "\"}}, \"request_time\":"
        + " \"2025-06-15T14:07:41.282Z\", \"execution_duration\": \"1.532s\", \"state\": \"OK\","
        + " \"trace_metadata\": {}, \"tags\": {}}}}";
    HttpResponse<String> started = send(authorization, HttpRequest.newBuilder(
            uri("/api/3.0/mlflow/traces"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(traceInfo)));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);

    HttpResponse<String> got = send(authorization, HttpRequest.newBuilder(
        uri("/api/3.0/mlflow/traces/get?trace_id=" + otlp.mlflowTraceId())).GET());
    assertThat(got.statusCode()).as(got.body()).isEqualTo(200);
    JsonNode trace = MlflowJson.MAPPER.readTree(got.body()).get("trace");
    assertThat(trace.at("/trace_info/state").asText()).isEqualTo("OK");
    assertThat(trace.get("spans")).hasSize(2);
  }

  private HttpResponse<String> send(String authorization, HttpRequest.Builder request)
      throws Exception {
    return client.send(request.header("Authorization", authorization).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(String path) {
    return URI.create(server.url() + path);
  }
}

package dev.tracelight.testkit;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The proxied artifact store ({@code /api/2.0/mlflow-artifacts/artifacts/<path>}): PUT stores the
 * bytes under the path and answers {@code {}} (JSON, as a client such as the TypeScript SDK needs),
 * GET returns them. Paths are relative to the artifact root, e.g. {@code
 * 1/traces/tr-.../artifacts/traces.json}. Thread-safe.
 */
final class ArtifactRoutes {

  private static final String SCHEME = "mlflow-artifacts:/";

  private final Map<String, byte[]> files = new ConcurrentHashMap<>();

  MlflowReply upload(RecordedRequest request, MlflowRoute.Match match) {
    files.put(checked(match.capture(0)), request.bodyBytes());
    return MlflowReply.ok(Json.object());
  }

  MlflowReply download(MlflowRoute.Match match) {
    String path = checked(match.capture(0));
    byte[] bytes = files.get(path);
    if (bytes == null) {
      throw MlflowError.notFound("Artifact not found: " + path);
    }
    String type = path.endsWith(".json") ? "application/json" : "application/octet-stream";
    return MlflowReply.bytes(200, type, bytes.clone());
  }

  /** The stored bytes; the path may also be given as an {@code mlflow-artifacts:/} URI. */
  Optional<byte[]> file(String path) {
    String relative = path.startsWith(SCHEME) ? path.substring(SCHEME.length()) : path;
    return Optional.ofNullable(files.get(relative)).map(byte[]::clone);
  }

  /** A stock server refuses paths that climb out of the artifact root. */
  private static String checked(String path) {
    for (String segment : path.split("/")) {
      if (segment.equals("..") || segment.equals(".")) {
        throw MlflowError.invalidParameter("Invalid path: " + path);
      }
    }
    return path;
  }
}

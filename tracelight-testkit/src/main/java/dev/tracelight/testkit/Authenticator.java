package dev.tracelight.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the {@code Authorization} header as a tracking server behind basic auth (or a bearer token
 * proxy) does. A stock basic-auth server protects every path but {@code /health} and static files;
 * whether artifact paths are protected is configurable, since the TypeScript SDK sends no
 * credentials there (MLFLOW_WIRE §10).
 */
final class Authenticator {

  private final String scheme;
  @Nullable private final String expected;
  private final boolean onArtifacts;

  private Authenticator(String scheme, @Nullable String expected, boolean onArtifacts) {
    this.scheme = scheme;
    this.expected = expected;
    this.onArtifacts = onArtifacts;
  }

  static Authenticator none() {
    return new Authenticator("", null, false);
  }

  static Authenticator basic(String user, String password, boolean onArtifacts) {
    return new Authenticator("Basic", user + ":" + password, onArtifacts);
  }

  static Authenticator bearer(String token, boolean onArtifacts) {
    return new Authenticator("Bearer", token, onArtifacts);
  }

  /** Empty when the request may pass; else the 401 a client gets. */
  Optional<MlflowReply> check(RecordedRequest request, MlflowRoute route) {
    if (expected == null || route == MlflowRoute.HEALTH || (isArtifact(route) && !onArtifacts)) {
      return Optional.empty();
    }
    if (request.header("authorization").map(this::matches).orElse(false)) {
      return Optional.empty();
    }
    MlflowError error =
        MlflowError.create(
            "UNAUTHENTICATED",
            "You are not authenticated. Please set the environment variables"
                + " MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD (or"
                + " MLFLOW_TRACKING_TOKEN).");
    return Optional.of(
        MlflowReply.error(error)
            .withHeaders(Map.of("www-authenticate", scheme + " realm=\"mlflow\"")));
  }

  private boolean matches(String header) {
    int space = header.indexOf(' ');
    if (space < 0
        || !header
            .substring(0, space)
            .toLowerCase(Locale.ROOT)
            .equals(scheme.toLowerCase(Locale.ROOT))) {
      return false;
    }
    String credentials = header.substring(space + 1).trim();
    if (scheme.equals("Bearer")) {
      return credentials.equals(expected);
    }
    try {
      return new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8)
          .equals(expected);
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
  }

  private static boolean isArtifact(MlflowRoute route) {
    return route == MlflowRoute.UPLOAD_ARTIFACT || route == MlflowRoute.DOWNLOAD_ARTIFACT;
  }
}

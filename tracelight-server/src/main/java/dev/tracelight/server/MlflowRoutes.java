package dev.tracelight.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.List;

/**
 * Registers an MLflow RPC under every prefix a client may use: {@code /api/2.0}, {@code /api/3.0}
 * and the UI's {@code /ajax-api} mirrors. Being lenient about the version costs nothing and spares
 * clients the V3-to-V2 fallback.
 */
final class MlflowRoutes {
  static final List<String> PREFIXES =
      List.of("/api/2.0", "/api/3.0", "/ajax-api/2.0", "/ajax-api/3.0");

  private final RoutesConfig routes;

  MlflowRoutes(RoutesConfig routes) {
    this.routes = routes;
  }

  MlflowRoutes get(String path, Handler handler) {
    return add(HandlerType.GET, path, handler);
  }

  MlflowRoutes post(String path, Handler handler) {
    return add(HandlerType.POST, path, handler);
  }

  MlflowRoutes put(String path, Handler handler) {
    return add(HandlerType.PUT, path, handler);
  }

  MlflowRoutes patch(String path, Handler handler) {
    return add(HandlerType.PATCH, path, handler);
  }

  /** A DELETE route; MLflow's DELETE RPCs carry a JSON body, read it like a POST's. */
  MlflowRoutes delete(String path, Handler handler) {
    return add(HandlerType.DELETE, path, handler);
  }

  private MlflowRoutes add(HandlerType method, String path, Handler handler) {
    for (String prefix : PREFIXES) {
      routes.addHttpHandler(method, prefix + path, handler);
    }
    return this;
  }

  /**
   * Answers every other path under {@code /api} and {@code /ajax-api} with ENDPOINT_NOT_FOUND, the
   * code MLflow's clients use to fall back to older APIs. Register last: the first match wins.
   */
  static void registerEndpointNotFound(RoutesConfig routes) {
    Handler notFound = ctx -> {
      throw new ApiException(ErrorCode.ENDPOINT_NOT_FOUND,
          "No API endpoint " + ctx.method() + " " + ctx.path());
    };
    for (HandlerType method : List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
        HandlerType.PATCH, HandlerType.DELETE)) {
      routes.addHttpHandler(method, "/api/*", notFound);
      routes.addHttpHandler(method, "/ajax-api/*", notFound);
    }
  }
}

package dev.tracelight.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelight.store.StoreException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into MLflow's error body {@code {"error_code","message"}}. A client's
 * mistake is a 4xx; only our own faults are 500, and those are logged.
 */
final class ErrorResponses {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

  private ErrorResponses() {}

  static void register(RoutesConfig routes) {
    routes.exception(ApiException.class, (e, ctx) -> write(ctx, e.httpStatus, e.code, e.getMessage()));
    routes.exception(StoreException.class, (e, ctx) -> {
      ErrorCode code = toErrorCode(e.reason());
      write(ctx, code.httpStatus, code, e.getMessage());
    });
    // A store without an optional capability (deletion, tags, assessments) says so, like MLflow.
    routes.exception(UnsupportedOperationException.class, (e, ctx) -> {
      LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage(), e);
      write(ctx, 501, ErrorCode.NOT_IMPLEMENTED, e.getMessage());
    });
    routes.exception(HttpResponseException.class, (e, ctx) -> {
      ErrorCode code = e.getStatus() == 404 ? ErrorCode.ENDPOINT_NOT_FOUND
          : e.getStatus() >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.BAD_REQUEST;
      write(ctx, e.getStatus(), code, e.getMessage());
    });
    routes.exception(Exception.class, (e, ctx) -> {
      LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
      write(ctx, 500, ErrorCode.INTERNAL_ERROR, "Internal error: " + e.getClass().getSimpleName());
    });
  }

  private static ErrorCode toErrorCode(StoreException.Reason reason) {
    switch (reason) {
      case NOT_FOUND:
        return ErrorCode.RESOURCE_DOES_NOT_EXIST;
      case ALREADY_EXISTS:
        return ErrorCode.RESOURCE_ALREADY_EXISTS;
      default:
        return ErrorCode.INVALID_PARAMETER_VALUE;
    }
  }

  static void write(Context ctx, int status, ErrorCode code, String message) {
    ObjectNode body = MlflowJson.MAPPER.createObjectNode();
    body.put("error_code", code.name());
    body.put("message", message == null ? code.name() : message);
    ctx.status(status);
    MlflowJson.write(ctx, body);
  }
}

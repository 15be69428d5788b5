package dev.tracelight.server;

import dev.tracelight.store.User;
import dev.tracelight.store.UserStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every request passes before any route sees it, in this order: security headers; the
 * {@code Host} allowlist (403); CORS preflights; refusal of writes from other web origins (403);
 * then, with authentication on, credentials (401). {@code GET /health} is exempt from the host
 * check and from authentication, so load balancers can probe it; with {@code
 * authExemptArtifacts}, so are the trace artifact PUT and GET that MLflow's TypeScript SDK sends
 * without credentials.
 */
final class RequestGuard {
  private static final Logger LOG = LoggerFactory.getLogger(RequestGuard.class);
  /** Set on the context to the authenticated {@link User} when authentication is on. */
  static final String USER_ATTRIBUTE = "tracelight.user";
  static final String HEALTH = "/health";
  static final String ARTIFACTS = "/api/2.0/mlflow-artifacts/artifacts/";
  /** Content types a browser sends cross-origin without asking first (and no type at all). */
  private static final Set<String> SIMPLE_CONTENT_TYPES = Set.of("",
      "text/plain", "application/x-www-form-urlencoded", "multipart/form-data");

  private final HostAllowlist hosts;
  private final CorsPolicy cors;
  private final Authenticator authenticator; // null: authentication off
  private final boolean exemptArtifacts;

  RequestGuard(HostAllowlist hosts, CorsPolicy cors, UserStore users, boolean exemptArtifacts) {
    this.hosts = hosts;
    this.cors = cors;
    this.authenticator = users == null ? null : new Authenticator(users);
    this.exemptArtifacts = exemptArtifacts;
  }

  /**
   * Builds the guard from the configuration; register it before every other handler.
   *
   * @param users the store's users with authentication on, null with it off
   */
  static RequestGuard create(TracelightServerConfig config, UserStore users) {
    return new RequestGuard(HostAllowlist.create(config.allowedHosts(), config.host()),
        CorsPolicy.create(config.corsAllowedOrigins()), users, config.authExemptArtifacts());
  }

  void register(RoutesConfig routes) {
    routes.before(this::check);
  }

  private void check(Context ctx) {
    String path = ctx.path();
    boolean api = isApi(path);
    SecurityHeaders.apply(ctx, api);
    if (path.equals(HEALTH) && isRead(ctx.method())) {
      return;
    }
    String host = ctx.header("Host");
    if (!hosts.allows(host)) {
      refuse(ctx, api, 403, ErrorCode.PERMISSION_DENIED, "Host '" + host + "' is not allowed;"
          + " allowed hosts: " + String.join(", ", hosts.entries())
          + " (set them with --allowed-hosts)");
      return;
    }
    String origin = ctx.header("Origin");
    if (CorsPolicy.isPreflight(ctx)) {
      if (cors.allows(origin)) {
        cors.answerPreflight(ctx, origin);
        ctx.skipRemainingHandlers();
      } else {
        refuse(ctx, api, 403, ErrorCode.PERMISSION_DENIED, "Origin '" + origin
            + "' is not allowed by the CORS policy (set it with --cors-allowed-origins)");
      }
      return;
    }
    if (origin != null && !isRead(ctx.method()) && !sameOrigin(origin, host)) {
      String refusal = crossOriginWriteRefusal(ctx, origin);
      if (refusal != null) {
        refuse(ctx, api, 403, ErrorCode.PERMISSION_DENIED, refusal);
        return;
      }
    }
    if (origin != null && cors.allows(origin)) {
      cors.allowResponse(ctx, origin);
    }
    if (authenticator == null || isExempt(ctx, path)) {
      return;
    }
    try {
      User user = authenticator.authenticate(ctx.header("Authorization"));
      ctx.attribute(USER_ATTRIBUTE, user);
    } catch (Authenticator.Unauthenticated e) {
      if (ctx.header("Authorization") != null) {
        LOG.info("{} {} from {}: {}", ctx.method(), path, ctx.ip(), e.getMessage());
      }
      ctx.header("WWW-Authenticate", Authenticator.CHALLENGE);
      refuse(ctx, api, 401, ErrorCode.UNAUTHENTICATED, e.getMessage());
    }
  }

  /**
   * Why a write from another web origin is refused, or null to let it through. A page anywhere
   * can send a "simple" POST (a form, or fetch with a text/plain body) without a preflight, and
   * the browser adds the credentials it cached for this server: such a write is refused even
   * from an allowed origin. Every other write was preflighted, so the CORS policy decides.
   */
  private String crossOriginWriteRefusal(Context ctx, String origin) {
    if (!cors.allows(origin)) {
      return "Cross-origin " + ctx.method() + " from '" + origin
          + "' refused (allow the origin with --cors-allowed-origins)";
    }
    String type = ctx.contentType() == null ? ""
        : ctx.contentType().split(";")[0].trim().toLowerCase(Locale.ROOT);
    if (ctx.method() == HandlerType.POST && SIMPLE_CONTENT_TYPES.contains(type)) {
      return "Cross-origin POST with Content-Type '" + type + "' refused: a browser sends it"
          + " without a preflight; send application/json";
    }
    return null;
  }

  private boolean isExempt(Context ctx, String path) {
    return exemptArtifacts && path.startsWith(ARTIFACTS)
        && (ctx.method() == HandlerType.PUT || isRead(ctx.method()));
  }

  /** MLflow's JSON error on API paths, a line of text for the UI; nothing else runs. */
  private static void refuse(Context ctx, boolean api, int status, ErrorCode code,
      String message) {
    if (api) {
      ErrorResponses.write(ctx, status, code, message);
    } else {
      ctx.status(status).contentType("text/plain; charset=utf-8").result(message);
    }
    ctx.skipRemainingHandlers();
  }

  /** The REST API, OTLP and the plain-text endpoints; every other path belongs to the UI. */
  static boolean isApi(String path) {
    return path.startsWith("/api/") || path.startsWith("/ajax-api/") || path.startsWith("/v1/")
        || path.equals("/version") || path.equals(HEALTH);
  }

  private static boolean isRead(HandlerType method) {
    return method == HandlerType.GET || method == HandlerType.HEAD;
  }

  /** True if {@code origin} names the host the request was sent to (its own page). */
  private static boolean sameOrigin(String origin, String host) {
    URI uri;
    try {
      uri = URI.create(origin);
    } catch (IllegalArgumentException e) {
      return false;
    }
    HostAllowlist.HostAndPort own = host == null ? null : HostAllowlist.HostAndPort.parse(host);
    if (uri.getHost() == null || uri.getScheme() == null || own == null) {
      return false;
    }
    int defaultPort = uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    int originPort = uri.getPort() < 0 ? defaultPort : uri.getPort();
    int hostPort = own.port < 0 ? defaultPort : own.port;
    return uri.getHost().toLowerCase(Locale.ROOT).equals(own.host) && originPort == hostPort;
  }
}

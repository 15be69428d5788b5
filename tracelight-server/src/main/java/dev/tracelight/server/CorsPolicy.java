package dev.tracelight.server;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which other web origins may call this server from a browser. By default none: responses carry
 * no CORS headers, so browsers keep other sites from reading them. An allowed origin gets {@code
 * Access-Control-Allow-Origin} and its preflights answered; credentials cached by the browser are
 * never shared with it ({@code Access-Control-Allow-Credentials} is not sent), so a page of
 * another origin must bring its own token.
 */
final class CorsPolicy {
  static final String METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
  static final String HEADERS = "Authorization, Content-Type, Content-Encoding, "
      + OtlpTraceIngest.EXPERIMENT_HEADER;
  static final String MAX_AGE_SECONDS = "600";

  private final boolean anyOrigin;
  private final Set<String> origins;

  private CorsPolicy(boolean anyOrigin, Set<String> origins) {
    this.anyOrigin = anyOrigin;
    this.origins = origins;
  }

  /**
   * {@code *} allows every origin; otherwise each entry is an origin such as {@code
   * https://app.example.com:8443}.
   *
   * @throws IllegalArgumentException for an entry that is not an origin
   */
  static CorsPolicy create(List<String> allowedOrigins) {
    Set<String> normalized = new LinkedHashSet<>();
    for (String origin : allowedOrigins) {
      String o = origin.trim();
      if (o.equals("*")) {
        return new CorsPolicy(true, Set.of());
      }
      normalized.add(normalize(o));
    }
    return new CorsPolicy(false, Set.copyOf(normalized));
  }

  private static String normalize(String origin) {
    URI uri;
    try {
      uri = URI.create(origin);
    } catch (IllegalArgumentException e) {
      throw badOrigin(origin);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean bare = uri.getRawPath() == null || uri.getRawPath().isEmpty();
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !bare
        || uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
      throw badOrigin(origin);
    }
    return origin.toLowerCase(Locale.ROOT);
  }

  private static IllegalArgumentException badOrigin(String origin) {
    return new IllegalArgumentException("not a CORS origin (scheme://host[:port], or *): '"
        + origin + "'");
  }

  boolean allows(String origin) {
    return origin != null && (anyOrigin || origins.contains(origin.toLowerCase(Locale.ROOT)));
  }

  /** A CORS preflight: OPTIONS with an Origin and the method the page wants to use. */
  static boolean isPreflight(Context ctx) {
    return ctx.method() == HandlerType.OPTIONS && ctx.header("Origin") != null
        && ctx.header("Access-Control-Request-Method") != null;
  }

  /** Headers that let the browser hand an allowed origin this response. */
  void allowResponse(Context ctx, String origin) {
    ctx.header("Access-Control-Allow-Origin", anyOrigin ? "*" : origin);
    ctx.header("Vary", "Origin");
  }

  /** Answers an allowed origin's preflight. */
  void answerPreflight(Context ctx, String origin) {
    allowResponse(ctx, origin);
    ctx.header("Access-Control-Allow-Methods", METHODS);
    ctx.header("Access-Control-Allow-Headers", HEADERS);
    ctx.header("Access-Control-Max-Age", MAX_AGE_SECONDS);
    ctx.status(204);
  }
}

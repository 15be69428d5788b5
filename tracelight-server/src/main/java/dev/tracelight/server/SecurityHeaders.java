package dev.tracelight.server;

import io.javalin.http.Context;

/**
 * Headers every response carries, whatever the configuration. The policy fits the UI: scripts,
 * styles, images and requests from this origin only, no inline script or style attribute, no
 * plugins, and no framing by any page (against clickjacking).
 */
final class SecurityHeaders {
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self';"
      + " style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none';"
      + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private SecurityHeaders() {}

  /** Sets the headers; {@code api} responses are also kept out of every cache. */
  static void apply(Context ctx, boolean api) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("Referrer-Policy", "no-referrer");
    if (api) {
      ctx.header("Cache-Control", "no-store");
    }
  }
}

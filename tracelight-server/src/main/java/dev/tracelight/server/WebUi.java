package dev.tracelight.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web UI: ES modules and stylesheets from the classpath folder {@code /ui}, with {@code
 * index.html} answering {@code /} and client-side routes.
 *
 * <p>Every file is served under {@code /assets/<fingerprint>/<file>}, the fingerprint taken from
 * the whole folder's content at start ({@link UiFiles}), and cached for a year as immutable: a new
 * UI is a new fingerprint, so a browser never revalidates a module. {@code index.html} is the one
 * entry point, always revalidated ({@code no-cache}, a hash of its content as its ETag), and points
 * its module script, preloads and stylesheets at the current fingerprint; the modules' relative
 * imports ({@code ./dom.js}) then resolve under it too. A request for another fingerprint is a
 * 404, not the current files: a page from an older server would otherwise mix its modules with
 * new ones; reloading it fetches the current {@code index.html}. The unfingerprinted paths
 * ({@code /app.js}) still answer, revalidated on every use.
 */
final class WebUi {
  static final String CLASSPATH_DIR = "/ui";
  static final String ASSETS = "/assets/";
  static final String NO_CACHE = "no-cache";
  /**
   * A year, never revalidated. With authentication on, {@code private}: {@code public} would let
   * a shared cache answer other people's requests with a response it got with credentials.
   */
  static final String IMMUTABLE = "max-age=31536000, immutable";

  /** A same-origin URL in a {@code href} or {@code src} attribute of {@code index.html}. */
  private static final Pattern LOCAL_URL = Pattern.compile("(href|src)=\"/([^\"?#]+)\"");

  private WebUi() {}

  static void register(JavalinConfig c, boolean auth) {
    UiFiles ui = UiFiles.fromClasspath(CLASSPATH_DIR);
    String prefix = ASSETS + ui.fingerprint() + "/";
    byte[] index = rewriteIndex(
        new String(ui.files().get(UiFiles.INDEX), StandardCharsets.UTF_8), ui, prefix)
        .getBytes(StandardCharsets.UTF_8);
    String etag = "\"" + UiFiles.fingerprint(new TreeMap<>(Map.of(UiFiles.INDEX, index))) + "\"";
    String immutable = (auth ? "private, " : "public, ") + IMMUTABLE;

    c.staticFiles.add(files -> {
      files.hostedPath = "/";
      files.directory = CLASSPATH_DIR;
      files.location = Location.CLASSPATH;
      files.headers = Map.of("Cache-Control", NO_CACHE, "X-Content-Type-Options", "nosniff");
    });
    c.routes.get(ASSETS + "{fingerprint}/<file>", ctx -> {
      byte[] bytes = ui.files().get(ctx.pathParam("file"));
      if (!ctx.pathParam("fingerprint").equals(ui.fingerprint()) || bytes == null) {
        ctx.status(404).header("Cache-Control", NO_CACHE)
            .contentType("text/plain; charset=utf-8")
            .result("No UI file " + ctx.path() + ": this server's UI is under " + prefix
                + " (reload the page)");
        return;
      }
      ctx.header("Cache-Control", immutable).contentType(contentType(ctx.pathParam("file")))
          .result(bytes);
    });
    c.routes.get("/", ctx -> serveIndex(ctx, index, etag));
    c.routes.get("/" + UiFiles.INDEX, ctx -> serveIndex(ctx, index, etag));
    c.spaRoot.addHandler("/", ctx -> serveIndex(ctx, index, etag));
  }

  /** Points every same-origin UI file {@code index.html} names at {@code prefix}. */
  static String rewriteIndex(String html, UiFiles ui, String prefix) {
    Matcher m = LOCAL_URL.matcher(html);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String file = m.group(2);
      String url = ui.files().containsKey(file) ? prefix + file : "/" + file;
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + "=\"" + url + "\""));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The rewritten {@code index.html}, revalidated every time; 304 while the UI is unchanged. */
  private static void serveIndex(Context ctx, byte[] index, String etag) {
    ctx.header("Cache-Control", NO_CACHE).header("ETag", etag);
    String ifNoneMatch = ctx.header("If-None-Match");
    if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*"))) {
      ctx.status(304);
      return;
    }
    ctx.contentType("text/html; charset=utf-8").result(index);
  }

  static String contentType(String file) {
    String extension = file.substring(file.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return switch (extension) {
      case "js", "mjs" -> "text/javascript; charset=utf-8";
      case "css" -> "text/css; charset=utf-8";
      case "html" -> "text/html; charset=utf-8";
      case "json" -> "application/json";
      case "svg" -> "image/svg+xml";
      case "png" -> "image/png";
      case "ico" -> "image/x-icon";
      case "woff2" -> "font/woff2";
      default -> "application/octet-stream";
    };
  }
}

package dev.tracelight.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.util.Map;

/**
 * The web UI: static ES modules from the classpath folder {@code /ui}, with {@code index.html}
 * answering client-side routes. Assets are not fingerprinted, so every response is revalidated.
 */
final class WebUi {
  static final String CLASSPATH_DIR = "/ui";

  private WebUi() {}

  static void register(JavalinConfig c) {
    c.staticFiles.add(files -> {
      files.hostedPath = "/";
      files.directory = CLASSPATH_DIR;
      files.location = Location.CLASSPATH;
      files.headers = Map.of("Cache-Control", "no-cache", "X-Content-Type-Options", "nosniff");
    });
    c.spaRoot.addFile("/", CLASSPATH_DIR + "/index.html", Location.CLASSPATH);
  }
}

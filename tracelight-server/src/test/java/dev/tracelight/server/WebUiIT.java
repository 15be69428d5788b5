package dev.tracelight.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebUiIT {
  @TempDir static Path dir;
  static TracelightServer server;
  static TestHttp http;

  @BeforeAll
  static void start() {
    server = TracelightServer.start(TracelightServerConfig.builder()
        .setPort(0).setBackendStoreUri("sqlite:///" + dir.resolve("ui.db")).build());
    http = new TestHttp(server.url());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Where index.html points the UI's files: {@code /assets/<fingerprint>/}. */
  static String assets() {
    return WebUi.ASSETS + UiFiles.fromClasspath(WebUi.CLASSPATH_DIR).fingerprint() + "/";
  }

  @Test
  void root_servesIndexHtmlLoadingTheFingerprintedAppModule_revalidated() {
    TestHttp.Response r = http.get("/");
    assertThat(r.status).isEqualTo(200);
    assertThat(r.contentType()).startsWith("text/html");
    assertThat(r.body)
        .contains("<script type=\"module\" src=\"" + assets() + "app.js\"></script>");
    assertThat(header(r, "Cache-Control")).isEqualTo("no-cache");
    assertThat(header(r, "Content-Security-Policy"))
        .isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
  }

  @Test
  void indexHtml_unchanged_revalidatesTo304() {
    String etag = header(http.get("/"), "ETag");
    assertThat(etag).isNotEmpty();

    TestHttp.Response again = http.send(HttpRequest.newBuilder(http.uri("/"))
        .header("If-None-Match", etag).build());

    assertThat(again.status).isEqualTo(304);
    assertThat(again.body).isEmpty();
  }

  @Test
  void indexHtml_referencesOnlyFingerprintedAssets_servedImmutable() {
    String index = http.get("/").body;
    Matcher m = Pattern.compile("(?:href|src)=\"(/[^\"]*)\"").matcher(index);
    List<String> urls = new ArrayList<>();
    while (m.find()) {
      urls.add(m.group(1));
    }
    assertThat(urls).as("module script, 25 preloads, 5 stylesheets").hasSizeGreaterThan(30)
        .allSatisfy(url -> assertThat(url).startsWith(assets()));
    for (String url : urls) {
      TestHttp.Response r = http.get(url);
      assertThat(r.status).as(url).isEqualTo(200);
      assertThat(header(r, "Cache-Control")).as(url)
          .isEqualTo("public, max-age=31536000, immutable");
      assertThat(header(r, "X-Content-Type-Options")).as(url).isEqualTo("nosniff");
      assertThat(header(r, "Content-Security-Policy")).as(url)
          .isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
      assertThat(r.contentType()).as(url)
          .isEqualTo(url.endsWith(".css") ? "text/css; charset=utf-8"
              : "text/javascript; charset=utf-8");
      assertThat(r.body).as(url).isEqualTo(http.get(url.substring(assets().length() - 1)).body);
    }
  }

  @Test
  void relativeImports_resolveUnderTheFingerprint() throws IOException {
    // What the browser does with `import ... from './dom.js'` in /assets/<fp>/app.js.
    Pattern importFrom = Pattern.compile("from '([^']+)'");
    int imports = 0;
    for (String module : modules()) {
      URI base = URI.create(server.url() + assets() + module);
      Matcher m = importFrom.matcher(http.get(assets() + module).body);
      while (m.find()) {
        URI resolved = base.resolve(m.group(1));
        assertThat(resolved.getPath()).as(module + " imports " + m.group(1))
            .startsWith(assets());
        TestHttp.Response r = http.get(resolved.getPath());
        assertThat(r.status).as(resolved.toString()).isEqualTo(200);
        assertThat(header(r, "Cache-Control")).contains("immutable");
        imports++;
      }
    }
    assertThat(imports).isGreaterThan(20);
  }

  @Test
  void anotherFingerprint_isNotFound_notTheCurrentFiles() {
    for (String path : new String[] {"/assets/000000000000/app.js", "/assets/old/style.css",
        assets() + "missing.js", assets() + "../app.js"}) {
      TestHttp.Response r = http.get(path);
      assertThat(r.status).as(path).isEqualTo(404);
      assertThat(header(r, "Cache-Control")).as(path).isEqualTo("no-cache");
      assertThat(r.body).as(path).doesNotContain("import");
    }
  }

  @Test
  void unfingerprintedModule_stillServed_revalidated() {
    TestHttp.Response r = http.get("/app.js");
    assertThat(r.status).isEqualTo(200);
    assertThat(r.contentType()).matches("(text|application)/javascript.*");
    assertThat(header(r, "Cache-Control")).isEqualTo("no-cache");
  }

  private static String header(TestHttp.Response r, String name) {
    return r.raw.headers().firstValue(name).orElse("");
  }

  @Test
  void assets_servedWithTheirContentTypes() {
    for (String module : new String[] {"/app.js", "/api.js", "/dom.js", "/experiments.js",
        "/traces.js", "/trace.js"}) {
      TestHttp.Response js = http.get(module);
      assertThat(js.status).as(module).isEqualTo(200);
      assertThat(js.contentType()).as(module).matches("(text|application)/javascript.*");
    }
    TestHttp.Response css = http.get("/style.css");
    assertThat(css.contentType()).startsWith("text/css");
    assertThat(css.body).contains("prefers-color-scheme: dark");
  }

  @Test
  void uiRenders_dataAsTextOnly() throws IOException {
    // Trace content is untrusted: no module may hand data to an HTML parser.
    for (String module : modules()) {
      assertThat(http.get("/" + module).body).as(module)
          .doesNotContain("innerHTML").doesNotContain("outerHTML")
          .doesNotContain("insertAdjacentHTML").doesNotContain("document.write")
          .doesNotContain("DOMParser").doesNotContain("createContextualFragment");
    }
  }

  @Test
  void everyModule_isPreloadedByIndexHtml_andServed() throws IOException {
    String index = http.get("/").body;
    for (String module : modules()) {
      if (!module.equals("app.js")) {
        assertThat(index).as("index.html preloads " + module)
            .contains("<link rel=\"modulepreload\" href=\"" + assets() + module + "\">");
      }
      assertThat(http.get(assets() + module).status).as(module).isEqualTo(200);
    }
  }

  /** The UI's modules, from the sources this module serves. */
  private static List<String> modules() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/ui"))) {
      List<String> names = files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".js")).sorted().toList();
      assertThat(names).contains("app.js", "dom.js", "trace.js");
      return names;
    }
  }

  @Test
  void clientRoute_fallsBackToIndexHtml() {
    TestHttp.Response r = http.get("/experiments/1");
    assertThat(r.status).isEqualTo(200);
    assertThat(r.body).contains("<title>Tracelight</title>")
        .contains("src=\"" + assets() + "app.js\"");
    assertThat(header(r, "Cache-Control")).isEqualTo("no-cache");
  }

  @Test
  void versionAndHealth_plainText() {
    TestHttp.Response version = http.get("/version");
    assertThat(version.body).isEqualTo("3.5.0");
    assertThat(version.contentType()).startsWith("text/plain");
    assertThat(http.get("/health").body).isEqualTo("OK");
  }
}

package dev.tracelight.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  @Test
  void root_servesIndexHtmlLoadingTheAppModule() {
    TestHttp.Response r = http.get("/");
    assertThat(r.status).isEqualTo(200);
    assertThat(r.contentType()).startsWith("text/html");
    assertThat(r.body).contains("<script type=\"module\" src=\"/app.js\"></script>");
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
            .contains("<link rel=\"modulepreload\" href=\"/" + module + "\">");
      }
      assertThat(http.get("/" + module).status).as(module).isEqualTo(200);
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
    assertThat(r.body).contains("<title>Tracelight</title>");
  }

  @Test
  void versionAndHealth_plainText() {
    TestHttp.Response version = http.get("/version");
    assertThat(version.body).isEqualTo("3.5.0");
    assertThat(version.contentType()).startsWith("text/plain");
    assertThat(http.get("/health").body).isEqualTo("OK");
  }
}

package dev.tracelight.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
  void uiRenders_dataAsTextOnly() {
    // Trace content is untrusted: no module may hand data to an HTML parser.
    for (String module : new String[] {"/app.js", "/dom.js", "/experiments.js", "/traces.js",
        "/trace.js"}) {
      assertThat(http.get(module).body).as(module)
          .doesNotContain("innerHTML").doesNotContain("outerHTML")
          .doesNotContain("insertAdjacentHTML").doesNotContain("document.write");
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

package dev.tracelight.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelight.store.Storage;
import dev.tracelight.store.StorageFactory;
import dev.tracelight.testkit.HeadlessChromium;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The web UI in headless Chromium against a server with {@code --auth}: without credentials the
 * browser is challenged and gets no UI; with them (given in the URL, as a person answers the
 * login prompt) the page loads and its API calls carry the credentials the browser cached, under
 * the server's Content-Security-Policy, with no console error.
 */
class WebUiAuthBrowserIT {
  static final String USER = "alice";
  static final String PASSWORD = "alice has a long password";
  static final String EXPERIMENT = "ui-auth";

  @TempDir static Path dir;
  static TracelightServer server;
  static HeadlessChromium chromium;
  static String experimentId;
  static String traceId;

  @BeforeAll
  static void start() throws IOException {
    String uri = "sqlite:///" + dir.resolve("ui-auth.db");
    try (Storage storage = StorageFactory.open(uri)) {
      storage.users().createUser(USER, PASSWORD.toCharArray());
    }
    server = TracelightServer.start(TracelightServerConfig.builder()
        .setPort(0).setBackendStoreUri(uri).setAuth(true).build());
    TestHttp http = new TestHttp(server.url());
    String basic = RouteFamilies.basic(USER, PASSWORD);
    TestHttp.Response created = http.send(HttpRequest.newBuilder(
            http.uri("/api/2.0/mlflow/experiments/create"))
        .header("Authorization", basic).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"" + EXPERIMENT + "\"}")).build());
    assertThat(created.status).as(created.toString()).isEqualTo(200);
    experimentId = created.json().get("experiment_id").asText();
    OtlpTestRequests otlp = new OtlpTestRequests();
    traceId = otlp.mlflowTraceId();
    TestHttp.Response exported = http.send(HttpRequest.newBuilder(http.uri(OtlpTraceIngest.PATH))
        .header("Authorization", basic).header("Content-Type", OtlpTraceIngest.PROTOBUF)
        .header(OtlpTraceIngest.EXPERIMENT_HEADER, experimentId)
        .POST(HttpRequest.BodyPublishers.ofByteArray(otlp.rootAndChild().toByteArray())).build());
    assertThat(exported.status).as(exported.toString()).isEqualTo(200);
    chromium = HeadlessChromium.start(Files.createDirectory(dir.resolve("chromium-profile")));
  }

  @AfterAll
  static void stop() {
    try {
      if (chromium != null) {
        chromium.close();
      }
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  /** The server's URL with credentials, as the browser sends them after its login prompt. */
  static String withCredentials(String password) {
    return server.url().replace("http://", "http://" + USER + ":"
        + URLEncoder.encode(password, StandardCharsets.UTF_8).replace("+", "%20") + "@");
  }

  @Test
  void challengedWithoutCredentials_thenSignedIn_theUiAndItsApiCallsWork() {
    // One story in one browser: Chromium keeps the credentials it was given for the session.
    chromium.takeConsoleErrors();
    chromium.open(server.url() + "/");
    assertThat(chromium.driver.findElements(By.cssSelector("main a"))).isEmpty();
    assertThat(chromium.takeConsoleErrors()).singleElement().asString().contains("401");

    chromium.open(withCredentials(PASSWORD + " but wrong") + "/");
    assertThat(chromium.driver.findElements(By.cssSelector("main a"))).isEmpty();
    assertThat(chromium.takeConsoleErrors()).singleElement().asString().contains("401");

    chromium.open(withCredentials(PASSWORD) + "/");
    chromium.visible(By.cssSelector("main a[href='#/experiments/" + experimentId + "']")).click();
    chromium.visible(By.cssSelector("main a[href='#/traces/" + traceId + "']")).click();
    chromium.await("the trace page", d -> d.findElement(By.tagName("h1")).getText()
        .equals("agent"));
    assertThat(chromium.driver.findElements(By.cssSelector("[role=treeitem] .name")))
        .extracting(e -> e.getText()).containsExactly("agent", "Messages.create");
    assertThat(chromium.takeConsoleErrors()).isEmpty();

    // A shared link opened later in the same session: the cached credentials go along.
    chromium.open(server.url() + "/#/traces/" + traceId);
    chromium.await("the trace page from a fresh load", d -> d.findElement(By.tagName("h1"))
        .getText().equals("agent"));
    List<String> errors = chromium.takeConsoleErrors();
    assertThat(errors).isEmpty();
  }
}

package dev.tracelight.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelight.store.Storage;
import dev.tracelight.store.StorageFactory;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The UI's files with {@code --auth}: fingerprinted or not, behind credentials like the rest. */
class WebUiAuthIT {
  static final String USER = "ada";
  static final String PASSWORD = "correct horse battery";

  @TempDir static Path dir;
  static TracelightServer server;
  static TestHttp http;

  @BeforeAll
  static void start() {
    String uri = "sqlite:///" + dir.resolve("ui-auth.db");
    try (Storage storage = StorageFactory.open(uri)) {
      storage.users().createUser(USER, PASSWORD.toCharArray());
    }
    server = TracelightServer.start(TracelightServerConfig.builder()
        .setPort(0).setBackendStoreUri(uri).setAuth(true).build());
    http = new TestHttp(server.url());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static TestHttp.Response get(String path, boolean credentials) {
    HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(path));
    if (credentials) {
      request.header("Authorization", RouteFamilies.basic(USER, PASSWORD));
    }
    return http.send(request.build());
  }

  @Test
  void withoutCredentials_indexAndAssets_401() {
    for (String path : new String[] {"/", "/experiments/1", WebUiIT.assets() + "app.js",
        "/app.js", "/assets/000000000000/app.js"}) {
      assertThat(get(path, false).status).as(path).isEqualTo(401);
    }
  }

  @Test
  void withCredentials_fingerprintedAsset_cachedPrivatelyOnly() {
    // A shared cache may store a response to a request with credentials only if it says
    // public; private keeps it to the user's own browser.
    TestHttp.Response r = get(WebUiIT.assets() + "app.js", true);

    assertThat(r.status).isEqualTo(200);
    assertThat(r.raw.headers().firstValue("Cache-Control"))
        .hasValue("private, max-age=31536000, immutable");
    assertThat(get("/", true).body).contains("src=\"" + WebUiIT.assets() + "app.js\"");
  }
}

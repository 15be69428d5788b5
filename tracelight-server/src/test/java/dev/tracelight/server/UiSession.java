package dev.tracelight.server;

import dev.tracelight.testkit.HeadlessChromium;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What every UI browser test class runs against: a real server on loopback with a fresh SQLite
 * file, and headless Chromium with a fresh profile, both started before the class's own
 * {@code @BeforeAll} and stopped after its last test; the browser console is drained before each
 * test so each one can require it to stay free of errors.
 *
 * <pre>{@code @RegisterExtension static final UiSession ui = new UiSession();}</pre>
 */
final class UiSession implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
  private Path dir;
  private TracelightServer server;
  private TestHttp http;
  private HeadlessChromium chromium;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    dir = Files.createTempDirectory("tracelight-ui-");
    server = TracelightServer.start(TracelightServerConfig.builder()
        .setPort(0).setBackendStoreUri("sqlite:///" + dir.resolve("ui.db")).build());
    http = new TestHttp(server.url());
    chromium = HeadlessChromium.start(Files.createDirectory(dir.resolve("chromium-profile")));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    chromium.takeConsoleErrors();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    try {
      if (chromium != null) {
        chromium.close();
      }
    } finally {
      if (server != null) {
        server.close();
      }
      deleteRecursively(dir);
    }
  }

  TracelightServer server() {
    return server;
  }

  TestHttp http() {
    return http;
  }

  HeadlessChromium chromium() {
    return chromium;
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}

package dev.tracelight.server;

import dev.tracelight.store.Storage;
import dev.tracelight.store.StorageFactory;
import dev.tracelight.store.UserStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The authentication kit against a server with {@code --auth} on a real SQLite file. */
class SqliteAuthIT extends AuthFlowKit {
  @TempDir static Path dir;
  static Storage admin;
  static TracelightServer server;

  @BeforeAll
  static void start() {
    admin = StorageFactory.open(uri("auth.db"));
    admin.users().createUser(USER, PASSWORD.toCharArray());
    server = TracelightServer.start(TracelightServerConfig.builder()
        .setPort(0).setBackendStoreUri(uri("auth.db")).setAuth(true).build());
  }

  @AfterAll
  static void stop() {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      admin.close();
    }
  }

  static String uri(String file) {
    return "sqlite:///" + dir.resolve(file);
  }

  @Override
  TracelightServer server() {
    return server;
  }

  @Override
  UserStore users() {
    return admin.users();
  }

  @Override
  String emptyStoreUri() {
    return uri("empty.db");
  }

  @Override
  String storeUri() {
    return uri("auth.db");
  }
}

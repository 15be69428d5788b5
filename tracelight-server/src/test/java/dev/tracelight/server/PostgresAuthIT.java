package dev.tracelight.server;

import dev.tracelight.store.Storage;
import dev.tracelight.store.StorageFactory;
import dev.tracelight.store.UserStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The authentication kit against a server with {@code --auth} on the local PostgreSQL, in fresh
 * schemas dropped afterwards. Fails, never skips, when PostgreSQL is down.
 */
class PostgresAuthIT extends AuthFlowKit {
  static final String DATABASE = PostgresTracingFlowIT.DATABASE;
  static final String SCHEMA = schemaName();
  static final String EMPTY_SCHEMA = schemaName();
  static Storage admin;
  static TracelightServer server;

  @BeforeAll
  static void start() throws Exception {
    execute("CREATE SCHEMA " + SCHEMA);
    execute("CREATE SCHEMA " + EMPTY_SCHEMA);
    admin = StorageFactory.open(uri(SCHEMA));
    admin.users().createUser(USER, PASSWORD.toCharArray());
    server = TracelightServer.start(TracelightServerConfig.builder()
        .setPort(0).setBackendStoreUri(uri(SCHEMA)).setAuth(true).build());
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (server != null) {
        server.close();
      }
      if (admin != null) {
        admin.close();
      }
    } finally {
      execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      execute("DROP SCHEMA IF EXISTS " + EMPTY_SCHEMA + " CASCADE");
    }
  }

  private static String schemaName() {
    return "tl_auth_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  private static String uri(String schema) {
    return DATABASE + "&currentSchema=" + schema;
  }

  private static void execute(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(DATABASE); Statement s = c.createStatement()) {
      s.execute(sql);
    }
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
    return uri(EMPTY_SCHEMA);
  }

  @Override
  String storeUri() {
    return uri(SCHEMA);
  }
}

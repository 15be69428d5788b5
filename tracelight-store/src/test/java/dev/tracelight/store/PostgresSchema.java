package dev.tracelight.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** A fresh schema in the local PostgreSQL test database, dropped with everything in it on close. */
final class PostgresSchema implements AutoCloseable {
  static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  final String name;

  private PostgresSchema(String name) {
    this.name = name;
  }

  static PostgresSchema create() throws SQLException {
    String name = "tl_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    execute("CREATE SCHEMA " + name);
    return new PostgresSchema(name);
  }

  /** A store URI confined to this schema. */
  String storeUri() {
    return SERVER + "&currentSchema=" + name;
  }

  @Override
  public void close() throws SQLException {
    execute("DROP SCHEMA " + name + " CASCADE");
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}

package dev.tracelight.store;

/** What differs between the SQL backends; the queries themselves are shared. */
enum SqlDialect {
  SQLITE("classpath:db/migration/sqlite", "", true),
  POSTGRESQL("classpath:db/migration/postgresql", " FOR UPDATE", false);

  /** Flyway location of this dialect's versioned schema files. */
  final String migrations;
  /** Suffix that row-locks a SELECT inside a write transaction. */
  final String forUpdate;
  /** SQLite allows one writer at a time: the store serializes writes itself. */
  final boolean singleWriter;

  SqlDialect(String migrations, String forUpdate, boolean singleWriter) {
    this.migrations = migrations;
    this.forUpdate = forUpdate;
    this.singleWriter = singleWriter;
  }
}

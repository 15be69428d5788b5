package dev.tracelight.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/** Connections and transactions for one SQL backend. */
final class Database implements AutoCloseable {

  /** One unit of work on a connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  final SqlDialect dialect;
  private final HikariDataSource dataSource;
  // SQLite has one writer per file; queuing writers here beats spinning on SQLITE_BUSY.
  private final ReentrantLock writeLock = new ReentrantLock(true);

  Database(HikariDataSource dataSource, SqlDialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
  }

  /** Runs {@code work} in a transaction that commits before returning. */
  <T> T write(Work<T> work) {
    if (!dialect.singleWriter) {
      return transaction(work);
    }
    writeLock.lock();
    try {
      return transaction(work);
    } finally {
      writeLock.unlock();
    }
  }

  /** Runs {@code work} in a read-only transaction, so multi-query reads see one snapshot. */
  <T> T read(Work<T> work) {
    return transaction(work);
  }

  private <T> T transaction(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("database error: " + e.getMessage(), e);
    }
  }

  /** True if {@code e} is a unique or primary key violation, in either dialect. */
  static boolean isUniqueViolation(SQLException e) {
    String state = e.getSQLState();
    // PostgreSQL reports 23505; sqlite-jdbc reports the SQLite result code 19 (constraint).
    return "23505".equals(state) || e.getErrorCode() == 19;
  }

  @Override
  public void close() {
    dataSource.close();
  }
}

package dev.tracelight.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.flywaydb.core.Flyway;

/** Opens a {@link Storage} from a backend store URI and brings its schema up to date. */
public final class StorageFactory {
  private StorageFactory() {}

  /**
   * Opens the store at {@code uri}: {@code sqlite:///relative/path.db} (relative to the working
   * directory), {@code sqlite:////absolute/path.db}, {@code
   * postgresql://[user[:password]@]host[:port]/db[?params]}, {@code postgres://...}, or a {@code
   * jdbc:sqlite:} / {@code jdbc:postgresql:} URL. Runs pending migrations before returning.
   *
   * @throws IllegalArgumentException for a malformed or unsupported URI
   */
  public static Storage open(String uri) {
    StoreUri parsed = StoreUri.parse(uri);
    HikariDataSource dataSource = new HikariDataSource(hikariConfig(parsed));
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations(parsed.dialect.migrations)
          .load()
          .migrate();
      return new SqlStorage(new Database(dataSource, parsed.dialect));
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  private static HikariConfig hikariConfig(StoreUri uri) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(uri.jdbcUrl);
    config.setPoolName("tracelight-" + uri.dialect.name().toLowerCase(java.util.Locale.ROOT));
    if (uri.dialect == SqlDialect.SQLITE) {
      createParentDirectory(uri);
      config.addDataSourceProperty("journal_mode", "WAL");
      config.addDataSourceProperty("synchronous", "NORMAL");
      config.addDataSourceProperty("foreign_keys", "true");
      config.addDataSourceProperty("busy_timeout", "10000");
      config.setMaximumPoolSize(4);
    } else {
      if (uri.user != null) {
        config.setUsername(uri.user);
      }
      if (uri.password != null) {
        config.setPassword(uri.password);
      }
      config.setMaximumPoolSize(10);
    }
    return config;
  }

  private static void createParentDirectory(StoreUri uri) {
    try {
      if (uri.sqlitePath.getParent() != null) {
        Files.createDirectories(uri.sqlitePath.getParent());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create directory for " + uri.sqlitePath, e);
    }
  }
}

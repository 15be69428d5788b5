package dev.tracelight.store;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A backend store URI, parsed: {@code sqlite:///relative.db}, {@code sqlite:////absolute.db},
 * {@code postgresql://[user[:password]@]host[:port]/db[?params]} (also {@code postgres://} and
 * SQLAlchemy's {@code postgresql+driver://}), or a plain {@code jdbc:sqlite:} / {@code
 * jdbc:postgresql:} URL.
 */
final class StoreUri {
  final SqlDialect dialect;
  final String jdbcUrl;
  final String user;
  final String password;
  /** The database file, for SQLite only. */
  final Path sqlitePath;

  private StoreUri(SqlDialect dialect, String jdbcUrl, String user, String password, Path path) {
    this.dialect = dialect;
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
    this.sqlitePath = path;
  }

  static StoreUri parse(String uri) {
    if (uri == null || uri.isBlank()) {
      throw new IllegalArgumentException("store URI is empty");
    }
    String u = uri.trim();
    if (u.startsWith("sqlite://")) {
      // Like SQLAlchemy: what follows "sqlite:///" is the path, so a fourth slash makes it absolute.
      String path = u.substring("sqlite:///".length() - 1);
      if (!path.startsWith("/") || path.length() < 2) {
        throw new IllegalArgumentException("expected sqlite:///path.db, got " + uri);
      }
      return sqlite(Path.of(path.substring(1)));
    }
    if (u.startsWith("jdbc:sqlite:")) {
      return sqlite(Path.of(u.substring("jdbc:sqlite:".length())));
    }
    if (u.startsWith("jdbc:postgresql:")) {
      return new StoreUri(SqlDialect.POSTGRESQL, u, null, null, null);
    }
    int scheme = u.indexOf("://");
    String prefix = scheme < 0 ? "" : u.substring(0, scheme);
    if (prefix.equals("postgres") || prefix.equals("postgresql")
        || prefix.startsWith("postgresql+")) {
      return postgres(u.substring(scheme + 3), uri);
    }
    throw new IllegalArgumentException(
        "unsupported store URI (use sqlite:///file.db or postgresql://host/db): " + uri);
  }

  private static StoreUri sqlite(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    return new StoreUri(SqlDialect.SQLITE, "jdbc:sqlite:" + absolute, null, null, absolute);
  }

  private static StoreUri postgres(String rest, String original) {
    String user = null;
    String password = null;
    int at = rest.lastIndexOf('@', firstOf(rest, '/', '?'));
    if (at >= 0) {
      String userInfo = rest.substring(0, at);
      rest = rest.substring(at + 1);
      int colon = userInfo.indexOf(':');
      user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
    }
    if (rest.isEmpty() || rest.startsWith("/")) {
      throw new IllegalArgumentException("PostgreSQL URI needs a host: " + original);
    }
    if (!rest.contains("/")) {
      throw new IllegalArgumentException("PostgreSQL URI needs a database name: " + original);
    }
    return new StoreUri(SqlDialect.POSTGRESQL, "jdbc:postgresql://" + rest, user, password, null);
  }

  private static int firstOf(String s, char a, char b) {
    int i = s.indexOf(a);
    int j = s.indexOf(b);
    if (i < 0) {
      return j < 0 ? s.length() : j;
    }
    return j < 0 ? i : Math.min(i, j);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}

package dev.tracelight.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StoreUriTest {

  @Test
  void sqlite_threeSlashes_isRelativeToWorkingDirectory() {
    StoreUri uri = StoreUri.parse("sqlite:///data/tracelight.db");
    assertThat(uri.dialect).isEqualTo(SqlDialect.SQLITE);
    assertThat(uri.sqlitePath).isEqualTo(Path.of("data/tracelight.db").toAbsolutePath());
    assertThat(uri.jdbcUrl).isEqualTo("jdbc:sqlite:" + uri.sqlitePath);
  }

  @Test
  void sqlite_fourSlashes_isAbsolute() {
    assertThat(StoreUri.parse("sqlite:////var/lib/t.db").sqlitePath).isEqualTo(Path.of("/var/lib/t.db"));
  }

  @Test
  void postgres_userPasswordHostPortDbParams() {
    StoreUri uri = StoreUri.parse("postgresql://bob:p%40ss@db.local:6543/traces?sslmode=require");
    assertThat(uri.dialect).isEqualTo(SqlDialect.POSTGRESQL);
    assertThat(uri.jdbcUrl).isEqualTo("jdbc:postgresql://db.local:6543/traces?sslmode=require");
    assertThat(uri.user).isEqualTo("bob");
    assertThat(uri.password).isEqualTo("p@ss");
  }

  @Test
  void postgres_aliasesAndJdbc() {
    assertThat(StoreUri.parse("postgres://h/db").jdbcUrl).isEqualTo("jdbc:postgresql://h/db");
    assertThat(StoreUri.parse("postgresql+psycopg2://u@h/db").user).isEqualTo("u");
    assertThat(StoreUri.parse("jdbc:postgresql://h/db?user=x").jdbcUrl)
        .isEqualTo("jdbc:postgresql://h/db?user=x");
  }

  @Test
  void unsupportedOrMalformed_rejected() {
    assertThatThrownBy(() -> StoreUri.parse("mysql://h/db"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsupported");
    assertThatThrownBy(() -> StoreUri.parse("postgresql://h"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("database");
    assertThatThrownBy(() -> StoreUri.parse("sqlite://"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

package dev.tracelight.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store kits on a real SQLite file. */
class SqliteStorageIT {
  @TempDir static Path dir;
  static Storage storage;

  @BeforeAll
  static void open() {
    storage = StorageFactory.open("sqlite:///" + dir.resolve("nested/dir/store.db"));
  }

  @AfterAll
  static void close() {
    storage.close();
  }

  @Test
  void opensFileInWalMode_andReopensWithoutRemigrating() throws Exception {
    Path file = dir.resolve("nested/dir/store.db");
    assertThat(file).exists();
    assertThat(Files.exists(dir.resolve("nested/dir/store.db-wal"))).isTrue();
    try (Storage again = StorageFactory.open("jdbc:sqlite:" + file)) {
      assertThat(again.experiments().experiment("0")).isPresent();
    }
  }

  @Nested
  class Experiments extends ExperimentStoreKit {
    @Override
    Storage storage() {
      return storage;
    }
  }

  @Nested
  class Traces extends TraceStoreKit {
    @Override
    Storage storage() {
      return storage;
    }
  }

  @Nested
  class Deletion extends TraceDeletionKit {
    @Override
    Storage storage() {
      return storage;
    }
  }

  @Nested
  class Tags extends TraceTagKit {
    @Override
    Storage storage() {
      return storage;
    }
  }

  @Nested
  class Assessments extends AssessmentStoreKit {
    @Override
    Storage storage() {
      return storage;
    }
  }

  @Nested
  class Search extends TraceSearchKit {
    @Override
    Storage storage() {
      return storage;
    }
  }

  @Nested
  class SearchPlans extends TraceSearchPlanKit {
    @Override
    Storage storage() {
      return storage;
    }

    @Override
    SqlDialect dialect() {
      return SqlDialect.SQLITE;
    }

    @Override
    Connection connect() throws SQLException {
      return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("nested/dir/store.db"));
    }
  }

  @Nested
  class ExperimentLifecycle extends ExperimentLifecycleKit {
    @Override
    Storage storage() {
      return storage;
    }
  }

  @Nested
  class ExperimentSearch extends ExperimentSearchKit {
    @Override
    Storage storage() {
      return storage;
    }
  }

  @Nested
  class Links extends TraceLinksKit {
    @Override
    Storage storage() {
      return storage;
    }
  }

  @Nested
  class Users extends UserStoreKit {
    @Override
    Storage storage() {
      return storage;
    }
  }

  @Nested
  class Costs extends TraceCostKit {
    @Override
    Storage storage() {
      return storage;
    }
  }

  @Nested
  class Statistics extends TraceStatisticsStoreKit {
    @Override
    Storage storage() {
      return storage;
    }
  }

  @Nested
  class SpanStorage extends SpanStorageKit {
    @Override
    Storage storage() {
      return storage;
    }

    @Override
    Connection connect() throws SQLException {
      return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("nested/dir/store.db"));
    }

    @Override
    String storedSize(String column) {
      return "COALESCE(length(CAST(" + column + " AS BLOB)), 0)";
    }
  }

  @Nested
  class SpanSummaries extends SpanSummaryKit {
    @Override
    Storage storage() {
      return storage;
    }
  }
}

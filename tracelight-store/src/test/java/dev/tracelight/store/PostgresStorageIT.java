package dev.tracelight.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/**
 * The store kits on the local PostgreSQL (127.0.0.1:5432, database {@code test}), in a schema of
 * their own that is dropped afterwards. Fails, never skips, when PostgreSQL is down.
 */
class PostgresStorageIT {
  static PostgresSchema schema;
  static Storage storage;

  @BeforeAll
  static void open() throws Exception {
    schema = PostgresSchema.create();
    storage = StorageFactory.open(schema.storeUri());
  }

  @AfterAll
  static void close() throws Exception {
    if (storage != null) {
      storage.close();
    }
    if (schema != null) {
      schema.close();
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
      return SqlDialect.POSTGRESQL;
    }

    @Override
    Connection connect() throws SQLException {
      return DriverManager.getConnection(schema.storeUri());
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
      return DriverManager.getConnection(schema.storeUri());
    }

    @Override
    String storedSize(String column) {
      return "COALESCE(pg_column_size(" + column + "), 0)";
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

package dev.tracelight.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/**
 * The tracing flow against a server on the local PostgreSQL, in a fresh schema dropped
 * afterwards. Fails, never skips, when PostgreSQL is down.
 */
class PostgresTracingFlowIT extends TracingFlowKit {
  static final String DATABASE = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
  static final String SCHEMA =
      "tl_server_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  static TracelightServer server;

  @BeforeAll
  static void start() throws Exception {
    execute("CREATE SCHEMA " + SCHEMA);
    server = TracelightServer.start(TracelightServerConfig.builder()
        .setPort(0).setBackendStoreUri(DATABASE + "&currentSchema=" + SCHEMA).build());
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }
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

  @Nested
  class Edits extends TraceEditsFlowKit {
    @Override
    TracelightServer server() {
      return server;
    }
  }

  @Nested
  class Assessments extends AssessmentsFlowKit {
    @Override
    TracelightServer server() {
      return server;
    }
  }

  @Nested
  class Artifacts extends TraceArtifactsFlowKit {
    @Override
    TracelightServer server() {
      return server;
    }
  }

  @Nested
  class Search extends TraceSearchFlowKit {
    @Override
    TracelightServer server() {
      return server;
    }
  }

  @Nested
  class Experiments extends ExperimentsFlowKit {
    @Override
    TracelightServer server() {
      return server;
    }
  }

  @Nested
  class Links extends TraceLinksFlowKit {
    @Override
    TracelightServer server() {
      return server;
    }
  }

  @Nested
  class TypeScriptClient extends TypeScriptClientFlowKit {
    @Override
    TracelightServer server() {
      return server;
    }
  }

  @Nested
  class PythonClient extends PythonClientFlowKit {
    @Override
    TracelightServer server() {
      return server;
    }
  }

  @Nested
  class LegacyPythonClient extends LegacyPythonClientFlowKit {
    @Override
    TracelightServer server() {
      return server;
    }
  }

  @Nested
  class OtlpJson extends OtlpJsonFlowKit {
    @Override
    TracelightServer server() {
      return server;
    }
  }

  @Nested
  class SpanMapping extends SpanMappingFlowKit {
    @Override
    TracelightServer server() {
      return server;
    }
  }
}

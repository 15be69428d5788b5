package dev.tracelight.server;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The tracing flow kits against a server on a real SQLite file. */
class SqliteTracingFlowIT extends TracingFlowKit {
  @TempDir static Path dir;
  static TracelightServer server;

  @BeforeAll
  static void start() {
    server = TracelightServer.start(TracelightServerConfig.builder()
        .setPort(0).setBackendStoreUri("sqlite:///" + dir.resolve("flow.db")).build());
  }

  @AfterAll
  static void stop() {
    server.close();
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

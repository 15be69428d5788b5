package dev.tracelight.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TracelightCliTest {

  static String run(int expectedExit, String... args) {
    StringWriter out = new StringWriter();
    CommandLine cli = TracelightCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(out));
    assertThat(cli.execute(args)).as(out.toString()).isEqualTo(expectedExit);
    return out.toString();
  }

  @Test
  void help_listsServerSubcommand() {
    assertThat(run(0, "--help")).contains("server");
  }

  @Test
  void serverHelp_showsOptionsWithDefaults() {
    assertThat(run(0, "server", "--help"))
        .contains("--host", "127.0.0.1", "--port", "5000", "--backend-store-uri",
            "sqlite:///tracelight.db", "--price-file");
  }

  @Test
  void noSubcommand_isUsageError() {
    assertThat(run(2)).contains("Missing subcommand");
  }

  @Test
  void server_withBadStoreUri_failsInOneLine() {
    assertThat(run(1, "server", "--port", "0", "--backend-store-uri", "mysql://h/db"))
        .startsWith("tracelight: unsupported store URI");
  }

  @Test
  void server_withBadPriceFile_failsInOneLineBeforeStarting(@TempDir Path dir) throws Exception {
    Path prices = Files.writeString(dir.resolve("prices.json"),
        "{\"models\": [{\"model\": \"claude-sonnet-4-5\", \"input\": 3}]}");
    assertThat(run(1, "server", "--port", "0", "--backend-store-uri",
        "sqlite:///" + dir.resolve("never-created.db"), "--price-file", prices.toString()))
        .startsWith("tracelight: Invalid price file " + prices + ": models[0].output");
    assertThat(dir.resolve("never-created.db")).doesNotExist();
  }

  @Test
  void badPort_isUsageError() {
    assertThat(run(2, "server", "--port", "http")).contains("--port");
  }
}

package dev.tracelight.server;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tracelight} command line. Subcommands are listed in the annotation; add new ones
 * (such as {@code demo}) there.
 */
@Command(
    name = "tracelight",
    mixinStandardHelpOptions = true,
    version = "Tracelight 0.1.0 (MLflow " + TracelightServer.MLFLOW_VERSION + " compatible)",
    description = "MLflow-compatible LLM tracing for Java.",
    subcommands = {ServerCommand.class, UsersCommand.class, TokensCommand.class,
        CommandLine.HelpCommand.class})
public final class TracelightCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the CLI and exits with its status. */
  public static void main(String[] args) {
    quietLibraryLogging();
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, for embedding or testing without exiting the JVM. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new TracelightCli());
    // A port in use or an unreachable database is an operator's problem: say it in one line.
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("tracelight: " + e.getMessage());
      return 1;
    });
    return cli;
  }

  /**
   * Keeps the console to our own lines: the libraries' start-up chatter goes to WARN unless the
   * user set levels (slf4j-simple reads these properties once, at first use).
   */
  private static void quietLibraryLogging() {
    for (String name : new String[] {"org.eclipse.jetty", "io.javalin", "org.flywaydb",
        "com.zaxxer.hikari"}) {
      String key = "org.slf4j.simpleLogger.log." + name;
      if (System.getProperty(key) == null) {
        System.setProperty(key, "warn");
      }
    }
  }

  @Override
  public void run() {
    // Without a subcommand there is nothing to do but explain the choices.
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
  }
}

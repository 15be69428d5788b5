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
    subcommands = {ServerCommand.class, CommandLine.HelpCommand.class})
public final class TracelightCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the CLI and exits with its status. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, for embedding or testing without exiting the JVM. */
  public static CommandLine commandLine() {
    return new CommandLine(new TracelightCli());
  }

  @Override
  public void run() {
    // Without a subcommand there is nothing to do but explain the choices.
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
  }
}

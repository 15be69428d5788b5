package dev.tracelight.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent in JVMs of their own, run with {@link TracedAgentMain}: started with
 * {@code -javaagent:<tracelight-core jar>}, and in a JVM that cannot attach one at run time.
 */
class TracedJavaAgentIT {
  /**
   * A runtime without {@code jdk.attach}: runtime attach is impossible, as on a trimmed JRE. Enough
   * for the application and for {@code -javaagent} ({@code java.instrument}).
   */
  private static final String WITHOUT_ATTACH =
      "java.base,java.logging,java.instrument,java.net.http,java.sql,jdk.unsupported";

  @TempDir Path dir;

  @Test
  void javaagent_installsAtStartup_soTracedWorksWhereRuntimeAttachIsImpossible() throws Exception {
    String agentJar = System.getProperty("tracelight.agentJar");
    assertThat(new File(agentJar)).as("the packaged tracelight-core jar").isFile();

    Run run = runMain("-javaagent:" + agentJar, "--limit-modules", WITHOUT_ATTACH);

    assertThat(run.values)
        .containsEntry("startedWithAgent", "true")
        .containsEntry("install", "true,true")
        .containsEntry("result", "pack for rain in Oslo")
        .containsEntry("spans", "trip_planner:AGENT,weather:TOOL");
    assertThat(run.warnings).isEmpty();
  }

  @Test
  void noAgentPossible_installReturnsFalse_afterOneWarning_andTheMethodRunsUntraced()
      throws Exception {
    Run run = runMain("--limit-modules", WITHOUT_ATTACH);

    assertThat(run.values)
        .containsEntry("startedWithAgent", "false")
        .containsEntry("install", "false,false")
        .containsEntry("result", "pack for rain in Oslo")
        .containsEntry("spans", "none");
    assertThat(run.warnings).singleElement().asString()
        .contains("could not attach", "-javaagent:", "-XX:+EnableDynamicAgentLoading",
            "Tracelight.startSpan");
  }

  /** What the forked JVM printed: its key=value lines, and its JUL warning lines. */
  private record Run(Map<String, String> values, List<String> warnings) {}

  private Run runMain(String... jvmOptions) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmOptions));
    command.add("-cp");
    command.add(System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path")));
    command.add(TracedAgentMain.class.getName());
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the forked JVM finished").isTrue();
    String stderr = Files.readString(err);
    assertThat(process.exitValue()).as("exit code; stderr:%n%s", stderr).isZero();

    Map<String, String> values = new LinkedHashMap<>();
    for (String line : Files.readAllLines(out)) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        values.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    List<String> warnings =
        stderr.lines().filter(l -> l.startsWith("WARNING")).toList();
    System.out.println("forked JVM " + List.of(jvmOptions) + ": " + values);
    return new Run(values, warnings);
  }
}

package dev.tracelight.tracing;

import java.lang.instrument.Instrumentation;
import java.net.URL;
import java.security.CodeSource;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * Tracelight's Java agent, one per JVM: it makes {@link Traced @Traced} methods record spans, and
 * integrations that weave into libraries (Anthropic autolog) reuse its {@link Instrumentation}.
 *
 * <p>Either start the JVM with the agent, which needs no runtime attach and prints no JDK warning:
 *
 * <pre>{@code
 * java -javaagent:path/to/tracelight-core.jar -cp ... com.example.Main
 * }</pre>
 *
 * <p>or call {@link #install()} early in {@code main}, which attaches the agent to the running JVM.
 * Runtime attach needs the {@code jdk.attach} module and is refused under
 * {@code -XX:-EnableDynamicAgentLoading}; JDK 21+ prints a warning unless
 * {@code -XX:+EnableDynamicAgentLoading} is set. Where no agent can be had, spans can still be
 * recorded with {@link Tracelight#startSpan(String, SpanType)}.
 */
public final class TracelightAgent {
  private static final Logger logger = Logger.getLogger(TracelightAgent.class.getName());

  private static volatile Instrumentation instrumentation;
  private static Boolean installed; // guarded by TracelightAgent.class

  private TracelightAgent() {}

  /**
   * Makes {@code @Traced} methods record spans, in classes loaded before and after this call. Uses
   * the agent the JVM was started with ({@code -javaagent}), else attaches one. Idempotent: later
   * calls return the first call's result at once.
   *
   * @return false, after logging one warning naming the remedies, when this JVM allows no agent
   */
  public static synchronized boolean install() {
    if (installed == null) {
      long start = System.nanoTime();
      installed = obtainInstrumentation() && installTraced();
      long millis = (System.nanoTime() - start) / 1_000_000;
      logger.fine(() -> "Tracelight agent installed=" + installed + " in " + millis + " ms");
    }
    return installed;
  }

  /**
   * The agent's {@link Instrumentation}, for integrations that weave their own advice: present once
   * {@link #install()} has succeeded or the JVM was started with {@code -javaagent}.
   */
  public static Optional<Instrumentation> instrumentation() {
    return Optional.ofNullable(instrumentation);
  }

  /** Entry point for {@code -javaagent:tracelight-core.jar}; never throws, so startup goes on. */
  public static void premain(String args, Instrumentation inst) {
    start(inst);
  }

  /** Entry point when this jar is attached to a running JVM; never throws. */
  public static void agentmain(String args, Instrumentation inst) {
    start(inst);
  }

  private static synchronized void start(Instrumentation inst) {
    if (instrumentation == null) {
      instrumentation = inst;
    }
    install();
  }

  private static boolean obtainInstrumentation() {
    if (instrumentation != null) {
      return true;
    }
    try {
      instrumentation = ByteBuddyAgent.install();
      return true;
    } catch (Throwable e) { // IllegalStateException when refused, LinkageError without byte-buddy-agent
      logger.log(
          Level.WARNING,
          "Tracelight could not attach its Java agent to this JVM ("
              + e
              + "), so @Traced methods run untraced and agent-based autolog is off. Remedies: start"
              + " the JVM with -javaagent:"
              + agentJar()
              + ", or allow runtime attach with -XX:+EnableDynamicAgentLoading (and the jdk.attach"
              + " module), or record spans without an agent: Tracelight.startSpan(...) in"
              + " try-with-resources, or an integration's wrap(client).");
      return false;
    }
  }

  private static boolean installTraced() {
    try {
      TracedTransformation.installOn(instrumentation);
      return true;
    } catch (Throwable e) {
      logger.log(Level.WARNING, "Tracelight could not install @Traced tracing", e);
      return false;
    }
  }

  /** The path to name in the warning: this very jar when running from one. */
  private static String agentJar() {
    try {
      CodeSource source = TracelightAgent.class.getProtectionDomain().getCodeSource();
      URL location = source == null ? null : source.getLocation();
      if (location != null && location.getPath().endsWith(".jar")) {
        return new java.io.File(location.toURI()).getPath();
      }
    } catch (Exception e) {
      logger.log(Level.FINE, "Cannot locate the tracelight-core jar", e);
    }
    return "<path to tracelight-core.jar>";
  }
}

package dev.tracelight.anthropic;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.lang.instrument.Instrumentation;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bytebuddy.agent.ByteBuddyAgent;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/**
 * Installs the autolog advice into the SDK's service implementations, once per JVM: it attaches a
 * runtime agent (or uses the one started with {@code -javaagent}) and retransforms the classes, so
 * clients created before {@code autolog()} are traced too.
 */
final class AutologInstaller {
  private static final Logger logger = Logger.getLogger(AutologInstaller.class.getName());

  /** The raw-response layer of the messages services: above retries, below every public method. */
  static final String[] TARGETS = {
    "com.anthropic.services.blocking.MessageServiceImpl$WithRawResponseImpl",
    "com.anthropic.services.async.MessageServiceAsyncImpl$WithRawResponseImpl",
  };

  private static Boolean installed; // guarded by AutologInstaller.class

  private AutologInstaller() {}

  /** Installs the advice if not done yet; false (after one clear log line) when impossible. */
  static synchronized boolean install() {
    if (installed != null) {
      return installed;
    }
    Instrumentation instrumentation;
    try {
      instrumentation = ByteBuddyAgent.install();
    } catch (RuntimeException | LinkageError e) {
      logger.log(
          Level.WARNING,
          "Tracelight autolog needs a Java agent and this JVM refused to attach one ("
              + e.getMessage()
              + "). Use AnthropicTracing.wrap(client), or start the JVM with"
              + " -javaagent:<path to tracelight-anthropic.jar> or -XX:+EnableDynamicAgentLoading.");
      installed = false;
      return false;
    }
    new AgentBuilder.Default()
        .disableClassFormatChanges()
        .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
        .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
        .with(AgentBuilder.TypeStrategy.Default.REDEFINE)
        .with(new FailureListener())
        .type(namedOneOf(TARGETS))
        .transform(AutologInstaller::addAdvice)
        .installOn(instrumentation);
    installed = true;
    return true;
  }

  private static DynamicType.Builder<?> addAdvice(
      DynamicType.Builder<?> builder,
      TypeDescription type,
      ClassLoader loader,
      JavaModule module,
      java.security.ProtectionDomain domain) {
    return builder.visit(
        Advice.to(MessageServiceAdvice.class)
            .on(
                named("create")
                    .and(takesArguments(2))
                    .and(takesArgument(1, named("com.anthropic.core.RequestOptions")))));
  }

  private static final class FailureListener extends AgentBuilder.Listener.Adapter {
    @Override
    public void onError(
        String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
      logger.log(Level.WARNING, "Tracelight could not instrument " + typeName, error);
    }

    @Override
    public void onTransformation(
        TypeDescription type,
        ClassLoader loader,
        JavaModule module,
        boolean loaded,
        DynamicType dynamicType) {
      logger.fine(() -> "Tracelight instrumented " + type.getName());
    }
  }
}

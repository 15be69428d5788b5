package dev.tracelight.anthropic;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.tracelight.tracing.TracelightAgent;
import java.lang.instrument.Instrumentation;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/**
 * Installs the autolog advice into the SDK's service implementations, once per JVM: it takes the
 * {@link Instrumentation} of core's {@link TracelightAgent} (started with {@code -javaagent} or
 * attached at run time, once for all of Tracelight) and retransforms the classes, so clients
 * created before {@code autolog()} are traced too.
 */
final class AutologInstaller {
  private static final Logger logger = Logger.getLogger(AutologInstaller.class.getName());

  /**
   * The raw-response layer of the messages and batches services, GA and beta, blocking and async:
   * above retries, below every public method (parsed, raw-response, structured, tool runner).
   */
  static final String[] TARGETS = {
    "com.anthropic.services.blocking.MessageServiceImpl$WithRawResponseImpl",
    "com.anthropic.services.async.MessageServiceAsyncImpl$WithRawResponseImpl",
    "com.anthropic.services.blocking.messages.BatchServiceImpl$WithRawResponseImpl",
    "com.anthropic.services.async.messages.BatchServiceAsyncImpl$WithRawResponseImpl",
    "com.anthropic.services.blocking.beta.MessageServiceImpl$WithRawResponseImpl",
    "com.anthropic.services.async.beta.MessageServiceAsyncImpl$WithRawResponseImpl",
    "com.anthropic.services.blocking.beta.messages.BatchServiceImpl$WithRawResponseImpl",
    "com.anthropic.services.async.beta.messages.BatchServiceAsyncImpl$WithRawResponseImpl",
  };

  /**
   * The async services' parsed layer, where the SDK turns the raw stream into an
   * {@code AsyncStreamResponse}: advised only so the stream calls back in the caller's context.
   */
  static final String[] ASYNC_STREAM_TARGETS = {
    "com.anthropic.services.async.MessageServiceAsyncImpl",
    "com.anthropic.services.async.messages.BatchServiceAsyncImpl",
    "com.anthropic.services.async.beta.MessageServiceAsyncImpl",
    "com.anthropic.services.async.beta.messages.BatchServiceAsyncImpl",
  };

  /** The methods of {@link #ASYNC_STREAM_TARGETS} that return an {@code AsyncStreamResponse}. */
  static final String[] ASYNC_STREAM_METHODS = {"createStreaming", "resultsStreaming"};

  /** The traced methods; which operation each is, is decided by {@link Operation#of}. */
  static final String[] METHODS = {
    "create", "createStreaming", "countTokens", "retrieve", "list", "cancel", "delete",
    "resultsStreaming",
  };

  private static Boolean installed; // guarded by AutologInstaller.class

  private AutologInstaller() {}

  /** Whether {@code type} is one of {@link #ASYNC_STREAM_TARGETS}. */
  static boolean isAsyncStreamService(String type) {
    for (String target : ASYNC_STREAM_TARGETS) {
      if (target.equals(type)) {
        return true;
      }
    }
    return false;
  }

  /** Installs the advice if not done yet; false (after one clear log line) when impossible. */
  static synchronized boolean install(boolean silent) {
    if (installed != null) {
      return installed;
    }
    // The agent may have failed only at @Traced, so ask for the Instrumentation, not the result.
    TracelightAgent.install();
    Optional<Instrumentation> agent = TracelightAgent.instrumentation();
    if (agent.isEmpty()) {
      // TracelightAgent has already logged the warning with the JVM-level remedies.
      logger.log(silent ? Level.FINE : Level.INFO, "Anthropic autolog is off for want of a Java"
          + " agent; AnthropicTracing.wrap(client) traces a client without one.");
      installed = false;
      return false;
    }
    Instrumentation instrumentation = agent.get();
    new AgentBuilder.Default()
        .disableClassFormatChanges()
        .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
        .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
        .with(AgentBuilder.TypeStrategy.Default.REDEFINE)
        .with(new FailureListener())
        .type(namedOneOf(TARGETS).or(namedOneOf(ASYNC_STREAM_TARGETS)))
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
    String[] methods = isAsyncStreamService(type.getName()) ? ASYNC_STREAM_METHODS : METHODS;
    return builder.visit(
        Advice.to(MessageServiceAdvice.class)
            .on(
                namedOneOf(methods)
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

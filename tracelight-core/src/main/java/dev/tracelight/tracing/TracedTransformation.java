package dev.tracelight.tracing;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;

import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.StringJoiner;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.implementation.bytecode.constant.IntegerConstant;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * The {@code @Traced} transformation: the advice woven into every non-abstract method annotated
 * {@link Traced}, in classes loaded before (retransformed) and after (on load) installation.
 */
final class TracedTransformation {
  private static final Logger logger = Logger.getLogger(TracedTransformation.class.getName());
  private static final String TRACED = Traced.class.getName();

  /**
   * Packages that cannot hold user code with {@code @Traced}. Installing retransforms every loaded
   * class that is not ignored, so this name test, cheaper than reading a class's methods, keeps
   * that pass short; the hooks themselves must never be woven.
   */
  private static final String[] IGNORED_PREFIXES = {
    "java.", "javax.", "jdk.", "sun.", "com.sun.", "net.bytebuddy.", "com.anthropic.",
    "io.opentelemetry.", "com.fasterxml.", "kotlin.", "kotlinx.", "okhttp3.", "okio.",
    "org.junit.", "org.opentest4j.", "org.apiguardian.", "org.assertj.",
    "dev.tracelight.tracing.internal.",
  };

  private static final ElementMatcher.Junction<MethodDescription> TRACED_METHODS =
      isMethod()
          .and(isAnnotatedWith(named(TRACED)))
          .and(not(isAbstract()))
          .and(not(isNative()))
          .and(not(isBridge())) // javac copies annotations onto bridges: one span per call, not two
          .and(not(isSynthetic()));

  private static final ElementMatcher<TypeDescription> DECLARES_TRACED_METHOD =
      declaresMethod(TRACED_METHODS);

  private static final Advice ADVICE =
      Advice.withCustomMapping()
          .bind(TracedAdvice.SpanName.class, constant(TracedTransformation::spanName))
          .bind(TracedAdvice.SpanKind.class, constant(m -> tracedValue(m, "spanType", "UNKNOWN")))
          .bind(TracedAdvice.ParameterNames.class, constant(TracedTransformation::parameterNames))
          .bind(
              TracedAdvice.ReturnsVoid.class,
              (type, method, assigner, arguments, sort) ->
                  new Advice.OffsetMapping.Target.ForStackManipulation(
                      IntegerConstant.forValue(method.getReturnType().represents(void.class))))
          .to(TracedAdvice.class);

  private TracedTransformation() {}

  /** Installs the transformation; classes loaded later are transformed as they load. */
  static void installOn(Instrumentation instrumentation) {
    new AgentBuilder.Default()
        .disableClassFormatChanges()
        .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
        .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
        .with(AgentBuilder.TypeStrategy.Default.REDEFINE)
        // EXTENDED keeps the MethodParameters attribute, where -parameters puts the names.
        .with(AgentBuilder.PoolStrategy.Default.EXTENDED)
        .with(new FailureListener())
        .ignore(TracedTransformation::ignored)
        .type(TracedTransformation::declaresTracedMethod)
        .transform(TracedTransformation::addAdvice)
        .installOn(instrumentation);
  }

  private static boolean ignored(
      TypeDescription type,
      ClassLoader loader,
      JavaModule module,
      Class<?> classBeingRedefined,
      ProtectionDomain domain) {
    if (loader == null || loader == ClassLoader.getPlatformClassLoader()) {
      return true; // the JDK's own classes
    }
    String name = type.getName();
    for (String prefix : IGNORED_PREFIXES) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    // Tracelight's own classes declare no @Traced method, so they need no special case; that way
    // code using @Traced in dev.tracelight packages (examples, tests) is woven wherever it loads
    // from, a shaded jar included.
    return false;
  }

  /**
   * Whether the type declares a method to trace. A type whose methods cannot be read (a signature
   * naming a class missing from the class path, common in libraries with optional dependencies)
   * cannot be one we are asked to trace, so it is skipped quietly instead of reported as an error.
   */
  private static boolean declaresTracedMethod(TypeDescription type) {
    try {
      return DECLARES_TRACED_METHOD.matches(type);
    } catch (RuntimeException | LinkageError e) {
      logger.log(Level.FINE, "Tracelight skips " + type.getName() + ": its methods cannot be read", e);
      return false;
    }
  }

  private static DynamicType.Builder<?> addAdvice(
      DynamicType.Builder<?> builder,
      TypeDescription type,
      ClassLoader loader,
      JavaModule module,
      ProtectionDomain domain) {
    return builder.visit(ADVICE.on(TRACED_METHODS));
  }

  private static String spanName(MethodDescription method) {
    String name = tracedValue(method, "name", "");
    return name.isEmpty() ? method.getName() : name;
  }

  /**
   * Names as compiled with {@code -parameters}, else {@code arg0, arg1, ...}. Only the
   * MethodParameters attribute counts (it is what also gives the modifiers): the type pool would
   * also read names from debug information, but reflection, which describes classes loaded before
   * installation, does not, and a method must not record different keys depending on when its
   * class was loaded.
   */
  private static String parameterNames(MethodDescription method) {
    StringJoiner names = new StringJoiner(",");
    for (ParameterDescription p : method.getParameters()) {
      names.add(p.isNamed() && p.hasModifiers() ? p.getName() : "arg" + p.getIndex());
    }
    return names.toString();
  }

  private static String tracedValue(MethodDescription method, String property, String fallback) {
    for (AnnotationDescription a : method.getDeclaredAnnotations()) {
      if (a.getAnnotationType().getName().equals(TRACED)) {
        Object value = a.getValue(property).resolve();
        return value instanceof String ? (String) value : fallback;
      }
    }
    return fallback;
  }

  private static Advice.OffsetMapping constant(
      java.util.function.Function<MethodDescription, String> value) {
    return (type, method, assigner, arguments, sort) ->
        Advice.OffsetMapping.Target.ForStackManipulation.of(value.apply(method));
  }

  private static final class FailureListener extends AgentBuilder.Listener.Adapter {
    @Override
    public void onError(
        String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
      logger.log(Level.WARNING, "Tracelight could not add @Traced tracing to " + typeName, error);
    }

    @Override
    public void onTransformation(
        TypeDescription type,
        ClassLoader loader,
        JavaModule module,
        boolean loaded,
        DynamicType dynamicType) {
      logger.fine(() -> "Tracelight traces the @Traced methods of " + type.getName());
    }
  }
}

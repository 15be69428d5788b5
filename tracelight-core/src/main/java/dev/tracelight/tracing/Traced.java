package dev.tracelight.tracing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Records every call of the annotated method as a span: the Java counterpart of MLflow's
 * {@code @mlflow.trace} decorator. Takes effect once {@link TracelightAgent#install()} has run (or
 * the JVM was started with {@code -javaagent:<path to tracelight-core.jar>}); without the agent
 * the annotation does nothing and the method runs as written.
 *
 * <pre>{@code
 * class WeatherAgent {
 *   @Traced(spanType = "AGENT")
 *   String answer(String question) {
 *     return "It is " + forecast("Paris");
 *   }
 *
 *   @Traced(name = "get_weather", spanType = "TOOL")
 *   private static String forecast(String city) {
 *     return "sunny";
 *   }
 * }
 *
 * TracelightAgent.install();
 * new WeatherAgent().answer("weather in Paris?"); // one trace: answer (AGENT) > get_weather (TOOL)
 * }</pre>
 *
 * <p>For each call, the span
 *
 * <ul>
 *   <li>is a child of the current span (or the root of a new trace) and is current while the method
 *       runs, so spans of nested traced calls and of integrations such as Anthropic autolog nest
 *       under it;
 *   <li>has as inputs a JSON object of the arguments keyed by parameter name ({@code arg0},
 *       {@code arg1}, ... unless the class was compiled with {@code -parameters}), {@code {}} for a
 *       method without parameters;
 *   <li>has as outputs the return value (none for a {@code void} method); a thrown exception is
 *       recorded as an {@code exception} event with status ERROR and reaches the caller unchanged;
 *   <li>for a method returning a {@link java.util.concurrent.CompletionStage}, such as a
 *       {@link java.util.concurrent.CompletableFuture}, ends when that stage completes, with its
 *       value as outputs or its failure recorded; the caller gets the very same instance.
 * </ul>
 *
 * <p>Tracing never changes what the method returns or throws. Abstract and native methods and
 * constructors are not traced; an overriding method needs its own annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Traced {

  /** The span name; empty (the default) uses the method's name. */
  String name() default "";

  /**
   * The span type: one of MLflow's ({@code LLM}, {@code CHAT_MODEL}, {@code CHAIN}, {@code AGENT},
   * {@code TOOL}, {@code RETRIEVER}, {@code EMBEDDING}, {@code PARSER}, {@code RERANKER},
   * {@code MEMORY}, {@code UNKNOWN}) or any custom value; see {@link SpanType}.
   */
  String spanType() default "UNKNOWN";
}

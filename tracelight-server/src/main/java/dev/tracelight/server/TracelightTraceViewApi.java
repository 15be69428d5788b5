package dev.tracelight.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelight.store.SpanRecord;
import dev.tracelight.store.SpanSummary;
import dev.tracelight.store.TraceReader;
import dev.tracelight.store.User;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The trace page's own reads, under {@code /tracelight/...} beside the MLflow RPCs (so under every
 * prefix, behind the same authentication): a trace's span summaries, which a page can take for
 * 10,000 spans at once, and one span's full content when it is selected.
 *
 * <p>Span ids here are lowercase hex (16 characters), as assessments' {@code span_id}: the
 * summaries' {@code span_id} and {@code parent_span_id} and the path's {@code {span_id}}. The one
 * span itself is written as GetTrace writes it ({@link SpanJson}: ids base64). The path also takes
 * a base64 id, so a GetTrace span id works too.
 */
final class TracelightTraceViewApi {
  private static final Pattern HEX_SPAN_ID = Pattern.compile("[0-9a-fA-F]{16}");

  private final TraceReader reader;

  TracelightTraceViewApi(TraceReader reader) {
    this.reader = reader;
  }

  void register(MlflowRoutes routes) {
    routes.get("/tracelight/traces/{trace_id}/span-summaries", this::spanSummaries)
        .get("/tracelight/traces/{trace_id}/spans/{span_id}", this::span)
        .get("/tracelight/user", this::user);
  }

  /**
   * {@code {"spans": [{span_id, parent_span_id, name, span_type, status, start_time_unix_nano,
   * end_time_unix_nano, token_usage?, cost?}]}} in start order; times are decimal strings (proto
   * JSON's int64, exact in a browser), {@code status} is UNSET, OK or ERROR.
   */
  private void spanSummaries(Context ctx) {
    String traceId = ctx.pathParam("trace_id");
    List<SpanSummary> summaries = reader.spanSummaries(traceId)
        .orElseThrow(() -> MlflowTracesApi.traceNotFound(traceId));
    ObjectNode response = MlflowJson.MAPPER.createObjectNode();
    ArrayNode spans = response.putArray("spans");
    for (SpanSummary s : summaries) {
      ObjectNode n = spans.addObject();
      n.put("span_id", s.spanId());
      n.put("parent_span_id", s.parentSpanId().orElse(""));
      n.put("name", s.name());
      n.put("span_type", s.spanType().orElse(""));
      n.put("status", s.statusCode().name());
      n.put("start_time_unix_nano", Long.toString(s.startTimeUnixNano()));
      n.put("end_time_unix_nano", Long.toString(s.endTimeUnixNano()));
      s.tokenUsageJson().map(TracelightTraceViewApi::object)
          .ifPresent(u -> n.set("token_usage", u));
      s.costJson().map(TracelightTraceViewApi::object).ifPresent(c -> n.set("cost", c));
    }
    MlflowJson.write(ctx, response);
  }

  /** {@code {"span": <the span as GetTrace writes it>}}. */
  private void span(Context ctx) {
    String traceId = ctx.pathParam("trace_id");
    String spanId = ctx.pathParam("span_id");
    Optional<SpanRecord> span = hexSpanId(spanId).flatMap(id -> reader.span(traceId, id));
    if (span.isEmpty()) {
      if (reader.traceInfo(traceId).isEmpty()) {
        throw MlflowTracesApi.traceNotFound(traceId);
      }
      throw ApiException.notFound("Span with ID " + spanId + " not found in trace " + traceId
          + ".");
    }
    ObjectNode response = MlflowJson.MAPPER.createObjectNode();
    response.set("span", SpanJson.write(span.get()));
    MlflowJson.write(ctx, response);
  }

  /**
   * {@code {"user_name": "..."}} for the signed-in user, {@code {}} with authentication off: the
   * UI names the author of the feedback it records.
   */
  private void user(Context ctx) {
    ObjectNode response = MlflowJson.MAPPER.createObjectNode();
    User user = ctx.attribute(RequestGuard.USER_ATTRIBUTE);
    if (user != null) {
      response.put("user_name", user.username());
    }
    MlflowJson.write(ctx, response);
  }

  /** The stored (lowercase hex) form of a hex or base64 span id; empty when it is neither. */
  static Optional<String> hexSpanId(String id) {
    if (HEX_SPAN_ID.matcher(id).matches()) {
      return Optional.of(id.toLowerCase(java.util.Locale.ROOT));
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(id);
      return bytes.length == 8 ? Optional.of(HexFormat.of().formatHex(bytes)) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Stored usage and cost are JSON objects; anything else is left out rather than guessed. */
  private static JsonNode object(String json) {
    try {
      JsonNode n = MlflowJson.MAPPER.readTree(json);
      return n != null && n.isObject() ? n : null;
    } catch (IOException e) {
      return null;
    }
  }
}

package dev.tracelight.testkit;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request the fake received, exactly as it arrived. Immutable and thread-safe.
 *
 * <p>Header lookup ignores case. Note that SDK 3.14.0 sends the API key as
 * {@code Authorization: Bearer <key>}, not as {@code x-api-key}.
 */
public final class RecordedRequest {

  private final String method;
  private final String path;
  private final String query;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final JsonNode json;

  private RecordedRequest(
      String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
    this.method = method;
    this.path = path;
    this.query = query;
    this.headers = headers;
    this.body = body;
    this.json = parse(body);
  }

  /**
   * Records a request; for tests of code that consumes recordings, and for the fake itself.
   *
   * @param query the raw query string without {@code ?}, or empty
   */
  public static RecordedRequest create(
      String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
    requireNonNull(method, "method");
    requireNonNull(path, "path");
    requireNonNull(query, "query");
    requireNonNull(headers, "headers");
    requireNonNull(body, "body");
    return new RecordedRequest(method, path, query, copyHeaders(headers), body.clone());
  }

  /** The HTTP method, e.g. {@code POST}. */
  public String method() {
    return method;
  }

  /** The path without the query, e.g. {@code /v1/messages}. */
  public String path() {
    return path;
  }

  /** The raw query string without {@code ?} (e.g. {@code beta=true}), or empty. */
  public String query() {
    return query;
  }

  /** All headers; the map's lookups ignore case, and names are in lower case. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of a header, looked up ignoring case. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(requireNonNull(name, "name"));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The raw body as UTF-8 text; empty when there was none. */
  public String body() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** A copy of the raw body bytes. */
  public byte[] bodyBytes() {
    return body.clone();
  }

  /**
   * The body parsed as JSON, or a {@code MissingNode} when it is empty or not JSON. A fresh copy
   * on every call, so a caller cannot change the recording.
   */
  public JsonNode json() {
    return json.deepCopy();
  }

  /** The body as JSON without the defensive copy, for the fake's own read-only use. */
  JsonNode jsonView() {
    return json;
  }

  @Override
  public String toString() {
    return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " " + body();
  }

  private static JsonNode parse(byte[] body) {
    try {
      JsonNode node = body.length == 0 ? null : Json.MAPPER.readTree(body);
      return node == null ? MissingNode.getInstance() : node;
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }

  private static Map<String, List<String>> copyHeaders(Map<String, List<String>> headers) {
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(
        (name, values) ->
            copy.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new ArrayList<>())
                .addAll(values));
    copy.replaceAll((name, values) -> List.copyOf(values));
    return Collections.unmodifiableMap(copy);
  }
}

package dev.tracelight.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.sqlite.Function;
import org.sqlite.SQLiteConnection;

/**
 * Functions search SQL calls that SQLite lacks, registered in Java on each connection before its
 * first search, so that both backends answer alike: {@code REGEXP} (behind {@code x REGEXP y},
 * Java's regex found anywhere in the value, like PostgreSQL's {@code ~}), {@code tl_lower}
 * (Unicode lower case, like PostgreSQL's {@code lower} under a UTF-8 locale), {@code
 * tl_json_text} and {@code tl_has_prompt} (PostgreSQL has them from migration V3).
 */
final class SqliteFunctions {
  private static final Set<SQLiteConnection> REGISTERED =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
  private static final int PATTERN_CACHE = 64;

  private SqliteFunctions() {}

  /** Registers the functions on this connection unless it has them already. */
  static void ensureRegistered(Connection c) throws SQLException {
    SQLiteConnection conn = c.unwrap(SQLiteConnection.class);
    if (REGISTERED.contains(conn)) {
      return;
    }
    Function.create(conn, "REGEXP", new Regexp(), 2, Function.FLAG_DETERMINISTIC);
    Function.create(conn, "tl_lower", new TextFunction(LikePattern::lower), 1,
        Function.FLAG_DETERMINISTIC);
    Function.create(conn, "tl_json_text", new TextFunction(JsonValues::text), 1,
        Function.FLAG_DETERMINISTIC);
    Function.create(conn, "tl_has_prompt", new HasPrompt(), 3, Function.FLAG_DETERMINISTIC);
    REGISTERED.add(conn);
  }

  /** {@code value REGEXP pattern} calls {@code REGEXP(pattern, value)}. */
  private static final class Regexp extends Function {
    private final Map<String, Pattern> patterns = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Pattern> eldest) {
        return size() > PATTERN_CACHE;
      }
    };

    @Override
    protected void xFunc() throws SQLException {
      String regex = value_text(0);
      String value = value_text(1);
      if (regex == null || value == null) {
        result();
        return;
      }
      Pattern pattern = patterns.get(regex);
      if (pattern == null) {
        try {
          pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
          error("invalid regular expression: " + e.getDescription());
          return;
        }
        patterns.put(regex, pattern);
      }
      result(pattern.matcher(value).find() ? 1 : 0);
    }
  }

  /** A one-argument text function: SQL NULL in, NULL out, as PostgreSQL's own are. */
  private static final class TextFunction extends Function {
    private final UnaryOperator<String> apply;

    TextFunction(UnaryOperator<String> apply) {
      this.apply = apply;
    }

    @Override
    protected void xFunc() throws SQLException {
      String value = value_text(0);
      if (value == null) {
        result();
      } else {
        result(apply.apply(value));
      }
    }
  }

  private static final class HasPrompt extends Function {
    @Override
    protected void xFunc() throws SQLException {
      result(JsonValues.hasPrompt(value_text(0), value_text(1), value_text(2)) ? 1 : 0);
    }
  }

  /** The JSON readings shared by these functions. */
  static final class JsonValues {
    private JsonValues() {}

    /** A JSON string decoded; anything else (numbers, objects, non-JSON) unchanged. */
    static String text(String json) {
      if (json.isEmpty() || json.charAt(0) != '"') {
        return json;
      }
      String decoded = SpanContentCodec.decodeJsonString(json);
      return decoded == null ? json : decoded;
    }

    /** True if {@code linkedPrompts} is a JSON array holding {@code {name, version}}. */
    static boolean hasPrompt(String linkedPrompts, String name, String version) {
      if (linkedPrompts == null || name == null || version == null) {
        return false;
      }
      JsonNode prompts = SpanContentCodec.parseOrNull(linkedPrompts);
      if (prompts == null || !prompts.isArray()) {
        return false;
      }
      for (JsonNode p : prompts) {
        if (p.isObject() && name.equals(scalar(p.get("name")))
            && version.equals(scalar(p.get("version")))) {
          return true;
        }
      }
      return false;
    }

    /** A JSON string or number as text (as PostgreSQL's {@code ->>}); null for anything else. */
    private static String scalar(JsonNode node) {
      return node != null && (node.isTextual() || node.isNumber() || node.isBoolean())
          ? node.asText() : null;
    }
  }
}

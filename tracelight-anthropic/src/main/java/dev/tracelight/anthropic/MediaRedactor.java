package dev.tracelight.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * Keeps images and documents from blowing up a trace: base64 content larger than a configurable
 * size is replaced, in the span only, by a placeholder naming its media type, byte size and
 * SHA-256, so the same screenshot is recognizable across traces. Smaller content is kept.
 */
final class MediaRedactor {
  /** Decoded bytes above which base64 content is replaced; 16 KiB unless configured. */
  static final int DEFAULT_MAX_INLINE_BYTES = 16 * 1024;
  static final String PLACEHOLDER_PREFIX = "[omitted by Tracelight: ";

  private static final ObjectMapper TREE = new ObjectMapper();
  private static volatile int maxInlineBytes = DEFAULT_MAX_INLINE_BYTES;

  private MediaRedactor() {}

  static void setMaxInlineBytes(int bytes) {
    maxInlineBytes = bytes;
  }

  static int maxInlineBytes() {
    return maxInlineBytes;
  }

  /** The request JSON with large base64 sources replaced; unchanged (same string) otherwise. */
  static String redact(String json) {
    if (!json.contains("\"base64\"")) {
      return json; // the common case: no inline media, no parsing
    }
    try {
      JsonNode tree = TREE.readTree(json);
      return replaceLargeSources(tree) ? TREE.writeValueAsString(tree) : json;
    } catch (Exception e) {
      return json;
    }
  }

  private static boolean replaceLargeSources(JsonNode node) {
    boolean changed = false;
    if (node.isObject()) {
      JsonNode source = node.get("source");
      if (source instanceof ObjectNode && "base64".equals(source.path("type").asText())) {
        changed |= replace((ObjectNode) source);
      }
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        if (!"source".equals(field.getKey())) {
          changed |= replaceLargeSources(field.getValue());
        }
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        changed |= replaceLargeSources(element);
      }
    }
    return changed;
  }

  private static boolean replace(ObjectNode source) {
    String data = source.path("data").asText("");
    int decodedBytes = decodedLength(data);
    if (decodedBytes <= maxInlineBytes) {
      return false;
    }
    String mediaType = source.path("media_type").asText("application/octet-stream");
    source.put("data", PLACEHOLDER_PREFIX + mediaType + ", " + decodedBytes + " bytes, sha256="
        + sha256(data) + "]");
    return true;
  }

  private static int decodedLength(String base64) {
    int padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
    return (int) ((long) base64.length() * 3 / 4) - padding;
  }

  /** SHA-256 of the decoded content, or of the text when it is not valid base64. */
  private static String sha256(String base64) {
    byte[] bytes;
    try {
      bytes = Base64.getMimeDecoder().decode(base64);
    } catch (IllegalArgumentException notBase64) {
      bytes = base64.getBytes(StandardCharsets.UTF_8);
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}

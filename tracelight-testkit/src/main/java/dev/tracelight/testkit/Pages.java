package dev.tracelight.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Offset paging with opaque tokens, as a stock SQL store pages searches: the token is base64 of
 * {@code {"offset": n}}, and {@code next_page_token} is left out on the last page.
 */
final class Pages<T> {

  private final List<T> items;
  private final Optional<String> nextToken;

  private Pages(List<T> items, Optional<String> nextToken) {
    this.items = items;
    this.nextToken = nextToken;
  }

  /**
   * One page of {@code all}.
   *
   * @throws MlflowError {@code INVALID_PARAMETER_VALUE} for a token the fake did not issue
   */
  static <T> Pages<T> of(List<T> all, long maxResults, Optional<String> pageToken) {
    int offset = pageToken.map(Pages::offset).orElse(0);
    int end = (int) Math.min(all.size(), offset + maxResults);
    List<T> items = offset >= all.size() ? List.of() : List.copyOf(all.subList(offset, end));
    Optional<String> next = end < all.size() ? Optional.of(token(end)) : Optional.empty();
    return new Pages<>(items, next);
  }

  List<T> items() {
    return items;
  }

  Optional<String> nextToken() {
    return nextToken;
  }

  private static String token(int offset) {
    String json = "{\"offset\": " + offset + "}";
    return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static int offset(String token) {
    try {
      String json = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
      int offset = Json.MAPPER.readTree(json).path("offset").asInt(-1);
      if (offset >= 0) {
        return offset;
      }
    } catch (IllegalArgumentException | java.io.IOException e) {
      // reported below, as for any token the server did not issue
    }
    throw MlflowError.invalidParameter("Invalid page token, could not base64-decode: " + token);
  }
}

package dev.tracelight.server;

import dev.tracelight.store.User;
import dev.tracelight.store.UserStore;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * Checks an {@code Authorization} header against the store: {@code Basic} with a user's name and
 * password, or {@code Bearer} with an API token. The answer is the user, or why not.
 */
final class Authenticator {
  /** The challenge every 401 carries; a browser answers it with its login prompt. */
  static final String CHALLENGE = "Basic realm=\"Tracelight\"";

  private final UserStore users;

  Authenticator(UserStore users) {
    this.users = users;
  }

  /** Thrown for a request without valid credentials; its message says which. */
  static final class Unauthenticated extends Exception {
    private static final long serialVersionUID = 1L;

    Unauthenticated(String message) {
      super(message, null, false, false);
    }
  }

  /** The user the header proves, or {@link Unauthenticated}. */
  User authenticate(String authorization) throws Unauthenticated {
    if (authorization == null || authorization.isBlank()) {
      throw new Unauthenticated("Authentication required: send HTTP Basic credentials or an API"
          + " token as 'Authorization: Bearer <token>'");
    }
    String value = authorization.trim();
    int space = value.indexOf(' ');
    String scheme = (space < 0 ? value : value.substring(0, space)).toLowerCase(Locale.ROOT);
    String credentials = space < 0 ? "" : value.substring(space + 1).trim();
    switch (scheme) {
      case "basic":
        return basic(credentials);
      case "bearer":
        return users.authenticateToken(credentials)
            .orElseThrow(() -> new Unauthenticated("Invalid, expired or revoked API token"));
      default:
        throw new Unauthenticated("Unsupported authorization scheme '" + scheme
            + "': use Basic or Bearer");
    }
  }

  private User basic(String credentials) throws Unauthenticated {
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(credentials);
    } catch (IllegalArgumentException e) {
      throw new Unauthenticated("Malformed Basic credentials: not base64");
    }
    char[] text;
    try {
      CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(decoded));
      text = new char[chars.remaining()];
      chars.get(text);
      Arrays.fill(chars.array(), '\0');
    } catch (CharacterCodingException e) {
      throw new Unauthenticated("Malformed Basic credentials: not UTF-8");
    } finally {
      Arrays.fill(decoded, (byte) 0);
    }
    try {
      int colon = indexOf(text, ':');
      if (colon < 0) {
        throw new Unauthenticated("Malformed Basic credentials: no ':' between user and password");
      }
      String username = new String(text, 0, colon);
      char[] password = Arrays.copyOfRange(text, colon + 1, text.length);
      try {
        return users.authenticate(username, password)
            .orElseThrow(() -> new Unauthenticated("Invalid username or password"));
      } finally {
        Arrays.fill(password, '\0');
      }
    } finally {
      Arrays.fill(text, '\0');
    }
  }

  private static int indexOf(char[] chars, char c) {
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] == c) {
        return i;
      }
    }
    return -1;
  }
}

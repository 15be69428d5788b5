package dev.tracelight.server;

import dev.tracelight.store.ApiToken;
import dev.tracelight.store.IssuedToken;
import dev.tracelight.store.Storage;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tracelight tokens}: API tokens, which clients send as {@code Authorization: Bearer
 * <token>} (MLflow's {@code MLFLOW_TRACKING_TOKEN}) to a server started with {@code --auth}.
 */
@Command(
    name = "tokens",
    mixinStandardHelpOptions = true,
    description = "Manage the API tokens of a server started with --auth.",
    subcommands = {TokensCommand.Create.class, TokensCommand.ListTokens.class,
        TokensCommand.Revoke.class})
final class TokensCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
  }

  /** {@code 90m}, {@code 12h}, {@code 30d} or {@code 8w}. */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,6})([mhdw])");

    @Override
    public Duration convert(String value) {
      Matcher m = FORMAT.matcher(value.trim().toLowerCase(Locale.ROOT));
      if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
        throw new CommandLine.TypeConversionException("'" + value
            + "' is not a duration such as 90m, 12h, 30d or 8w");
      }
      long n = Long.parseLong(m.group(1));
      switch (m.group(2)) {
        case "m":
          return Duration.ofMinutes(n);
        case "h":
          return Duration.ofHours(n);
        case "d":
          return Duration.ofDays(n);
        default:
          return Duration.ofDays(7 * n);
      }
    }
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create a token and print it, once: only its hash is kept.")
  static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOption store;

    @Option(names = "--user", required = true, description = "The owner; the token acts as them.")
    String username;

    @Option(names = "--name", required = true,
        description = "A label saying where the token is used, e.g. ci or laptop.")
    String name;

    @Option(names = "--expires-in", converter = DurationConverter.class,
        description = "Lifetime such as 90m, 12h, 30d or 8w (default: never expires).")
    Duration expiresIn;

    @Override
    public Integer call() {
      Long expiration = expiresIn == null ? null
          : Instant.now().plus(expiresIn).toEpochMilli();
      IssuedToken issued;
      try (Storage storage = store.open()) {
        issued = storage.users().createToken(username, name, expiration);
      }
      ApiToken token = issued.apiToken();
      // The token alone on standard output, so TOKEN=$(tracelight tokens create ...) works.
      spec.commandLine().getOut().println(issued.token());
      spec.commandLine().getOut().flush();
      spec.commandLine().getErr().println("Created token " + token.tokenId() + " '" + name
          + "' for " + username + ", " + expiry(token) + ". It is shown only now: store it"
          + " safely, and send it as 'Authorization: Bearer <token>' (MLFLOW_TRACKING_TOKEN).");
      spec.commandLine().getErr().flush();
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "List tokens (never their text): id, owner, name, times and state.")
  static final class ListTokens implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOption store;

    @Option(names = "--user", description = "Only this user's tokens.")
    String username;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      long now = System.currentTimeMillis();
      try (Storage storage = store.open()) {
        out.printf("%-16s  %-16s %-16s %-24s %-24s %s%n",
            "ID", "USER", "NAME", "CREATED", "EXPIRES", "STATE");
        for (ApiToken t : storage.users().tokens()) {
          if (username != null && !username.equals(t.username())) {
            continue;
          }
          out.printf("%-16s  %-16s %-16s %-24s %-24s %s%n", t.tokenId(), t.username(), t.name(),
              Instant.ofEpochMilli(t.creationTime()),
              t.expirationTime().isPresent()
                  ? Instant.ofEpochMilli(t.expirationTime().getAsLong()).toString() : "never",
              state(t, now));
        }
      }
      out.flush();
      return 0;
    }

    private static String state(ApiToken t, long now) {
      if (t.revokedTime().isPresent()) {
        return "revoked " + Instant.ofEpochMilli(t.revokedTime().getAsLong());
      }
      return t.isActive(now) ? "active" : "expired";
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true,
      description = "Revoke a token by its id (see tokens list); it stops working at once.")
  static final class Revoke implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOption store;

    @Parameters(paramLabel = "<id>", description = "The token id, as tokens list shows it.")
    String tokenId;

    @Override
    public Integer call() {
      try (Storage storage = store.open()) {
        storage.users().revokeToken(tokenId);
      }
      spec.commandLine().getOut().println("Revoked token " + tokenId);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  private static String expiry(ApiToken token) {
    return token.expirationTime().isPresent()
        ? "expiring " + Instant.ofEpochMilli(token.expirationTime().getAsLong())
        : "never expiring";
  }
}

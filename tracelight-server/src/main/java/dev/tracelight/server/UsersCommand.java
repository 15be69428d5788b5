package dev.tracelight.server;

import dev.tracelight.store.Storage;
import dev.tracelight.store.User;
import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tracelight users}: the users who may sign in to a server started with {@code --auth}. */
@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description = "Manage the users of a server started with --auth.",
    subcommands = {UsersCommand.Create.class, UsersCommand.SetPassword.class,
        UsersCommand.Delete.class, UsersCommand.ListUsers.class})
final class UsersCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
  }

  /** Reads a new password from standard input or, at a terminal, from a prompt asked twice. */
  static final class PasswordInput {
    @Option(names = "--password-stdin",
        description = "Read the password from standard input (its first line) instead of a prompt.")
    boolean fromStdin;

    char[] read(CommandSpec spec, String username) {
      if (fromStdin) {
        return firstLine(System.in);
      }
      Console console = System.console();
      if (console == null) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "No terminal to prompt for a password: pipe it in with --password-stdin");
      }
      char[] password = console.readPassword("Password for %s: ", username);
      char[] again = console.readPassword("Repeat the password: ");
      try {
        if (password == null || again == null || !Arrays.equals(password, again)) {
          throw new CommandLine.ParameterException(spec.commandLine(),
              "The passwords do not match");
        }
        return password;
      } finally {
        if (again != null) {
          Arrays.fill(again, '\0');
        }
      }
    }

    private static char[] firstLine(InputStream in) {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      try {
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
          line.write(b);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the password from standard input", e);
      }
      byte[] bytes = line.toByteArray();
      int end = bytes.length;
      if (end > 0 && bytes[end - 1] == '\r') {
        end--;
      }
      CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes, 0, end));
      char[] password = new char[chars.remaining()];
      chars.get(password);
      Arrays.fill(bytes, (byte) 0);
      Arrays.fill(chars.array(), '\0');
      return password;
    }
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create a user; the password comes from a prompt or --password-stdin.")
  static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOption store;
    @Mixin PasswordInput passwordInput;

    @Parameters(paramLabel = "<name>", description = "The user name (no colon).")
    String username;

    @Override
    public Integer call() {
      char[] password = passwordInput.read(spec, username);
      try (Storage storage = store.open()) {
        User user = storage.users().createUser(username, password);
        spec.commandLine().getOut().println("Created user " + user.username());
      } finally {
        Arrays.fill(password, '\0');
      }
      return 0;
    }
  }

  @Command(name = "set-password", mixinStandardHelpOptions = true,
      description = "Replace a user's password; the old one stops working at once.")
  static final class SetPassword implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOption store;
    @Mixin PasswordInput passwordInput;

    @Parameters(paramLabel = "<name>", description = "The user name.")
    String username;

    @Override
    public Integer call() {
      char[] password = passwordInput.read(spec, username);
      try (Storage storage = store.open()) {
        storage.users().setPassword(username, password);
        spec.commandLine().getOut().println("Changed the password of " + username);
      } finally {
        Arrays.fill(password, '\0');
      }
      return 0;
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true,
      description = "Delete a user and all of their API tokens.")
  static final class Delete implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOption store;

    @Parameters(paramLabel = "<name>", description = "The user name.")
    String username;

    @Override
    public Integer call() {
      try (Storage storage = store.open()) {
        storage.users().deleteUser(username);
      }
      spec.commandLine().getOut().println("Deleted user " + username + " and their tokens");
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the users.")
  static final class ListUsers implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOption store;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Storage storage = store.open()) {
        out.printf("%-24s %-24s %s%n", "NAME", "CREATED", "PASSWORD CHANGED");
        for (User user : storage.users().users()) {
          out.printf("%-24s %-24s %s%n", user.username(),
              Instant.ofEpochMilli(user.creationTime()),
              Instant.ofEpochMilli(user.lastUpdateTime()));
        }
      }
      out.flush();
      return 0;
    }
  }
}

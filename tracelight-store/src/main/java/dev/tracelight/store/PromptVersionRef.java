package dev.tracelight.store;

import static java.util.Objects.requireNonNull;

/** A prompt version a trace used: a registered prompt's name and version. Immutable. */
public final class PromptVersionRef {
  private final String name;
  private final String version;

  private PromptVersionRef(String name, String version) {
    this.name = name;
    this.version = version;
  }

  /**
   * The reference to {@code version} of prompt {@code name}.
   *
   * @throws IllegalArgumentException if either is empty
   */
  public static PromptVersionRef create(String name, String version) {
    if (requireNonNull(name, "name").isEmpty() || requireNonNull(version, "version").isEmpty()) {
      throw new IllegalArgumentException("a prompt version needs a name and a version");
    }
    return new PromptVersionRef(name, version);
  }

  public String name() {
    return name;
  }

  public String version() {
    return version;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PromptVersionRef && ((PromptVersionRef) o).name.equals(name)
        && ((PromptVersionRef) o).version.equals(version);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + version.hashCode();
  }

  @Override
  public String toString() {
    return name + "/" + version;
  }
}

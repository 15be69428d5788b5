package dev.tracelight.store;

import static java.util.Objects.requireNonNull;

/**
 * A storage call that failed for a reason the caller can act on. The server maps {@link Reason} to
 * MLflow error codes; any other exception out of the store is an internal error.
 */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the call failed. */
  public enum Reason {
    /** The named experiment or trace does not exist. */
    NOT_FOUND,
    /** A resource with that unique key already exists. */
    ALREADY_EXISTS,
    /** An argument (filter, page token, order) is malformed or not supported. */
    INVALID_ARGUMENT
  }

  private final Reason reason;

  public StoreException(Reason reason, String message) {
    super(requireNonNull(message, "message"));
    this.reason = requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }

  static StoreException notFound(String message) {
    return new StoreException(Reason.NOT_FOUND, message);
  }

  static StoreException invalid(String message) {
    return new StoreException(Reason.INVALID_ARGUMENT, message);
  }
}

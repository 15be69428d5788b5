package dev.tracelight.anthropic.internal;

/**
 * What the autolog advice calls. Public only because advice code is inlined into the SDK's classes;
 * not an API: do not use it from outside {@code tracelight-anthropic}.
 */
public interface AutologCallback {

  /**
   * Called when a traced SDK method starts; returns a handle for {@link #exit}, or null when the
   * call is not traced.
   */
  Object enter(String type, String method, Object params);

  /** Called when the method returns or throws; returns the value the method should return. */
  Object exit(Object handle, Object returned, Throwable thrown);
}

package dev.tracelight.anthropic.internal;

/**
 * The static entry points the autolog advice calls from inside the Anthropic SDK. Public only
 * because advice code is inlined into the SDK's classes; not an API. Nothing here throws: the
 * advice also suppresses anything thrown, so the SDK call proceeds untouched.
 */
public final class AutologHooks {
  private static volatile boolean enabled;
  private static volatile AutologCallback callback;

  private AutologHooks() {}

  /** Installs the callback and turns tracing on or off. */
  public static void configure(AutologCallback newCallback, boolean on) {
    callback = newCallback;
    enabled = on;
  }

  public static boolean enabled() {
    return enabled;
  }

  public static Object enter(String type, String method, Object params) {
    AutologCallback c = callback;
    if (!enabled || c == null) {
      return null;
    }
    try {
      return c.enter(type, method, params);
    } catch (Throwable t) {
      return null;
    }
  }

  public static Object exit(Object handle, Object returned, Throwable thrown) {
    AutologCallback c = callback;
    if (handle == null || c == null) {
      return returned;
    }
    try {
      return c.exit(handle, returned, thrown);
    } catch (Throwable t) {
      return returned;
    }
  }
}

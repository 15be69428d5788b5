package dev.tracelight.tracing;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The {@link AutologIntegration}s on the class path, switched together by Tracelight.autolog. */
final class Integrations {
  private static final Logger logger = Logger.getLogger(Integrations.class.getName());

  private static List<AutologIntegration> loaded; // guarded by Integrations.class

  private Integrations() {}

  static synchronized List<AutologIntegration> all() {
    if (loaded == null) {
      List<AutologIntegration> found = new ArrayList<>();
      try {
        ServiceLoader.load(AutologIntegration.class, Integrations.class.getClassLoader())
            .forEach(found::add);
      } catch (java.util.ServiceConfigurationError e) {
        logger.log(Level.WARNING, "Could not load a Tracelight integration", e);
      }
      loaded = List.copyOf(found);
    }
    return loaded;
  }

  /** Enables (or disables) every integration; true when all that were asked to enable did. */
  static boolean setEnabled(boolean enabled) {
    boolean all = true;
    for (AutologIntegration integration : all()) {
      try {
        if (enabled) {
          all &= integration.enable();
        } else {
          integration.disable();
        }
      } catch (RuntimeException | LinkageError e) {
        all = false;
        logger.log(Level.WARNING, "Tracelight integration '" + integration.name() + "' failed to "
            + (enabled ? "enable" : "disable"), e);
      }
    }
    return all;
  }
}

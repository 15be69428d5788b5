package dev.tracelight.store;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Which experiments a search returns, by lifecycle stage, as MLflow's {@code ViewType}. */
public enum ViewType {
  /** Only experiments that are not deleted; the default. */
  ACTIVE_ONLY(1),
  /** Only deleted experiments. */
  DELETED_ONLY(2),
  /** Every experiment. */
  ALL(3);

  private final int number;

  ViewType(int number) {
    this.number = number;
  }

  /** The view named by a wire value: its name (any case) or its proto number (1, 2, 3). */
  public static Optional<ViewType> of(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String v = value.trim().toUpperCase(Locale.ROOT);
    for (ViewType t : values()) {
      if (t.name().equals(v) || Integer.toString(t.number).equals(v)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** The lifecycle stages this view includes. */
  List<String> stages() {
    switch (this) {
      case ACTIVE_ONLY:
        return List.of(Experiment.ACTIVE);
      case DELETED_ONLY:
        return List.of(Experiment.DELETED);
      default:
        return List.of(Experiment.ACTIVE, Experiment.DELETED);
    }
  }
}

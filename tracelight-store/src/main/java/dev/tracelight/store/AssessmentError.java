package dev.tracelight.store;

import static java.util.Objects.requireNonNull;

import java.util.Objects;

/** Why a feedback could not be produced (e.g. a judge that timed out). Immutable. */
public final class AssessmentError {
  private final String errorCode;
  private final String errorMessage;

  private AssessmentError(String errorCode, String errorMessage) {
    this.errorCode = requireNonNull(errorCode, "errorCode");
    this.errorMessage = requireNonNull(errorMessage, "errorMessage");
  }

  /** An error; either part may be empty. */
  public static AssessmentError create(String errorCode, String errorMessage) {
    return new AssessmentError(errorCode, errorMessage);
  }

  public String errorCode() {
    return errorCode;
  }

  public String errorMessage() {
    return errorMessage;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AssessmentError
        && ((AssessmentError) o).errorCode.equals(errorCode)
        && ((AssessmentError) o).errorMessage.equals(errorMessage);
  }

  @Override
  public int hashCode() {
    return Objects.hash(errorCode, errorMessage);
  }

  @Override
  public String toString() {
    return errorCode + ": " + errorMessage;
  }
}

package dev.tracelight.store;

import java.util.Optional;

/**
 * Creates, reads, changes and deletes the assessments of traces. Reads of trace infos embed the
 * assessments too ({@link TraceInfo#assessments()}).
 */
public interface AssessmentStore {

  /**
   * Stores a new assessment on its trace. The store assigns the id ({@code a-} + 32 hex) and both
   * times; those of the argument are ignored. If it overrides another assessment of the trace,
   * that one becomes invalid.
   *
   * @return the assessment as stored
   * @throws StoreException {@link StoreException.Reason#NOT_FOUND} if the trace is unknown,
   *     {@link StoreException.Reason#INVALID_ARGUMENT} if the overridden assessment is unknown
   */
  Assessment createAssessment(Assessment assessment);

  /** The assessment with this id on this trace. */
  Optional<Assessment> assessment(String traceId, String assessmentId);

  /**
   * Applies the update and stamps a new last-update time.
   *
   * @return the assessment as stored
   * @throws StoreException {@link StoreException.Reason#NOT_FOUND} if the assessment is not on
   *     that trace, {@link StoreException.Reason#INVALID_ARGUMENT} if the update would turn a
   *     feedback into an expectation or back
   */
  Assessment updateAssessment(String traceId, String assessmentId, AssessmentUpdate update);

  /**
   * Deletes the assessment; one it overrode becomes valid again.
   *
   * @throws StoreException {@link StoreException.Reason#NOT_FOUND} if it is not on that trace
   */
  void deleteAssessment(String traceId, String assessmentId);
}

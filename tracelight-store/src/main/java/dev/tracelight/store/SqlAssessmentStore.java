package dev.tracelight.store;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Assessments in SQL. */
final class SqlAssessmentStore implements AssessmentStore {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Database db;

  SqlAssessmentStore(Database db) {
    this.db = db;
  }

  @Override
  public Assessment createAssessment(Assessment assessment) {
    requireNonNull(assessment, "assessment");
    String traceId = assessment.traceId();
    return db.write(c -> {
      if (!TraceInfoRows.exists(c, traceId)) {
        throw SqlTraceWriter.traceNotFound(traceId);
      }
      Optional<String> overridden = assessment.overrides();
      if (overridden.isPresent()
          && AssessmentRows.setValid(c, traceId, overridden.get(), false) == 0) {
        throw StoreException.invalid("Assessment with ID " + overridden.get()
            + " to override was not found on trace " + traceId);
      }
      long now = System.currentTimeMillis();
      Assessment stored = assessment.toBuilder()
          .setAssessmentId(newId()).setCreateTime(now).setLastUpdateTime(now).build();
      AssessmentRows.insert(c, stored);
      return stored;
    });
  }

  @Override
  public Optional<Assessment> assessment(String traceId, String assessmentId) {
    requireNonNull(traceId, "traceId");
    requireNonNull(assessmentId, "assessmentId");
    return Optional.ofNullable(db.read(c -> AssessmentRows.selectOne(c, traceId, assessmentId)));
  }

  @Override
  public Assessment updateAssessment(
      String traceId, String assessmentId, AssessmentUpdate update) {
    requireNonNull(update, "update");
    return db.write(c -> {
      Assessment current = require(AssessmentRows.selectOne(c, traceId, assessmentId),
          traceId, assessmentId);
      Assessment.Builder b = current.toBuilder();
      update.name().ifPresent(b::setName);
      if (update.value().isPresent()) {
        AssessmentValue value = update.value().get();
        if (value.kind() != current.value().kind()) {
          throw StoreException.invalid("Assessment " + assessmentId + " is "
              + kindName(current.value()) + "; it cannot become " + kindName(value));
        }
        b.setValue(value);
      }
      update.rationale().ifPresent(b::setRationale);
      update.metadata().ifPresent(entries -> {
        Map<String, String> merged = new LinkedHashMap<>(current.metadata());
        merged.putAll(entries);
        b.setMetadata(merged);
      });
      update.valid().ifPresent(b::setValid);
      // Never before creation, even if clocks of several replicas disagree.
      b.setLastUpdateTime(Math.max(System.currentTimeMillis(), current.createTime()));
      Assessment stored = b.build();
      AssessmentRows.update(c, stored);
      return stored;
    });
  }

  @Override
  public void deleteAssessment(String traceId, String assessmentId) {
    db.write(c -> {
      Assessment current = require(AssessmentRows.selectOne(c, traceId, assessmentId),
          traceId, assessmentId);
      AssessmentRows.delete(c, assessmentId);
      // The superseded assessment is the current one again.
      if (current.overrides().isPresent()) {
        AssessmentRows.setValid(c, traceId, current.overrides().get(), true);
      }
      return null;
    });
  }

  private static Assessment require(Assessment found, String traceId, String assessmentId) {
    if (found == null) {
      throw StoreException.notFound(
          "Assessment with ID " + assessmentId + " not found on trace " + traceId + ".");
    }
    return found;
  }

  private static String kindName(AssessmentValue value) {
    return value.kind() == AssessmentValue.Kind.FEEDBACK ? "a feedback" : "an expectation";
  }

  private static String newId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Assessment.ID_PREFIX + HexFormat.of().formatHex(bytes);
  }
}

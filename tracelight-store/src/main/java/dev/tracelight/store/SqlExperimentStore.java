package dev.tracelight.store;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/** Experiments in SQL. */
final class SqlExperimentStore implements ExperimentStore {
  private static final String DEFAULT_EXPERIMENT_ID = "0";

  private final Database db;

  SqlExperimentStore(Database db) {
    this.db = db;
  }

  @Override
  public String createExperiment(String name, String artifactLocation, Map<String, String> tags) {
    requireNonNull(name, "name");
    requireNonNull(tags, "tags");
    if (name.isBlank()) {
      throw StoreException.invalid("experiment name must not be empty");
    }
    return writeUnique(name, () -> db.write(c -> insert(c, name, artifactLocation, tags)));
  }

  private static String insert(
      Connection c, String name, String artifactLocation, Map<String, String> tags)
      throws SQLException {
    checkNameFree(c, name);
    long now = System.currentTimeMillis();
    long id;
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO experiments (name, artifact_location, lifecycle_stage, creation_time,"
            + " last_update_time) VALUES (?, ?, ?, ?, ?) RETURNING experiment_id")) {
      ps.setString(1, name);
      // The default location names the id, which exists only after the insert.
      ps.setString(2, artifactLocation == null ? "" : artifactLocation);
      ps.setString(3, Experiment.ACTIVE);
      ps.setLong(4, now);
      ps.setLong(5, now);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
    }
    if (artifactLocation == null || artifactLocation.isBlank()) {
      ExperimentRows.update(c, id, "artifact_location", "mlflow-artifacts:/" + id, now);
    }
    ExperimentRows.upsertTags(c, id, tags);
    return Long.toString(id);
  }

  /** Fails with ALREADY_EXISTS if any experiment, deleted ones too, has the name. */
  private static void checkNameFree(Connection c, String name) throws SQLException {
    Experiment holder = ExperimentRows.selectOne(c, "name = ?", name);
    if (holder != null) {
      throw alreadyExists(name, holder);
    }
  }

  /** Runs a write that may violate the unique name, reporting a race like a taken name. */
  private <T> T writeUnique(String name, Supplier<T> write) {
    try {
      return write.get();
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof SQLException
          && Database.isUniqueViolation((SQLException) e.getCause())) {
        throw alreadyExists(name, null);
      }
      throw e;
    }
  }

  private static StoreException alreadyExists(String name, Experiment holder) {
    String hint = holder != null && Experiment.DELETED.equals(holder.lifecycleStage())
        ? " It is deleted (id " + holder.experimentId() + "): restore it or choose another name."
        : "";
    return new StoreException(
        StoreException.Reason.ALREADY_EXISTS, "Experiment '" + name + "' already exists." + hint);
  }

  @Override
  public Optional<Experiment> experiment(String experimentId) {
    OptionalLong id = parseId(experimentId);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(db.read(
        c -> ExperimentRows.selectOne(c, "experiment_id = ?", id.getAsLong())));
  }

  @Override
  public Optional<Experiment> experimentByName(String name) {
    requireNonNull(name, "name");
    return Optional.ofNullable(db.read(c -> ExperimentRows.selectOne(c, "name = ?", name)));
  }

  /** The experiment, read on the caller's connection, or NOT_FOUND. */
  static Experiment require(Connection c, String experimentId) throws SQLException {
    OptionalLong id = parseId(experimentId);
    Experiment e = id.isEmpty() ? null
        : ExperimentRows.selectOne(c, "experiment_id = ?", id.getAsLong());
    if (e == null) {
      throw StoreException.notFound("Could not find experiment with ID " + experimentId);
    }
    return e;
  }

  @Override
  public Page<Experiment> searchExperiments(ExperimentQuery query) {
    requireNonNull(query, "query");
    // Both parse before any SQL runs, so a bad filter or order fails alike on every backend.
    ExperimentFilter filter =
        query.filter().map(ExperimentFilterParser::parse).orElse(ExperimentFilter.NONE);
    ExperimentOrder order = ExperimentOrder.parse(query.orderBy());
    List<String> stages = query.viewType().stages();
    StringBuilder where = new StringBuilder("experiments.lifecycle_stage IN (")
        .append(String.join(", ", Collections.nCopies(stages.size(), "?"))).append(')');
    List<Object> args = new ArrayList<>(stages);
    query.nameContains().ifPresent(n -> {
      where.append(" AND LOWER(experiments.name) LIKE ? ESCAPE '\\'");
      args.add("%" + escapeLike(n.toLowerCase(Locale.ROOT)) + "%");
    });
    ExperimentFilterSql.append(filter, db.dialect, where, args);
    query.pageToken().ifPresent(token -> order.appendAfter(token, where, args));
    int limit = query.maxResults();
    where.append(" ORDER BY ").append(order.sql()).append(" LIMIT ").append(limit + 1);
    List<Experiment> rows = db.read(c -> ExperimentRows.select(c, where.toString(), args));
    if (rows.size() <= limit) {
      return Page.create(rows, null);
    }
    return Page.create(rows.subList(0, limit), order.pageToken(rows.get(limit - 1)));
  }

  @Override
  public void renameExperiment(String experimentId, String newName) {
    requireNonNull(newName, "newName");
    if (newName.isBlank()) {
      throw StoreException.invalid("experiment name must not be empty");
    }
    writeUnique(newName, () -> db.write(c -> {
      Experiment e = requireActive(c, experimentId, "Cannot rename a non-active experiment.");
      if (!e.name().equals(newName)) {
        checkNameFree(c, newName);
        ExperimentRows.update(c, idOf(e), "name", newName, System.currentTimeMillis());
      }
      return null;
    }));
  }

  @Override
  public void deleteExperiment(String experimentId) {
    if (DEFAULT_EXPERIMENT_ID.equals(requireNonNull(experimentId, "experimentId").trim())) {
      throw StoreException.invalid("Cannot delete the default experiment '0'. This is an"
          + " internally reserved experiment.");
    }
    setStage(experimentId, Experiment.ACTIVE, Experiment.DELETED);
  }

  @Override
  public void restoreExperiment(String experimentId) {
    setStage(experimentId, Experiment.DELETED, Experiment.ACTIVE);
  }

  /** Moves an experiment from stage {@code from} to {@code to}; NOT_FOUND unless it is in from. */
  private void setStage(String experimentId, String from, String to) {
    db.write(c -> {
      Experiment e = require(c, experimentId);
      if (!e.lifecycleStage().equals(from)) {
        throw StoreException.notFound("No Experiment with id=" + experimentId + " in stage '"
            + from + "' exists; it is " + e.lifecycleStage());
      }
      ExperimentRows.update(c, idOf(e), "lifecycle_stage", to, System.currentTimeMillis());
      return null;
    });
  }

  @Override
  public void setExperimentTag(String experimentId, String key, String value) {
    requireNonNull(key, "key");
    requireNonNull(value, "value");
    if (key.isEmpty()) {
      throw StoreException.invalid("Tag key must not be empty");
    }
    if (key.length() > MAX_TAG_KEY_CHARS) {
      throw StoreException.invalid("Tag key has " + key.length() + " characters; at most "
          + MAX_TAG_KEY_CHARS + " are allowed");
    }
    if (value.length() > MAX_TAG_VALUE_CHARS) {
      throw StoreException.invalid("Tag value of '" + key + "' has " + value.length()
          + " characters; at most " + MAX_TAG_VALUE_CHARS + " are allowed");
    }
    db.write(c -> {
      Experiment e = requireActive(c, experimentId, null);
      ExperimentRows.upsertTags(c, idOf(e), Map.of(key, value));
      return null;
    });
  }

  @Override
  public void deleteExperimentTag(String experimentId, String key) {
    requireNonNull(key, "key");
    db.write(c -> {
      Experiment e = requireActive(c, experimentId, null);
      if (!ExperimentRows.deleteTag(c, idOf(e), key)) {
        throw StoreException.notFound(
            "No tag with name: " + key + " in experiment with id " + experimentId);
      }
      return null;
    });
  }

  /** The experiment, which must be active; INVALID_ARGUMENT with {@code message} if deleted. */
  private static Experiment requireActive(Connection c, String experimentId, String message)
      throws SQLException {
    Experiment e = require(c, requireNonNull(experimentId, "experimentId"));
    if (!Experiment.ACTIVE.equals(e.lifecycleStage())) {
      throw StoreException.invalid(message != null ? message : "The experiment " + experimentId
          + " must be in the 'active' state. Current state is " + e.lifecycleStage() + ".");
    }
    return e;
  }

  private static long idOf(Experiment e) {
    return Long.parseLong(e.experimentId());
  }

  static OptionalLong parseId(String experimentId) {
    try {
      return OptionalLong.of(Long.parseLong(requireNonNull(experimentId, "experimentId").trim()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}

package dev.tracelight.store;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Experiments in SQL. */
final class SqlExperimentStore implements ExperimentStore {
  private static final String COLUMNS =
      "experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time";

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
    try {
      return db.write(c -> insert(c, name, artifactLocation, tags));
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof SQLException && Database.isUniqueViolation((SQLException) e.getCause())) {
        throw alreadyExists(name);
      }
      throw e;
    }
  }

  private static String insert(
      Connection c, String name, String artifactLocation, Map<String, String> tags)
      throws SQLException {
    if (selectOne(c, "name = ?", name) != null) {
      throw alreadyExists(name);
    }
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
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE experiments SET artifact_location = ? WHERE experiment_id = ?")) {
        ps.setString(1, "mlflow-artifacts:/" + id);
        ps.setLong(2, id);
        ps.executeUpdate();
      }
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO experiment_tags (experiment_id, key, value) VALUES (?, ?, ?)")) {
      for (Map.Entry<String, String> tag : tags.entrySet()) {
        ps.setLong(1, id);
        ps.setString(2, tag.getKey());
        ps.setString(3, tag.getValue());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    return Long.toString(id);
  }

  private static StoreException alreadyExists(String name) {
    return new StoreException(
        StoreException.Reason.ALREADY_EXISTS,
        "Experiment '" + name + "' already exists.");
  }

  @Override
  public Optional<Experiment> experiment(String experimentId) {
    OptionalLong id = parseId(experimentId);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(db.read(c -> selectOne(c, "experiment_id = ?", id.getAsLong())));
  }

  @Override
  public Optional<Experiment> experimentByName(String name) {
    requireNonNull(name, "name");
    return Optional.ofNullable(db.read(c -> selectOne(c, "name = ?", name)));
  }

  /** The experiment, read on the caller's connection, or NOT_FOUND. */
  static Experiment require(Connection c, String experimentId) throws SQLException {
    OptionalLong id = parseId(experimentId);
    Experiment e = id.isEmpty() ? null : selectOne(c, "experiment_id = ?", id.getAsLong());
    if (e == null) {
      throw StoreException.notFound("Could not find experiment with ID " + experimentId);
    }
    return e;
  }

  @Override
  public Page<Experiment> searchExperiments(ExperimentQuery query) {
    requireNonNull(query, "query");
    long after = query.pageToken().map(PageToken::decodeExperimentId).orElse(Long.MAX_VALUE);
    return db.read(c -> {
      StringBuilder where = new StringBuilder("experiment_id < ?");
      List<Object> args = new ArrayList<>(List.of(after));
      query.nameContains().ifPresent(n -> {
        where.append(" AND LOWER(name) LIKE ? ESCAPE '\\'");
        args.add("%" + escapeLike(n.toLowerCase(Locale.ROOT)) + "%");
      });
      List<Experiment> rows =
          select(c, where + " ORDER BY experiment_id DESC LIMIT " + (query.maxResults() + 1), args);
      if (rows.size() <= query.maxResults()) {
        return Page.create(rows, null);
      }
      List<Experiment> page = rows.subList(0, query.maxResults());
      String last = page.get(page.size() - 1).experimentId();
      return Page.create(page, PageToken.encodeExperimentId(Long.parseLong(last)));
    });
  }

  private static Experiment selectOne(Connection c, String where, Object arg) throws SQLException {
    List<Experiment> found = select(c, where, List.of(arg));
    return found.isEmpty() ? null : found.get(0);
  }

  private static List<Experiment> select(Connection c, String whereAndOrder, List<Object> args)
      throws SQLException {
    List<Experiment.Builder> builders = new ArrayList<>();
    Map<Long, Experiment.Builder> byId = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + COLUMNS + " FROM experiments WHERE " + whereAndOrder)) {
      for (int i = 0; i < args.size(); i++) {
        ps.setObject(i + 1, args.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Experiment.Builder b = Experiment.builder()
              .setExperimentId(Long.toString(rs.getLong(1)))
              .setName(rs.getString(2))
              .setArtifactLocation(rs.getString(3))
              .setLifecycleStage(rs.getString(4))
              .setCreationTime(rs.getLong(5))
              .setLastUpdateTime(rs.getLong(6));
          builders.add(b);
          byId.put(rs.getLong(1), b);
        }
      }
    }
    if (!byId.isEmpty()) {
      String in = String.join(",", java.util.Collections.nCopies(byId.size(), "?"));
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT experiment_id, key, value FROM experiment_tags WHERE experiment_id IN (" + in
              + ") ORDER BY key")) {
        int i = 1;
        for (Long id : byId.keySet()) {
          ps.setLong(i++, id);
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            byId.get(rs.getLong(1)).putTag(rs.getString(2), rs.getString(3));
          }
        }
      }
    }
    List<Experiment> result = new ArrayList<>(builders.size());
    builders.forEach(b -> result.add(b.build()));
    return result;
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

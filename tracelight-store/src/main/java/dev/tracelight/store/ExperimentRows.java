package dev.tracelight.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Queries on the {@code experiments} and {@code experiment_tags} tables. */
final class ExperimentRows {
  private static final String COLUMNS = "experiments.experiment_id, experiments.name,"
      + " experiments.artifact_location, experiments.lifecycle_stage, experiments.creation_time,"
      + " experiments.last_update_time";

  private ExperimentRows() {}

  /** The experiment matching {@code where} (one bind value), or null. */
  static Experiment selectOne(Connection c, String where, Object arg) throws SQLException {
    List<Experiment> found = select(c, where, List.of(arg));
    return found.isEmpty() ? null : found.get(0);
  }

  /** Experiments matching {@code whereAndOrder}, with their tags, in the order it asks. */
  static List<Experiment> select(Connection c, String whereAndOrder, List<Object> args)
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
      String in = String.join(",", Collections.nCopies(byId.size(), "?"));
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

  /** Sets {@code column = value} and the last update time on one experiment. */
  static void update(Connection c, long experimentId, String column, String value, long now)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE experiments SET " + column
        + " = ?, last_update_time = ? WHERE experiment_id = ?")) {
      ps.setString(1, value);
      ps.setLong(2, now);
      ps.setLong(3, experimentId);
      ps.executeUpdate();
    }
  }

  /** Sets each tag, replacing a value stored under the same key. */
  static void upsertTags(Connection c, long experimentId, Map<String, String> tags)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO experiment_tags (experiment_id, key, value) VALUES (?, ?, ?)"
            + " ON CONFLICT (experiment_id, key) DO UPDATE SET value = excluded.value")) {
      for (Map.Entry<String, String> tag : tags.entrySet()) {
        ps.setLong(1, experimentId);
        ps.setString(2, tag.getKey());
        ps.setString(3, tag.getValue());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Deletes one tag; returns whether it existed. */
  static boolean deleteTag(Connection c, long experimentId, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "DELETE FROM experiment_tags WHERE experiment_id = ? AND key = ?")) {
      ps.setLong(1, experimentId);
      ps.setString(2, key);
      return ps.executeUpdate() > 0;
    }
  }
}

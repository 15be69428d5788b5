package dev.tracelight.store;

/** The SQL implementation of {@link Storage}, one class per direction. */
final class SqlStorage implements Storage {
  final Database db; // package-private: the kits read raw rows through it
  private final SqlExperimentStore experiments;
  private final SqlTraceWriter writer;
  private final SqlTraceReader reader;
  private final SqlAssessmentStore assessments;
  private final SqlUserStore users;
  private final SqlTraceStatistics statistics;

  SqlStorage(Database db) {
    this.db = db;
    this.experiments = new SqlExperimentStore(db);
    this.reader = new SqlTraceReader(db);
    this.writer = new SqlTraceWriter(db);
    this.assessments = new SqlAssessmentStore(db);
    this.users = new SqlUserStore(db);
    this.statistics = new SqlTraceStatistics(db);
  }

  @Override
  public ExperimentStore experiments() {
    return experiments;
  }

  @Override
  public TraceWriter traceWriter() {
    return writer;
  }

  @Override
  public TraceReader traceReader() {
    return reader;
  }

  @Override
  public AssessmentStore assessments() {
    return assessments;
  }

  @Override
  public UserStore users() {
    return users;
  }

  @Override
  public TraceStatistics statistics() {
    return statistics;
  }

  @Override
  public void check() {
    db.read(
        c -> {
          try (var s = c.createStatement()) {
            return s.executeQuery("SELECT 1").next();
          }
        });
  }

  @Override
  public void close() {
    db.close();
  }

  @Override
  public String toString() {
    return "SqlStorage{" + db.dialect + "}";
  }
}

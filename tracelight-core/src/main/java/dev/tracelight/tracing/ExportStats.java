package dev.tracelight.tracing;

/** How many traces were exported, failed to export, or were dropped because the queue was full. */
public final class ExportStats {
  private final long exported;
  private final long failed;
  private final long dropped;

  private ExportStats(long exported, long failed, long dropped) {
    this.exported = exported;
    this.failed = failed;
    this.dropped = dropped;
  }

  static ExportStats create(long exported, long failed, long dropped) {
    return new ExportStats(exported, failed, dropped);
  }

  public long exported() {
    return exported;
  }

  public long failed() {
    return failed;
  }

  public long dropped() {
    return dropped;
  }

  @Override
  public String toString() {
    return "ExportStats{exported=" + exported + ", failed=" + failed + ", dropped=" + dropped + "}";
  }
}

package dev.tracelight.testkit;

/**
 * Holds requests while the server plays unresponsive: they are accepted and read, then wait here
 * unanswered until the gate opens again (they are then answered normally) or the server stops (they
 * are dropped, as by a server that went away). Thread-safe.
 */
final class ResponseGate {

  private boolean closed;
  private int waiting;

  synchronized void setUnresponsive(boolean unresponsive) {
    closed = unresponsive;
    if (!unresponsive) {
      notifyAll();
    }
  }

  synchronized boolean unresponsive() {
    return closed;
  }

  /** How many requests are being held right now. */
  synchronized int held() {
    return waiting;
  }

  /**
   * Waits while the gate is closed.
   *
   * @return false if interrupted (the server is stopping): the request must go unanswered
   */
  synchronized boolean awaitOpen() {
    waiting++;
    try {
      while (closed) {
        wait();
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      waiting--;
    }
  }
}

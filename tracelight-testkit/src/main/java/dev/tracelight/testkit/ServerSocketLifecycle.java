package dev.tracelight.testkit;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts, stops and restarts the HTTP listener of a fake server on one loopback port. Workers come
 * from an unbounded pool, because requests held by an unresponsive server each keep a thread and
 * must not starve the others. Thread-safe.
 */
final class ServerSocketLifecycle {

  private static final int BIND_ATTEMPTS = 50;
  private static final long BIND_RETRY_MILLIS = 100;

  private final HttpHandler handler;
  private final ResponseGate gate;
  private int port;
  @Nullable private HttpServer server;
  @Nullable private ExecutorService workers;
  private boolean closed;

  ServerSocketLifecycle(HttpHandler handler, ResponseGate gate, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    this.handler = handler;
    this.gate = gate;
    this.port = port;
  }

  synchronized void start() {
    if (closed) {
      throw new IllegalStateException("the fake server is closed");
    }
    if (server != null) {
      return;
    }
    HttpServer bound = bind();
    ExecutorService pool = Executors.newCachedThreadPool(workerThreads());
    bound.createContext("/", handler);
    bound.setExecutor(pool);
    bound.start();
    server = bound;
    workers = pool;
    port = bound.getAddress().getPort(); // fixed from now on, so a restart reuses it
  }

  synchronized void stop() {
    if (server == null) {
      return;
    }
    // Interrupting the workers first releases held requests without an answer; stop(0) then
    // closes the listener and every open connection at once.
    workers.shutdownNow();
    server.stop(0);
    server = null;
    workers = null;
  }

  synchronized void restart() {
    stop();
    start();
  }

  synchronized void close() {
    stop();
    closed = true;
    gate.setUnresponsive(false); // nothing may wait on the gate of a closed server
  }

  synchronized boolean isRunning() {
    return server != null;
  }

  synchronized int port() {
    return port;
  }

  /** Binds the port; a port just released may linger briefly in the kernel, so retry a while. */
  private HttpServer bind() {
    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    for (int attempt = 1; ; attempt++) {
      try {
        return HttpServer.create(address, 0);
      } catch (BindException e) {
        if (port == 0 || attempt == BIND_ATTEMPTS) {
          throw new IllegalStateException("cannot bind the fake server to port " + port, e);
        }
        sleep();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the fake server on port " + port, e);
      }
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(BIND_RETRY_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while binding the fake server", e);
    }
  }

  private static ThreadFactory workerThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "fake-mlflow-server-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}

package dev.tracelight.tracing;

import java.io.IOException;

/** Runs a call the user asked for against the tracking server, turning failures into one type. */
final class RemoteCalls {
  private RemoteCalls() {}

  interface Call<T> {
    T run(MlflowRestClient client) throws IOException, InterruptedException;
  }

  static <T> T run(String what, Call<T> call) {
    MlflowRestClient client = TracelightRuntime.get().requireClient();
    try {
      return call.run(client);
    } catch (MlflowRestException e) {
      throw new TracelightException(what + " failed: " + e.getMessage(), e.statusCode(), e.errorCode(), e);
    } catch (IOException e) {
      throw new TracelightException(what + " failed: " + client.baseUri() + " "
          + MlflowTraceExporter.describe(e), 0, "", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TracelightException(what + " was interrupted", 0, "", e);
    }
  }
}

package dev.tracelight.server;

import dev.tracelight.store.Storage;
import dev.tracelight.store.StorageFactory;
import picocli.CommandLine.Option;

/** The {@code --backend-store-uri} of the commands that manage a store without a server. */
final class StoreOption {
  @Option(
      names = "--backend-store-uri",
      description = "The server's store: sqlite:///relative.db, sqlite:////absolute.db or "
          + "postgresql://user:password@host:port/db (default: ${DEFAULT-VALUE}).")
  String backendStoreUri = TracelightServerConfig.DEFAULT_BACKEND_STORE_URI;

  /** Opens (and migrates) the store; close it when done. */
  Storage open() {
    return StorageFactory.open(backendStoreUri);
  }
}
